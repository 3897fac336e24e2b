package dev.pipelens.github.run;

import dev.pipelens.github.plan.GitHubPlanner;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.simulate.BuildState;
import dev.pipelens.simulate.JobResult;
import dev.pipelens.simulate.JobState;
import dev.pipelens.simulate.Simulation;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runner on GitHub workflows: the run parts of the spec's worked examples (E16, E18, E19, E23, E25). */
class GitHubRunTest {

    private static Simulation run(String example, Scenario scenario) {
        Path file = Path.of("src/test/resources/github/examples", example, "workflow.yml");
        Plan plan = GitHubPlanner.load(file.toString(), new YamlLoader().load(file), file).plan(scenario);
        return new Simulation(plan, new GitHubSemantics());
    }

    @Test
    void e16FailureSkipsDependentsAndRunsTheOnFailureJob() {
        Simulation sim = run("E16-on-failure", Scenario.defaults());
        sim.setResult("build", JobResult.fail());
        sim.runAll();
        assertEquals(JobState.FAILED, sim.state("build"));
        assertEquals(JobState.SKIPPED, sim.state("deploy"));
        assertEquals(JobState.PASSED, sim.state("debug"));
        assertEquals(BuildState.FAILED, sim.buildState());
    }

    @Test
    void e16AllPassSkipsTheOnFailureJob() {
        Simulation sim = run("E16-on-failure", Scenario.defaults());
        sim.runAll();
        assertEquals(JobState.SKIPPED, sim.state("debug"));
        assertEquals(BuildState.PASSED, sim.buildState());
    }

    @Test
    void e18SkippedAncestorSkipsPastAnAlwaysJob() {
        Simulation sim = run("E18-success-all-ancestors", Scenario.defaults());
        sim.runAll();
        assertEquals(JobState.SKIPPED, sim.state("a"));
        assertEquals(JobState.PASSED, sim.state("b"));
        assertEquals(JobState.SKIPPED, sim.state("c"));
        assertEquals(JobState.PASSED, sim.state("d"));
    }

    @Test
    void e19AlwaysAndNotCancelledRunAfterAFailure() {
        Simulation sim = run("E19-always-vs-not-cancelled", Scenario.defaults());
        sim.setResult("test", JobResult.fail());
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("report"));
        assertEquals(JobState.PASSED, sim.state("cleanup"));
    }

    @Test
    void e23ReviewersHoldTheReleaseUntilApproved() {
        Scenario s = Scenario.defaults().withBranch(null).withTag("v1.0.0")
                .withVariables(Map.of("environment.production", "reviewers;tags:v*"));
        Simulation sim = run("E23-tag-release-env-gate", s);
        sim.runAll();
        assertEquals(JobState.BLOCKED, sim.state("release"));
        assertEquals(JobState.WAITING, sim.state("announce"));
        assertEquals(BuildState.BLOCKED, sim.buildState());
        sim.unblock("release");
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("announce"));
        assertEquals(BuildState.PASSED, sim.buildState());
    }

    @Test
    void aRunWhoseEveryJobIsSkippedIsNotRunWithGitHubsNote() {
        String yaml = "on: push\njobs:\n  a: {runs-on: x, if: false}\n  b: {runs-on: x, needs: a}\n";
        Plan plan = GitHubPlanner.load("s.yml", new YamlLoader().parse(yaml, "s.yml"), null).plan(Scenario.defaults());
        Simulation sim = new Simulation(plan, new GitHubSemantics());
        sim.runAll();
        assertEquals(BuildState.NOT_RUN, sim.buildState());
        assertEquals(java.util.List.of("every job is skipped: GitHub concludes such a run skipped (shown as not-run)"),
                sim.buildNotes());
    }

    @Test
    void aLongChainOfNeedsPlansAndRunsToTheEnd() {
        StringBuilder yaml = new StringBuilder("on: push\njobs:\n");
        for (int i = 0; i < 1500; i++) {
            yaml.append("  j").append(i).append(": {runs-on: x").append(i == 0 ? "" : ", needs: j" + (i - 1)).append("}\n");
        }
        Plan plan = GitHubPlanner.load("chain.yml", new YamlLoader().parse(yaml.toString(), "chain.yml"), null)
                .plan(Scenario.defaults());
        assertEquals(dev.pipelens.plan.Outcome.RUNS, plan.step("j1499").orElseThrow().outcome());
        Simulation sim = new Simulation(plan, new GitHubSemantics());
        sim.setResult("j0", JobResult.fail());
        sim.runAll();
        assertEquals(JobState.SKIPPED, sim.state("j1499"));
        assertEquals(BuildState.FAILED, sim.buildState());
    }

    @Test
    void e25ContinueOnErrorFailureCountsAsSuccess() {
        Simulation sim = run("E25-job-continue-on-error", Scenario.defaults());
        sim.setResult("flaky", JobResult.fail());
        sim.runAll();
        assertEquals(JobState.SOFT_FAILED, sim.state("flaky"));
        assertEquals(JobState.PASSED, sim.state("next"));
        assertEquals(BuildState.PASSED, sim.buildState());
    }
}
