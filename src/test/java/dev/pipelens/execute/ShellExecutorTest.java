package dev.pipelens.execute;

import dev.pipelens.buildkite.run.BuildkiteSemantics;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.buildkite.plan.BuildkitePlanner;
import dev.pipelens.simulate.JobState;
import dev.pipelens.simulate.Simulation;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real execution with small shell commands in a temporary directory. */
@Timeout(60)
class ShellExecutorTest {

    @TempDir
    Path dir;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private Simulation simulation(String yaml, Scenario scenario, Duration timeout) throws IOException {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, yaml);
        BuildkitePlanner planner = BuildkitePlanner.load(file.toString(), new YamlLoader().load(file));
        Plan plan = planner.plan(scenario);
        Simulation sim = new Simulation(plan, new BuildkiteSemantics());
        sim.setRunner(new ExecutingJobRunner(dir, timeout, scenario, planner.pipeline(scenario).env(),
                (step, job, line) -> lines.add(step + ": " + line)));
        return sim;
    }

    /** {@code $VAR} is filled at upload (agent interpolation); {@code $$VAR} reaches the job's shell. */
    @Test
    void passingCommandsSeeTheScenarioAndBuildkiteVariables() throws IOException {
        Simulation sim = simulation("""
                env:
                  TOP: top-level
                steps:
                  - key: hello
                    command:
                      - echo "branch=$BUILDKITE_BRANCH tag=$BUILDKITE_TAG key=$$BUILDKITE_STEP_KEY ci=$$CI bk=$$BUILDKITE"
                      - echo "var=$GREETING top=$TOP step=$$STEPVAR pwd=$(pwd)"
                    env:
                      STEPVAR: from-step
                  - key: shards
                    parallelism: 2
                    command: echo "shard $$BUILDKITE_PARALLEL_JOB of $$BUILDKITE_PARALLEL_JOB_COUNT"
                """, Scenario.defaults().withTag("v1.0.0").withBranch("v1.0.0").withVariable("GREETING", "hi"), null);
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("hello"), sim.events().toString());
        assertEquals(JobState.PASSED, sim.state("shards"));
        assertTrue(lines.contains("hello: branch=v1.0.0 tag=v1.0.0 key=hello ci=true bk=true"), lines.toString());
        assertTrue(lines.contains("hello: var=hi top=top-level step=from-step pwd=" + dir.toRealPath()), lines.toString());
        assertTrue(lines.contains("shards: shard 0 of 2") && lines.contains("shards: shard 1 of 2"), lines.toString());
    }

    @Test
    void exitStatusThreeFailsAndStopsTheDependents() throws IOException {
        Simulation sim = simulation("""
                steps:
                  - key: build
                    command:
                      - echo building
                      - exit 3
                      - echo never printed
                  - wait
                  - key: deploy
                    command: touch deployed
                """, Scenario.defaults(), null);
        sim.runAll();
        assertEquals(JobState.FAILED, sim.state("build"));
        assertTrue(sim.note("build").contains("exit status 3"), sim.note("build"));
        assertEquals(JobState.NOT_RUN, sim.state("deploy"));
        assertEquals("failed", sim.buildState().id());
        assertEquals(List.of("build: building"), lines);
        assertFalse(Files.exists(dir.resolve("deployed")), "nothing after the failed wait executes");
    }

    @Test
    void softFailByExitStatus() throws IOException {
        Simulation sim = simulation("""
                steps:
                  - key: flaky
                    command: exit 42
                    soft_fail:
                      - exit_status: 42
                  - key: strict
                    command: exit 1
                    soft_fail:
                      - exit_status: 42
                """, Scenario.defaults(), null);
        sim.runAll();
        assertEquals(JobState.SOFT_FAILED, sim.state("flaky"));
        assertEquals(JobState.FAILED, sim.state("strict"));
    }

    @Test
    void presetResultsAreNotExecuted() throws IOException {
        Simulation sim = simulation("""
                steps:
                  - key: a
                    command: touch ran
                """, Scenario.defaults(), null);
        sim.setResult("a", dev.pipelens.simulate.JobResult.fail(5));
        sim.runAll();
        assertEquals(JobState.FAILED, sim.state("a"));
        assertTrue(sim.note("a").contains("not executed"), sim.note("a"));
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    @Test
    void timeoutKillsTheJob() throws IOException {
        Simulation sim = simulation("""
                steps:
                  - key: slow
                    command: sleep 30
                """, Scenario.defaults(), Duration.ofMillis(500));
        long start = System.nanoTime();
        sim.runAll();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "the timeout ended the job early");
        assertEquals(JobState.FAILED, sim.state("slow"));
        assertTrue(sim.note("slow").contains("timed out"), sim.note("slow"));
    }

    @Test
    void cancelKillsTheWholeProcessTree() throws Exception {
        ShellExecutor executor = new ShellExecutor();
        ExecutionRequest request = new ExecutionRequest("tree", 0, List.of(
                "sleep 300 &",
                "echo $! > child.pid",
                "sh -c 'sleep 300 & echo $! > grandchild.pid; wait' &",
                "echo $$ > shell.pid",
                "wait"), Map.of(), dir, null);
        CompletableFuture<ExecutionResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return executor.run(request, OutputListener.NONE);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long child = waitForPid(dir.resolve("child.pid"));
        long grandchild = waitForPid(dir.resolve("grandchild.pid"));
        long shell = waitForPid(dir.resolve("shell.pid"));
        assertTrue(alive(child) && alive(grandchild) && alive(shell), "the tree runs before the cancel");
        executor.cancel();
        ExecutionResult result = running.get(20, TimeUnit.SECONDS);
        assertTrue(result.canceled(), result.toString());
        for (long pid : new long[] {shell, child, grandchild}) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (alive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(alive(pid), "process " + pid + " was killed");
        }
    }

    @Test
    void cancelThroughTheRunnerCancelsTheStep() throws Exception {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, """
                steps:
                  - key: long
                    command: echo started; sleep 300
                  - key: after
                    depends_on: long
                    allow_dependency_failure: true
                    command: echo after
                """);
        BuildkitePlanner planner = BuildkitePlanner.load(file.toString(), new YamlLoader().load(file));
        Scenario scenario = Scenario.defaults();
        Simulation sim = new Simulation(planner.plan(scenario), new BuildkiteSemantics());
        ExecutingJobRunner runner = new ExecutingJobRunner(dir, null, scenario, Map.of(), (s, j, line) -> lines.add(line));
        sim.setRunner(runner);
        CompletableFuture<Void> done = CompletableFuture.runAsync(sim::runAll);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!lines.contains("started") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
        runner.cancel();
        done.get(20, TimeUnit.SECONDS);
        assertEquals(JobState.CANCELED, sim.state("long"), sim.events().toString());
        assertEquals(JobState.NOT_RUN, sim.state("after"), "a canceled dependency is never satisfied");
        assertEquals("failed", sim.buildState().id());
    }

    private static long waitForPid(Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no pid in " + file);
    }

    /** Alive and not a zombie waiting to be reaped (an orphan's reaper may be slow in containers). */
    private static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        } catch (IOException e) {
            return false;
        }
    }
}
