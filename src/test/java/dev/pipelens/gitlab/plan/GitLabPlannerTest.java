package dev.pipelens.gitlab.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.model.StepType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planner behaviour beyond the spec's examples: edges, triggers, exists, matrix rules, invalid files, speed. */
class GitLabPlannerTest {

    @Test
    void stageEdgesAreImplicitAndComeFromThePreviousNonEmptyStage() {
        Plan plan = GitLabTestSupport.planner("stages: [a, b, c]\nx: {stage: a, script: s}\ny: {stage: a, script: s}\n"
                + "z: {stage: c, script: s}\nd: {stage: c, script: s, needs: [x]}\n").plan(Scenario.defaults());
        assertEquals(List.of("x", "y"), plan.step("z").orElseThrow().dependsOn());
        assertTrue(plan.edges().contains(new PlanEdge("x", "z", EdgeKind.IMPLICIT, false)));
        assertTrue(plan.edges().contains(new PlanEdge("x", "d", EdgeKind.EXPLICIT, false)));
    }

    @Test
    void triggerJobsAreTriggerSteps() {
        Plan plan = GitLabTestSupport.planner("child:\n  trigger:\n    include: child.yml\n").plan(Scenario.defaults());
        PlannedStep child = plan.step("child").orElseThrow();
        assertEquals(StepType.TRIGGER, child.type());
        assertEquals("runs", child.outcome().id());
    }

    @Test
    void existsLooksAtTheProjectDirectoryOrTheGivenList(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".gitlab-ci.yml"), "docker: {script: x, rules: [{exists: [Dockerfile, 'docker/**/*.yml']}]}\n"
                + "other: {script: x}\n");
        GitLabPlanner planner = GitLabTestSupport.planner(dir.resolve(".gitlab-ci.yml"), dir);
        GitLabTestSupport.check(planner.plan(Scenario.defaults()), "docker=skipped other=runs", "no Dockerfile");
        Files.createDirectories(dir.resolve("docker/x"));
        Files.writeString(dir.resolve("docker/x/compose.yml"), "");
        GitLabTestSupport.check(GitLabTestSupport.planner(dir.resolve(".gitlab-ci.yml"), dir).plan(Scenario.defaults()),
                "docker=runs", "docker/x/compose.yml");
        GitLabTestSupport.check(planner.plan(Scenario.defaults().withVariable("PIPELENS_EXISTING_FILES", "Dockerfile")),
                "docker=runs", "listed");
    }

    @Test
    void changesAreTrueWithoutAPushDiff() {
        GitLabPlanner planner = GitLabTestSupport.planner("j: {script: x, rules: [{changes: [src/*]}]}\nk: {script: x}\n");
        Scenario listed = Scenario.defaults().withVariable("PIPELENS_CHANGED_FILES", "docs/a.md");
        GitLabTestSupport.check(planner.plan(listed), "j=skipped", "push, docs only");
        GitLabTestSupport.check(planner.plan(listed.withSource("schedule")), "j=runs", "schedule: no push event");
        GitLabTestSupport.check(planner.plan(listed.withVariable("PIPELENS_CHANGED_FILES", "src/a.c")), "j=runs", "src");
    }

    @Test
    void matrixJobsAreDecidedPerInstanceWhenRulesReadMatrixVariables() {
        Plan plan = GitLabTestSupport.planner("deploy:\n  script: x\n  parallel:\n    matrix:\n      - {CLOUD: [aws, gcp, azure]}\n"
                + "  rules:\n    - if: $CLOUD == \"aws\" || $CLOUD == \"gcp\"\n").plan(Scenario.defaults());
        PlannedStep d = plan.step("deploy").orElseThrow();
        assertEquals("runs", d.outcome().id());
        assertEquals(2, d.jobs());
        assertTrue(d.reasons().get(1).startsWith("2 of 3 parallel:matrix jobs created"), d.reasons().toString());
    }

    @Test
    void anInvalidFileIsNotCreatedAndSaysWhere() {
        Plan plan = GitLabTestSupport.planner("j:\n  script: x\n  rules:\n    - if: ${A} == \"x\"\n").plan(Scenario.defaults());
        assertFalse(plan.created());
        assertTrue(plan.pipelineReasons().get(0).startsWith("configuration is invalid"), plan.pipelineReasons().toString());
        assertTrue(plan.hasErrors());
    }

    @Test
    void needsCyclesStopThePipeline() {
        Plan plan = GitLabTestSupport.planner("a: {script: x, needs: [b]}\nb: {script: x, needs: [a]}\n").plan(Scenario.defaults());
        assertFalse(plan.created());
        assertTrue(plan.pipelineReasons().get(0).contains("circular"), plan.pipelineReasons().toString());
    }

    @Test
    void dagJobNeedingAnOnFailureJobNeverRuns() {
        Plan plan = GitLabTestSupport.planner("a: {stage: build, script: x, when: on_failure}\nb: {script: x, needs: [a]}\n")
                .plan(Scenario.defaults());
        GitLabTestSupport.check(plan, "a=on-failure b=never", "on_failure need");
    }

    @Test
    void replanningAThousandJobsFollowsTheToggledVariable() {
        StringBuilder yaml = new StringBuilder("stages: [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9]\n");
        for (int i = 0; i < 1000; i++) {
            yaml.append("job").append(i).append(":\n  stage: s").append(i % 10).append("\n  script: x\n");
            if (i % 3 == 0) {
                yaml.append("  rules:\n    - if: $CI_COMMIT_BRANCH == \"main\" && $V").append(i % 7)
                        .append(" =~ /^on/\n      when: manual\n    - if: $CI_COMMIT_TAG\n    - when: never\n");
            } else if (i % 3 == 1 && i > 10) {
                yaml.append("  needs: [job").append(i - 10).append(", {job: job").append(i - 7).append(", optional: true}]\n");
            }
        }
        GitLabPlanner planner = GitLabTestSupport.planner(yaml.toString());
        Scenario s = Scenario.defaults();
        for (int i = 0; i < 100; i++) {
            planner.plan(s.withVariable("V1", i % 2 == 0 ? "on" : "off"));
        }
        // behaviour, not time (speed is measured by `pipelens bench`): toggling V1 flips the jobs that read it
        Plan on = planner.plan(s.withVariable("V1", "on"));
        Plan off = planner.plan(s.withVariable("V1", "off"));
        assertEquals(1000, on.steps().size());
        // job16 needs job6, which `when: never` removes, so no pipeline is created; the job decisions still say why
        assertFalse(on.created());
        assertTrue(on.step("job15").orElseThrow().reasons().stream().anyMatch(r -> r.startsWith("rule 1 matched")),
                on.step("job15").orElseThrow().reasons()::toString);
        assertTrue(off.step("job15").orElseThrow().reasons().stream().anyMatch(r -> r.startsWith("rule 3 matched")),
                off.step("job15").orElseThrow().reasons()::toString);
    }
}
