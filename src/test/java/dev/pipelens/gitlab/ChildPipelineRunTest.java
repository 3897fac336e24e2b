package dev.pipelens.gitlab;

import dev.pipelens.gitlab.run.GitLabSemantics;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.simulate.BuildState;
import dev.pipelens.simulate.JobResult;
import dev.pipelens.simulate.JobState;
import dev.pipelens.simulate.Simulation;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trigger job's run state with its child pipeline (issue 14 item 1, runner). Sources of the expected answers:
 * <ul>
 *   <li>{@code strategy: depend}: gitlab-org/gitlab app/models/ci/bridge.rb {@code inherit_status_from_downstream!}:
 *       downstream {@code success} -> the trigger job succeeds, {@code canceled} -> canceled, {@code failed} or
 *       {@code skipped} -> failed, any other status (running, manual) -> no change, the trigger job keeps running
 *       (gitlab-org/gitlab#363311: "Child pipelines with manual jobs are unintuitive with strategy: depend.
 *       Pipelines can easily get stuck in running state").</li>
 *   <li>A child pipeline that is not created: Ci::CreateDownstreamPipelineService drops the bridge with
 *       failure_reason {@code downstream_pipeline_creation_failed}, shown "downstream pipeline can not be created"
 *       (lib/gitlab/ci/status/bridge/failed.rb REASONS); the same with or without strategy: depend.</li>
 *   <li>Without {@code strategy: depend} the trigger job succeeds once the child pipeline is created
 *       (gitlab-org/gitlab!82312: "the default behavior for trigger jobs is that the status will become success
 *       when the downstream pipeline is created. The status of the trigger job is not synced or dependent on the
 *       status of the downstream pipeline"), and the child's failures stay in the child.</li>
 *   <li>A child of a merge request pipeline: gitlab-org/gitlab!23884 passes the parent's merge request to the
 *       child ("so that child pipelines also are merge request pipelines"), so CI_MERGE_REQUEST_* are set while
 *       CI_PIPELINE_SOURCE is parent_pipeline (downstream_pipelines.md, "Run child pipelines with merge request
 *       pipelines", tests $CI_MERGE_REQUEST_ID in the child; gitlab-org/gitlab#386787).</li>
 * </ul>
 */
class ChildPipelineRunTest {

    @TempDir
    Path dir;

    private Plan plan(String parent, String child, Scenario scenario) throws IOException {
        Files.writeString(dir.resolve("child.yml"), child);
        Path file = Files.writeString(dir.resolve(".gitlab-ci.yml"), parent);
        return Pipelines.open(file, null, YamlLimits.DEFAULT).plan(scenario);
    }

    private static final String DEPEND = "stages: [test, deploy]\n"
            + "t:\n  stage: test\n  trigger:\n    include: child.yml\n    strategy: depend\n"
            + "deploy:\n  stage: deploy\n  script: [ship]\n";

    @Test
    void dependTriggerFailsWhenItsChildFails() throws IOException {
        Simulation sim = new Simulation(plan(DEPEND, "a:\n  script: [x]\nb:\n  script: [x]\n", Scenario.defaults()),
                new GitLabSemantics());
        sim.setResult("t/b", JobResult.fail(2));
        sim.runAll();
        assertEquals(JobState.FAILED, sim.state("t"));
        assertTrue(sim.note("t").contains("child pipeline ended failed"), sim.note("t"));
        assertEquals(JobState.SKIPPED, sim.state("deploy"), "the stage after a failed trigger job is skipped");
        assertEquals(BuildState.FAILED, sim.buildState());
    }

    @Test
    void dependTriggerPassesWithItsChild() throws IOException {
        Simulation sim = new Simulation(plan(DEPEND, "a:\n  script: [x]\n", Scenario.defaults()), new GitLabSemantics());
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("t"));
        assertEquals(JobState.PASSED, sim.state("deploy"));
        assertEquals(BuildState.PASSED, sim.buildState());
    }

    @Test
    void dependTriggerKeepsRunningWhileItsChildWaitsForAManualJob() throws IOException {
        Simulation sim = new Simulation(plan(DEPEND, "a:\n  script: [x]\nm:\n  script: [x]\n  when: manual\n"
                + "  allow_failure: false\n", Scenario.defaults()), new GitLabSemantics());
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("t/a"));
        assertEquals(JobState.BLOCKED, sim.state("t/m"));
        assertEquals(JobState.WAITING, sim.state("t"), "no status to inherit yet: the trigger job keeps running");
        assertEquals(JobState.WAITING, sim.state("deploy"));
        assertEquals(BuildState.BLOCKED, sim.buildState());
        assertTrue(sim.buildNotes().stream().anyMatch(n -> n.contains("trigger job t (strategy: depend) stays running")),
                sim.buildNotes().toString());
        sim.unblock("t/m");
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("t"));
        assertEquals(JobState.PASSED, sim.state("deploy"));
        assertEquals(BuildState.PASSED, sim.buildState());
    }

    @Test
    void aChildThatIsNotCreatedFailsItsTriggerJob() throws IOException {
        String child = "workflow:\n  rules:\n    - if: $CI_COMMIT_TAG\na:\n  script: [x]\n";
        for (String parent : new String[] {DEPEND, DEPEND.replace("    strategy: depend\n", "")}) {
            Plan plan = plan(parent, child, Scenario.defaults());
            assertEquals(Outcome.SKIPPED, plan.step("t/child").orElseThrow().outcome());
            Simulation sim = new Simulation(plan, new GitLabSemantics());
            sim.runAll();
            assertEquals(JobState.FAILED, sim.state("t"), parent);
            assertTrue(sim.note("t").contains("downstream pipeline can not be created"), sim.note("t"));
            assertEquals(BuildState.FAILED, sim.buildState());
        }
    }

    @Test
    void aChildWhoseJobsAreAllLeftOutIsNotCreatedEither() throws IOException {
        Plan plan = plan(DEPEND.replace("    strategy: depend\n", "  allow_failure: true\n"),
                "a:\n  script: [x]\n  rules:\n    - if: $CI_COMMIT_TAG\n", Scenario.defaults());
        Simulation sim = new Simulation(plan, new GitLabSemantics());
        sim.runAll();
        assertEquals(JobState.SOFT_FAILED, sim.state("t"), "allow_failure: true lets the failed trigger job pass");
        assertTrue(sim.note("t").contains("downstream pipeline can not be created"), sim.note("t"));
        assertEquals(JobState.PASSED, sim.state("deploy"));
    }

    @Test
    void withoutDependTheTriggerPassesOnceTheChildIsCreated() throws IOException {
        Simulation sim = new Simulation(plan(DEPEND.replace("    strategy: depend\n", ""),
                "a:\n  script: [x]\n", Scenario.defaults()), new GitLabSemantics());
        sim.setResult("t/a", JobResult.fail(1));
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("t"));
        assertTrue(sim.note("t").contains("without strategy: depend"), sim.note("t"));
        assertEquals(JobState.FAILED, sim.state("t/a"));
        assertEquals(JobState.PASSED, sim.state("deploy"));
        assertEquals(BuildState.PASSED, sim.buildState(), "the child's failure is the child pipeline's, not the parent's");
    }

    @Test
    void aChildOfAMergeRequestPipelineIsAMergeRequestPipeline() throws IOException {
        String child = "workflow:\n  rules:\n    - if: $CI_MERGE_REQUEST_ID\n"
                + "mr:\n  script: [x]\n  rules:\n    - if: $CI_MERGE_REQUEST_TARGET_BRANCH_NAME == \"main\"\n"
                + "source:\n  script: [x]\n  rules:\n    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n"
                + "branch:\n  script: [x]\n  rules:\n    - if: $CI_COMMIT_BRANCH\n";
        // rules make the trigger job part of a merge request pipeline (without them only: branches, tags applies)
        String parent = "t:\n  trigger:\n    include: child.yml\n  rules:\n    - when: on_success\n";
        Plan mr = plan(parent, child, Scenario.defaults().withPullRequest("7").withBranch("feature"));
        assertEquals(Outcome.RUNS, mr.step("t/mr").orElseThrow().outcome(), "CI_MERGE_REQUEST_* reach the child");
        assertEquals(Outcome.SKIPPED, mr.step("t/source").orElseThrow().outcome(), "its source is parent_pipeline");
        assertEquals(Outcome.SKIPPED, mr.step("t/branch").orElseThrow().outcome(),
                "a merge request pipeline has no CI_COMMIT_BRANCH");
        Plan push = plan(parent, child, Scenario.defaults());
        assertEquals(Outcome.SKIPPED, push.step("t/child").orElseThrow().outcome(),
                "a branch pipeline's child has no merge request: its workflow:rules match nothing");
        assertFalse(push.step("t/mr").orElseThrow().outcome() == Outcome.RUNS);
    }

    @Test
    void aManualTriggerJobsChildWaitsUntilItIsPlayed() throws IOException {
        // the child pipeline exists only once the trigger job runs (Ci::CreateDownstreamPipelineService runs
        // when the bridge starts; a manual bridge starts when played)
        String parent = "t:\n  trigger:\n    include: child.yml\n  when: manual\n";
        Plan plan = plan(parent, "a:\n  script: [x]\n", Scenario.defaults());
        Simulation sim = new Simulation(plan, new GitLabSemantics());
        sim.runAll();
        assertEquals(JobState.MANUAL, sim.state("t"));
        assertEquals(JobState.SKIPPED, sim.state("t/a"), sim.note("t/a"));
        assertTrue(sim.note("t/a").contains("nobody played it"), sim.note("t/a"));
        sim = new Simulation(plan, new GitLabSemantics());
        sim.unblock("t");
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("t"));
        assertEquals(JobState.PASSED, sim.state("t/a"));
    }
}
