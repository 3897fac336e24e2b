package dev.pipelens.buildkite.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The worked examples E1–E27 of the Buildkite spec, one folder each under
 * {@code src/test/resources/pipelines/buildkite}: {@code pipeline.yml} plus {@code expected.yml} with
 * scenarios and the expected outcome (and optionally dependencies, job counts, diagnostics) per step.
 */
class BuildkiteSpecCasesTest {

    private static final Path ROOT = Path.of("src/test/resources/pipelines/buildkite");

    @TestFactory
    Stream<DynamicNode> workedExamples() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(ROOT)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 27, "expected the 27 worked examples, found " + dirs.size());
        return dirs.stream().map(this::caseOf);
    }

    private DynamicNode caseOf(Path dir) {
        YamlDocument expected = new YamlLoader().load(dir.resolve("expected.yml"));
        assertTrue(expected.diagnostics().isEmpty(), () -> dir + ": " + expected.diagnostics());
        YamlMap root = (YamlMap) expected.root();
        Path pipeline = dir.resolve("pipeline.yml");
        BuildkitePlanner planner = BuildkitePlanner.load(pipeline.toString(), new YamlLoader().load(pipeline));
        List<DynamicTest> tests = new ArrayList<>();
        for (YamlNode n : ((YamlSeq) root.get("scenarios")).items()) {
            YamlMap sc = (YamlMap) n;
            tests.add(DynamicTest.dynamicTest(sc.text("name"), () -> check(planner, sc)));
        }
        return DynamicContainer.dynamicContainer(dir.getFileName().toString(), tests);
    }

    private static void check(BuildkitePlanner planner, YamlMap sc) {
        Plan plan = planner.plan(scenario((YamlMap) sc.get("scenario")));
        String context = "\n" + dev.pipelens.buildkite.plan.Debug.render(plan);
        boolean created = !"false".equals(sc.text("created"));
        assertEquals(created, plan.created(), "created" + context);
        Map<String, PlannedStep> steps = plan.stepsById();
        for (Map.Entry<String, String> e : map(sc.get("outcomes")).entrySet()) {
            PlannedStep step = steps.get(e.getKey());
            assertNotNull(step, "no step " + e.getKey() + context);
            assertEquals(e.getValue(), step.outcome().id(), "outcome of " + e.getKey() + context);
            assertTrue(!step.reasons().isEmpty(), "every step says why: " + e.getKey());
        }
        if (sc.get("dependsOn") instanceof YamlMap deps) {
            for (YamlMap.Entry e : deps.entries()) {
                List<String> want = new ArrayList<>();
                for (YamlNode item : ((YamlSeq) e.value()).items()) {
                    want.add(((YamlScalar) item).value());
                }
                assertEquals(want, steps.get(e.name()).dependsOn(), "dependsOn of " + e.name() + context);
            }
        }
        for (Map.Entry<String, String> e : map(sc.get("jobs")).entrySet()) {
            assertEquals(Integer.parseInt(e.getValue()), steps.get(e.getKey()).jobs(), "jobs of " + e.getKey());
        }
        for (Map.Entry<String, String> e : map(sc.get("types")).entrySet()) {
            assertEquals(e.getValue(), steps.get(e.getKey()).type().id(), "type of " + e.getKey());
        }
        String pipelineReason = sc.text("pipelineReason");
        if (pipelineReason != null) {
            assertTrue(plan.pipelineReasons().stream().anyMatch(r -> r.contains(pipelineReason)),
                    "pipeline reasons mention " + pipelineReason + context);
        }
        if (sc.get("diagnostics") instanceof YamlSeq diags) {
            for (YamlNode d : diags.items()) {
                String want = ((YamlScalar) d).value();
                String code = want.contains("@") ? want.substring(0, want.indexOf('@')) : want;
                List<Diagnostic> found = plan.diagnostics().stream().filter(x -> x.code().equals(code)).toList();
                if (found.isEmpty()) {
                    fail("expected diagnostic " + want + context);
                }
                if (want.contains("@")) {
                    String at = want.substring(want.indexOf('@') + 1);
                    assertTrue(found.stream().anyMatch(x -> (x.span().line() + ":" + x.span().column()).equals(at)),
                            "expected " + code + " at " + at + " but got " + found);
                }
            }
        }
    }

    private static Map<String, String> map(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                out.put(e.name(), ((YamlScalar) e.value()).value());
            }
        }
        return out;
    }

    static Scenario scenario(YamlMap m) {
        Scenario s = new Scenario(m.text("branch"), m.text("tag"), m.text("message"), m.text("source"),
                m.text("pullRequest"), m.text("defaultBranch"), map(m.get("variables")));
        return s;
    }
}
