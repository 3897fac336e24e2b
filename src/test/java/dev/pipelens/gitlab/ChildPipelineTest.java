package dev.pipelens.gitlab;

import dev.pipelens.corpus.Corpus;
import dev.pipelens.gitlab.run.GitLabSemantics;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.system.Pipelines;
import dev.pipelens.simulate.JobState;
import dev.pipelens.simulate.Simulation;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Child pipelines (issue 14, item 1) on samples/gitlab/parent-child. Expected answers: GitLab docs,
 * "Downstream pipelines" (doc/ci/pipelines/downstream_pipelines.md): a child pipeline's CI_PIPELINE_SOURCE is
 * parent_pipeline, its workflow:rules decide whether it is created; trigger:forward (doc/ci/yaml/_index.md):
 * yaml_variables default true (the trigger job's variables are passed), pipeline_variables default false;
 * strategy: depend makes the trigger job's status follow the downstream pipeline's; child pipelines nest two
 * levels deep at most.
 */
class ChildPipelineTest {

    private static final Path PARENT = Path.of("samples/gitlab/parent-child/.gitlab-ci.yml");

    private static Plan plan(Path file, Scenario scenario) {
        return Pipelines.open(file, null, YamlLimits.DEFAULT).plan(scenario);
    }

    private static PlannedStep step(Plan plan, String id) {
        return plan.step(id).orElseThrow(() -> new AssertionError("no step " + id + " in "
                + plan.steps().stream().map(PlannedStep::id).toList()));
    }

    private static boolean says(PlannedStep s, String text) {
        return s.reasons().stream().anyMatch(r -> r.contains(text));
    }

    @Test
    void localChildIsPlannedAsAGroupUnderItsTriggerJob() {
        Plan plan = plan(PARENT, Scenario.defaults());
        PlannedStep group = step(plan, "tests/child");
        assertEquals(StepType.GROUP, group.type());
        assertEquals(Outcome.RUNS, group.outcome());
        assertTrue(says(group, "$CI_PIPELINE_SOURCE = \"parent_pipeline\""), group.reasons().toString());
        assertEquals("tests/child", step(plan, "tests/unit").group());
        assertEquals(Outcome.RUNS, step(plan, "tests/unit").outcome());
        assertEquals(Outcome.RUNS, step(plan, "tests/integration").outcome(), "SUITE: full is the trigger job's variable");
        assertEquals(Outcome.SKIPPED, step(plan, "tests/windows").outcome(), "TARGET: linux, a global the trigger inherits");
        List<String> ids = plan.steps().stream().map(PlannedStep::id).toList();
        assertEquals(ids.indexOf("tests") + 1, ids.indexOf("tests/child"), "the child follows its trigger job");
    }

    @Test
    void variablesTheChildReadsAreListed() {
        var vars = Pipelines.open(PARENT, null, YamlLimits.DEFAULT).variables();
        var suite = vars.stream().filter(v -> v.name().equals("SUITE")).findFirst().orElseThrow();
        assertEquals(List.of("full"), suite.values());
        assertEquals(List.of("tests/integration"), suite.usedBy());
    }

    @Test
    void pipelineVariablesAreNotForwardedByDefault() {
        Plan plan = plan(PARENT, Scenario.defaults().withVariable("TARGET", "windows"));
        assertEquals(Outcome.SKIPPED, step(plan, "tests/windows").outcome(),
                "forward:pipeline_variables is false: the child sees the trigger job's TARGET=linux");
    }

    @Test
    void childWorkflowRulesDecideItsCreation() {
        Plan plan = plan(PARENT, Scenario.defaults());
        assertEquals(Outcome.SKIPPED, step(plan, "docs/child").outcome());
        assertTrue(says(step(plan, "docs/child"), "child pipeline not created"), step(plan, "docs/child").reasons().toString());
        assertEquals(Outcome.SKIPPED, step(plan, "docs/pages").outcome());
    }

    @Test
    void aTriggerJobNotInThePipelineCreatesNoChild() {
        Plan plan = plan(PARENT, Scenario.defaults().withBranch("feature"));
        assertEquals(Outcome.SKIPPED, step(plan, "docs").outcome());
        assertTrue(says(step(plan, "docs/pages"), "trigger job docs is not in this pipeline"));
    }

    @Test
    void dynamicChildrenAndOtherProjectsAreNamedNotFollowed() {
        Plan plan = plan(PARENT, Scenario.defaults());
        PlannedStep generated = step(plan, "generated");
        assertTrue(says(generated, "artifact generated.yml of job build"), generated.reasons().toString());
        assertTrue(plan.step("generated/child").isEmpty());
    }

    @Test
    void strategyDependMakesTheTriggerJobEndWithTheChild() {
        Plan plan = plan(PARENT, Scenario.defaults());
        assertTrue(step(plan, "tests").dependsOn().contains("tests/child"));
        Simulation sim = new Simulation(plan, new GitLabSemantics());
        List<dev.pipelens.simulate.SimEvent> events = sim.runAll();
        assertEquals(JobState.PASSED, sim.state("tests"));
        assertTrue(passedAt(events, "tests") > passedAt(events, "tests/unit"), "the trigger job finishes after its child's jobs");
    }

    @Test
    void childJobsNameTheGatesBeforeThemIncludingAManualTriggerJob(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("child.yml"),
                "a:\n  script: [x]\nb:\n  script: [x]\n  when: manual\nc:\n  script: [x]\n  needs: [b]\n");
        Path file = Files.writeString(dir.resolve(".gitlab-ci.yml"),
                "t:\n  trigger:\n    include: child.yml\n  when: manual\n");
        Plan plan = plan(file, Scenario.defaults());
        assertEquals(Outcome.MANUAL, step(plan, "t").outcome());
        assertEquals(Outcome.GATED, step(plan, "t/a").outcome());
        assertEquals(List.of("t"), step(plan, "t/a").gates(), "the child is created when t is played");
        assertEquals(List.of("t"), step(plan, "t/b").gates());
        assertEquals(List.of("t/b", "t"), step(plan, "t/c").gates(), "c waits for the child's b and for t");
        assertTrue(step(plan, "t/a").why().stream().anyMatch(r -> r.text().startsWith("waits for trigger job t")));
    }

    @Test
    void childFilesOutsideTheProjectAreRefused(@TempDir Path dir) throws IOException {
        Path project = Files.createDirectories(dir.resolve("p"));
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(dir.resolve("evil.yml"), "stolen:\n  script: [x]\n");
        Path file = Files.writeString(project.resolve(".gitlab-ci.yml"),
                "t:\n  trigger:\n    include: ../evil.yml\n");
        Plan plan = plan(file, Scenario.defaults());
        assertTrue(plan.step("t/stolen").isEmpty());
        assertTrue(plan.diagnostics().stream().anyMatch(d -> d.isError() && d.code().equals(GitLabCodes.OUTSIDE_PROJECT)),
                plan.diagnostics().toString());
    }

    @Test
    void corpusParentChildAndTriggerCases() throws IOException {
        Path root = Corpus.root();
        assumeTrue(root != null, "corpus ../shared/corpus absent: skipped");
        Plan parent = plan(root.resolve("gitlab/firecow__gitlab-ci-local__tests__test-cases__parent-child__.gitlab-ci-3.yml"),
                Scenario.defaults());
        // the corpus keeps single files: child-pipeline.yml is not there, and the plan says so
        assertTrue(says(step(parent, "parent/child"), "cannot be read"), step(parent, "parent/child").reasons().toString());
        assertTrue(parent.diagnostics().stream().map(Diagnostic::code).anyMatch(GitLabCodes.INCLUDE_MISSING::equals));
        Plan trigger = plan(root.resolve("gitlab/firecow__gitlab-ci-local__tests__test-cases__trigger__.gitlab-ci.yml"),
                Scenario.defaults());
        assertTrue(says(step(trigger, "include-trigger"), "artifact .gitlab-ci-child.yml of job pipe-gen-job"));
        assertTrue(says(step(trigger, "remote-trigger"), "multi-project pipeline: project mytarget/project"));
    }

    private static int passedAt(List<dev.pipelens.simulate.SimEvent> events, String id) {
        return events.stream().filter(e -> e.stepId().equals(id) && e.state() == JobState.PASSED)
                .mapToInt(dev.pipelens.simulate.SimEvent::tick).findFirst().orElse(-1);
    }
}
