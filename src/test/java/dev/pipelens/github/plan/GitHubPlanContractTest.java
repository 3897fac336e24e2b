package dev.pipelens.github.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.model.When;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.Reason;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a GitHub plan carries for downstream code: typed when, continue-on-error as soft-fail, reasons, gates. */
class GitHubPlanContractTest {

    private static final String WORKFLOW = """
            on: push
            jobs:
              build: {runs-on: x}
              flaky: {runs-on: x, continue-on-error: true}
              deploy: {runs-on: x, needs: build, environment: production}
              smoke: {runs-on: x, needs: deploy}
              publish: {runs-on: x, needs: smoke}
              cleanup: {runs-on: x, needs: build, if: always()}
              report: {runs-on: x, needs: build, if: '!cancelled()'}
              rescue: {runs-on: x, needs: build, if: failure()}
            """;

    private final Plan plan = GitHubPlanner.load("w.yml", new YamlLoader().parse(WORKFLOW, "w.yml"), null)
            .plan(Scenario.defaults().withVariable("environment.production", "reviewers"));

    private PlannedStep step(String id) {
        return plan.step(id).orElseThrow();
    }

    @Test
    void whenIsHowTheIfBehavesAfterAFailureOrACancel() {
        assertEquals(When.ON_SUCCESS, step("build").when());
        assertEquals(When.ON_SUCCESS, step("deploy").when());
        assertEquals(When.ALWAYS, step("cleanup").when());
        assertEquals(When.NOT_CANCELLED, step("report").when());
        assertEquals(When.ON_FAILURE, step("rescue").when());
        assertEquals(Outcome.ON_FAILURE, step("rescue").outcome());
    }

    @Test
    void continueOnErrorIsASoftFailOfAnyFailure() {
        assertTrue(step("flaky").run().softFail().all());
        assertFalse(step("build").run().softFail().isSet());
        assertNull(step("flaky").allowFailure(), "GitHub has no allow_failure");
    }

    @Test
    void reasonsAreSentencesOfTheGeneralKind() {
        assertFalse(step("deploy").why().isEmpty());
        assertEquals(step("deploy").reasons().size(), step("deploy").why().size());
        assertTrue(step("deploy").why().stream().allMatch(r -> r.kind() == Reason.Kind.GENERAL));
        assertTrue(step("deploy").reasons().get(0).contains("requires a reviewer's approval"), step("deploy").reasons().toString());
    }

    @Test
    void theJobBehindReviewersIsTheGateOfTheJobsAfterIt() {
        assertEquals(Outcome.BLOCKED, step("deploy").outcome());
        assertEquals(List.of(), step("deploy").gates(), "nothing holds the gate itself back");
        assertEquals(Outcome.GATED, step("smoke").outcome());
        assertEquals(List.of("deploy"), step("smoke").gates());
        assertEquals(List.of("deploy"), step("publish").gates(), "through the gated smoke job, the same gate");
        assertEquals(List.of(), step("cleanup").gates());
    }

    @Test
    void aCalledWorkflowsJobsWaitAtTheirCallersGate() {
        Path file = Path.of("samples/github/release.yml");
        Plan p = GitHubPlanner.load(file.toString(), new YamlLoader().load(file), file)
                .plan(Scenario.defaults().withBranch(null).withTag("v1.2.0")
                        .withVariables(Map.of("environment.production", "reviewers")));
        assertEquals(Outcome.GATED, p.step("announce").orElseThrow().outcome());
        assertEquals(List.of("release-images"), p.step("announce").orElseThrow().gates());
        assertEquals(Outcome.GATED, p.step("announce/post").orElseThrow().outcome());
        assertEquals(List.of("release-images"), p.step("announce/post").orElseThrow().gates());
    }
}
