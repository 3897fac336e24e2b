package dev.pipelens.execute;

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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, safe execution: a job sees only the base environment, the scenario's and the CI system's
 * variables and what is passed by name; nothing a job started (also a double fork) outlives it after
 * a timeout, a cancel, its normal end, or a SIGTERM to the command line; output is read in bounded pieces.
 */
@Timeout(60)
class ProcessSafetyTest {

    @TempDir
    Path dir;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private ExecutingJobRunner runner;

    private Simulation simulation(String yaml, Duration timeout, List<String> passEnv, Map<String, String> env) throws IOException {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, yaml);
        BuildkitePlanner planner = BuildkitePlanner.load(file.toString(), new YamlLoader().load(file));
        Scenario scenario = Scenario.defaults().withVariable("FROM_SCENARIO", "s");
        Plan plan = planner.plan(scenario);
        Simulation sim = dev.pipelens.system.Systems.simulation(plan);
        runner = new ExecutingJobRunner(dir, timeout, scenario, planner.pipeline(scenario).env(),
                (step, job, line) -> lines.add(line), passEnv, env);
        sim.setRunner(runner);
        return sim;
    }

    /** The pid a job wrote into {@code name}, waiting a moment for it to appear. */
    private long pidIn(String name) throws Exception {
        Path p = dir.resolve(name);
        for (int i = 0; i < 200 && (!Files.exists(p) || Files.readString(p).isBlank()); i++) {
            Thread.sleep(25);
        }
        return Long.parseLong(Files.readString(p).trim());
    }

    private static void assertGone(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " survived its step");
    }

    @Test
    void aJobSeesOnlyTheBaseEnvironmentAndWhatIsPassedByName() throws IOException {
        Map<String, String> mine = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", "/home/me", "AWS_SECRET_ACCESS_KEY", "leak", "GITHUB_TOKEN", "leak", "PASS_ME", "passed");
        Simulation sim = simulation("""
                env:
                  TOP: top
                steps:
                  - key: env
                    command: env
                """, null, List.of("PASS_ME"), mine);
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("env"), sim.events().toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("leak")), lines.toString());
        for (String expected : List.of("HOME=/home/me", "PASS_ME=passed", "TOP=top", "FROM_SCENARIO=s", "BUILDKITE=true", "CI=true")) {
            assertTrue(lines.contains(expected), expected + " in " + lines);
        }
    }

    @Test
    void aDoubleForkDiesOnTimeout() throws Exception {
        Simulation sim = simulation("""
                steps:
                  - key: fork
                    command: (sleep 300 & echo $$! > orphan.pid) ; sleep 300
                """, Duration.ofSeconds(1), List.of(), System.getenv());
        sim.runAll();
        assertEquals(JobState.FAILED, sim.state("fork"), sim.events().toString());
        assertGone(pidIn("orphan.pid"));
    }

    @Test
    void nothingOutlivesAStepThatEndsNormally() throws Exception {
        Simulation sim = simulation("""
                steps:
                  - key: fork
                    command: (sleep 300 & echo $$! > orphan.pid) ; echo done
                """, null, List.of(), System.getenv());
        long start = System.nanoTime();
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("fork"), sim.events().toString());
        assertGone(pidIn("orphan.pid"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the orphan holding the output pipe did not keep the step waiting");
    }

    @Test
    void cancelKillsADoubleForkToo() throws Exception {
        Simulation sim = simulation("""
                steps:
                  - key: fork
                    command: (sleep 300 & echo $$! > orphan.pid) ; sleep 300
                """, null, List.of(), System.getenv());
        Thread t = new Thread(sim::runAll);
        t.start();
        long pid = pidIn("orphan.pid");
        runner.cancel();
        t.join(20_000);
        assertEquals(JobState.CANCELED, sim.state("fork"), sim.events().toString());
        assertGone(pid);
    }

    @Test
    void aLongLineWithoutNewlineIsPassedOnInBoundedPieces() throws IOException {
        Simulation sim = simulation("""
                steps:
                  - key: long
                    command: printf '%0100000d' 0 | tr 0 x; echo; echo end
                """, null, List.of(), System.getenv());
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("long"), sim.events().toString());
        assertTrue(lines.stream().allMatch(l -> l.length() <= ShellExecutor.MAX_LINE_BYTES), "every piece is bounded");
        assertEquals(100_000, lines.stream().filter(l -> l.startsWith("x")).mapToInt(String::length).sum(), "nothing is lost");
        assertEquals("end", lines.get(lines.size() - 1));
        assertTrue(sim.events().toString().contains("were split"), sim.events().toString());
        assertEquals("end", runner.outputTail("long").get(runner.outputTail("long").size() - 1));
    }

    @Test
    void sigtermToTheCommandLineKillsTheRunningStepAndWaitsForIt() throws Exception {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, "steps:\n  - key: fork\n    command: (sleep 300 & echo $$! > orphan.pid) ; sleep 300\n");
        Process cli = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.pipelens.Launcher", "run", file.toString(), "--execute",
                "--workdir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
        long pid = pidIn("orphan.pid");
        cli.destroy(); // SIGTERM
        assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the command line ended");
        assertGone(pid);
    }
}
