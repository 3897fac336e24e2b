package dev.pipelens.gitlab.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.model.When;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a GitLab plan carries for downstream code: typed when, allow_failure, reason kinds and gates. */
class GitLabPlanContractTest {

    private static final String PIPELINE = """
            stages: [build, deploy, after]
            build: {stage: build, script: make}
            approve: {stage: build, script: ok, when: manual, allow_failure: false}
            optional: {stage: build, script: ok, when: manual}
            deploy: {stage: deploy, script: d}
            cleanup: {stage: after, script: c, when: always}
            notify: {stage: after, script: n, needs: [optional]}
            rescue: {stage: after, script: r, when: on_failure}
            """;

    private final Plan plan = GitLabTestSupport.planner(PIPELINE).plan(Scenario.defaults());

    private PlannedStep step(String id) {
        return plan.step(id).orElseThrow();
    }

    @Test
    void whenIsTyped() {
        assertEquals(When.ON_SUCCESS, step("build").when());
        assertEquals(When.MANUAL, step("approve").when());
        assertEquals(When.ALWAYS, step("cleanup").when());
        assertEquals(When.ON_FAILURE, step("rescue").when());
    }

    @Test
    void allowFailureIsARunSetting() {
        assertEquals(Boolean.FALSE, step("approve").run().allowFailure());
        assertEquals(Boolean.TRUE, step("optional").run().allowFailure());
        assertEquals(Boolean.FALSE, step("build").allowFailure());
        assertNull(step("build").run().source(), "GitLab has no step model");
    }

    @Test
    void theStageIsAReasonOfItsOwnKind() {
        Reason first = step("deploy").why().get(0);
        assertEquals(Reason.Kind.STAGE, first.kind());
        assertEquals("stage deploy", first.text());
        assertEquals(step("deploy").reasons().size(), step("deploy").why().size());
        assertFalse(step("deploy").why().stream().skip(1).anyMatch(r -> r.kind() == Reason.Kind.STAGE));
    }

    @Test
    void gatedJobsNameTheManualJobTheyWaitFor() {
        assertEquals(Outcome.BLOCKED, step("approve").outcome());
        assertEquals(Outcome.GATED, step("deploy").outcome());
        assertEquals(List.of("approve"), step("deploy").gates(), "stage order: the blocking job of an earlier stage");
        assertEquals(List.of("approve"), step("cleanup").gates(), "through the gated deploy stage, the same gate");
        assertEquals(List.of("optional"), step("notify").gates(), "needs an optional manual job");
        assertEquals(List.of(), step("build").gates());
    }
}
