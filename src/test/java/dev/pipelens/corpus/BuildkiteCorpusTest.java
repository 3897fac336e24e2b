package dev.pipelens.corpus;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Buildkite file of the shared corpus loads and plans in several scenarios without an exception
 * escaping; files that are not valid give located errors; valid ones list every step with reasons.
 */
class BuildkiteCorpusTest {

    private static final List<Scenario> SCENARIOS = List.of(
            Scenario.defaults(),
            Scenario.defaults().withVariable("NIGHTLY", "1"),
            Scenario.defaults().withBranch(null).withTag("v1.2.0"),
            Scenario.defaults().withBranch("feature/x").withPullRequest("42"));

    @TestFactory
    Stream<DynamicTest> everyCorpusFilePlans() throws IOException {
        return Corpus.files("buildkite").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) {
        PipelinePlanner planner = Pipelines.open(file, CiSystem.BUILDKITE, YamlLimits.DEFAULT);
        for (Scenario s : SCENARIOS) {
            Plan plan = planner.plan(s);
            for (Diagnostic d : plan.diagnostics()) {
                if (d.isError()) {
                    assertTrue(d.span().isKnown(), "every error is located: " + d);
                    assertEquals(file.toString(), d.span().file());
                }
            }
            if (planner.unusable()) {
                assertFalse(plan.created(), "an unusable file creates no pipeline");
                continue;
            }
            for (PlannedStep step : plan.steps()) {
                assertFalse(step.reasons().isEmpty(), "every step says why: " + step.id() + " in " + file);
                assertTrue(step.span().isKnown(), "every step has a line: " + step.id());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> knownFacts() throws IOException {
        List<Path> files = Corpus.files("buildkite");
        return Stream.of(
                DynamicTest.dynamicTest("the merge-conflict vLLM file is invalid YAML with a located error", () -> {
                    Path f = files.stream().filter(p -> p.getFileName().toString().startsWith("linzack__vllm")).findFirst()
                            .orElseThrow();
                    PipelinePlanner planner = Pipelines.open(f, null, YamlLimits.DEFAULT);
                    assertTrue(planner.unusable());
                    assertTrue(planner.loadDiagnostics().get(0).span().line() > 1);
                }),
                DynamicTest.dynamicTest("vLLM release pipeline: the CPU image build waits at its block step", () -> {
                    Path f = files.stream().filter(p -> p.getFileName().toString()
                            .startsWith("SumanthRH__vllm")).findFirst().orElseThrow();
                    Plan plan = Pipelines.open(f, null, YamlLimits.DEFAULT).plan(Scenario.defaults());
                    assertTrue(plan.created(), plan.diagnostics()::toString);
                    assertEquals("blocked", plan.step("block-cpu-release-image-build").orElseThrow().outcome().id());
                    PlannedStep cpu = plan.steps().stream().filter(s -> s.dependsOn().contains("block-cpu-release-image-build"))
                            .findFirst().orElseThrow();
                    assertEquals("gated", cpu.outcome().id());
                }));
    }
}
