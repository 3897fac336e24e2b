package dev.pipelens.buildkite.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.model.SoftFail;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.Reason;
import dev.pipelens.plan.RunSettings;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a Buildkite plan carries for downstream code: run settings, reason kinds and gates. */
class BuildkitePlanContractTest {

    private static Plan plan(String yaml) {
        return BuildkitePlanner.load("p.yml", new YamlLoader().parse(yaml, "p.yml")).plan(Scenario.defaults());
    }

    @Test
    void runSettingsComeFromTheStepAsUploaded() {
        Plan plan = plan("""
                steps:
                  - key: t
                    command: "make $$TARGET"
                    soft_fail: [{exit_status: 2}]
                  - key: m
                    command: x
                    matrix:
                      setup: {os: [a, b]}
                      adjustments:
                        - with: {os: a}
                          soft_fail: true
                  - wait: ~
                    key: w
                    continue_on_failure: true
                  - block: ok
                    key: b
                    blocked_state: running
                    fields: [{text: Why, key: why}]
                  - trigger: other
                    key: tr
                    async: true
                """);
        RunSettings t = plan.step("t").orElseThrow().run();
        assertEquals(new SoftFail(false, List.of(2)), t.softFail());
        assertEquals(List.of("make $TARGET"), t.commands());
        assertSame(StepType.COMMAND, t.source().type());
        RunSettings m = plan.step("m").orElseThrow().run();
        assertTrue(m.someMatrixJobsSoftFail());
        assertFalse(m.softFail().isSet(), "only some matrix jobs soft-fail");
        assertTrue(plan.step("w").orElseThrow().run().continueOnFailure());
        RunSettings b = plan.step("b").orElseThrow().run();
        assertEquals("running", b.blockedState());
        assertEquals(List.of("why"), b.fields().stream().map(f -> f.key()).toList());
        assertTrue(plan.step("tr").orElseThrow().run().async());
        assertNull(plan.step("t").orElseThrow().when(), "Buildkite has no when");
        assertNull(plan.step("t").orElseThrow().allowFailure());
    }

    @Test
    void neverReasonsAreTyped() {
        Plan plan = plan("""
                steps:
                  - {key: a, command: x, depends_on: missing}
                  - {key: b, command: x, depends_on: a}
                  - {key: c, command: x, depends_on: d}
                  - {key: d, command: x, depends_on: c}
                """);
        PlannedStep a = plan.step("a").orElseThrow();
        assertEquals(Outcome.NEVER, a.outcome());
        assertTrue(a.why().stream().anyMatch(r -> r.kind() == Reason.Kind.MISSING_DEPENDENCY));
        assertTrue(plan.step("b").orElseThrow().why().stream().anyMatch(r -> r.kind() == Reason.Kind.WAITS_FOR_NEVER));
        assertTrue(plan.step("c").orElseThrow().why().stream().anyMatch(r -> r.kind() == Reason.Kind.CYCLE));
        assertEquals(a.reasons(), a.why().stream().map(Reason::text).toList());
    }

    @Test
    void gatedStepsNameTheirGates() {
        Plan plan = plan("""
                steps:
                  - {key: build, command: x}
                  - block: Release?
                    key: release
                  - {key: ship, command: y}
                """);
        assertEquals(Outcome.GATED, plan.step("ship").orElseThrow().outcome());
        assertEquals(List.of("release"), plan.step("ship").orElseThrow().gates());
        assertEquals(List.of(), plan.step("build").orElseThrow().gates());
    }
}
