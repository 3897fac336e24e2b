package dev.pipelens.simulate;

import dev.pipelens.plan.RunSettings;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.buildkite.run.BuildkiteSemantics;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.buildkite.plan.BuildkitePlanner;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner API a view model drives: actions, their errors, listeners and the runner seam. */
class SimulationTest {

    @TempDir
    Path dir;

    private Simulation simulation(String yaml) throws IOException {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, yaml);
        BuildkitePlanner planner = BuildkitePlanner.load(file.toString(), new YamlLoader().load(file));
        Plan plan = planner.plan(Scenario.defaults());
        return new Simulation(plan, new BuildkiteSemantics());
    }

    private static final String GATED = """
            steps:
              - key: build
                command: build.sh
              - block: "Deploy?"
                key: approve
                fields:
                  - select: "Where"
                    key: target
                    default: staging
                    options:
                      - {label: Staging, value: staging}
                      - {label: Production, value: production}
              - key: deploy
                command: deploy.sh
            """;

    @Test
    void actionsRejectWrongStepsWithClearMessages() throws IOException {
        Simulation sim = simulation(GATED);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> sim.setResult("nope", JobResult.fail()));
        assertTrue(unknown.getMessage().contains("no step \"nope\""));
        assertThrows(IllegalArgumentException.class, () -> sim.setResult("approve", JobResult.fail()));
        assertThrows(IllegalArgumentException.class, () -> sim.unblock("build"));
        assertThrows(IllegalArgumentException.class, () -> JobResult.fail(0));
        sim.step();
        assertThrows(IllegalStateException.class, () -> sim.setResult("build", JobResult.fail()), "already ran");
    }

    @Test
    void runToNextGateStopsAtTheGateAndUnblockCarriesFieldValues() throws IOException {
        Simulation sim = simulation(GATED);
        assertEquals(BuildState.RUNNING, sim.buildState());
        List<SimEvent> upToGate = sim.runToNextGate();
        assertEquals(List.of("build passed", "approve blocked"),
                upToGate.stream().map(e -> e.stepId() + " " + e.state().id()).toList());
        assertEquals(List.of("approve"), sim.awaitingGates());
        assertEquals(JobState.BLOCKED, sim.state("approve"));
        assertEquals(1, sim.fields("approve").size());
        assertTrue(sim.canStep(), "the tick that reached the gate is not known to be the last");
        assertTrue(sim.step().isEmpty());
        assertEquals(BuildState.BLOCKED, sim.buildState());
        assertFalse(sim.canStep());
        assertTrue(sim.unblock("approve", Map.of()));
        assertFalse(sim.unblock("approve"), "already unblocked");
        assertEquals(Map.of("target", "staging"), sim.fieldValues("approve"), "defaults fill unset fields");
        sim.runAll();
        assertEquals(BuildState.PASSED, sim.buildState());
        assertEquals(JobState.PASSED, sim.state("deploy"));
    }

    @Test
    void listenersHearJobsStartEventsBuildStatesAndResets() throws IOException {
        Simulation sim = simulation(GATED);
        List<String> heard = new ArrayList<>();
        sim.addListener(new SimulationListener() {
            @Override
            public void onEvent(SimEvent event) {
                heard.add("event " + event.stepId() + " " + event.state().id());
            }

            @Override
            public void onJobStarted(String stepId, int tick) {
                heard.add("start " + stepId + " " + tick);
            }

            @Override
            public void onReset() {
                heard.add("reset");
            }

            @Override
            public void onBuildState(BuildState state) {
                heard.add("build " + state.id());
            }
        });
        sim.setResult("build", JobResult.fail(2));
        sim.runAll();
        sim.reset();
        assertEquals(List.of("start build 1", "event build failed", "build failing", "event approve not-run",
                "event deploy not-run", "build failed", "reset", "build running"), heard);
        assertEquals(0, sim.tick());
        assertEquals(JobResult.fail(2), sim.presetResult("build").orElseThrow(), "reset keeps the results set");
    }

    @Test
    void aRunnerThatThrowsFailsTheJobInsteadOfTheSimulation() throws IOException {
        Simulation sim = simulation(GATED);
        sim.setRunner(job -> {
            throw new IllegalStateException("boom");
        });
        sim.runAll();
        assertEquals(JobState.FAILED, sim.state("build"));
        assertTrue(sim.note("build").contains("could not run: boom"), sim.note("build"));
    }

    @Test
    void aCycleNeverStartsAndFailsTheBuild() throws IOException {
        Simulation sim = simulation("""
                steps:
                  - key: a
                    command: a.sh
                    depends_on: b
                  - key: b
                    command: b.sh
                    depends_on: a
                  - key: c
                    command: c.sh
                """);
        sim.runAll();
        assertEquals(JobState.PASSED, sim.state("c"));
        assertEquals(JobState.NOT_RUN, sim.state("a"));
        assertEquals(JobState.NOT_RUN, sim.state("b"));
        assertTrue(sim.note("a").contains("cycle"), sim.note("a"));
        assertEquals(BuildState.FAILED, sim.buildState());
    }

    @Test
    void allowFailureOnAStepThatNeverStartsRunsAfterTheBuildSettles() throws IOException {
        Simulation sim = simulation("""
                steps:
                  - key: b
                    command: b.sh
                    depends_on: missing
                  - key: c
                    command: c.sh
                    depends_on:
                      - step: b
                        allow_failure: true
                """);
        List<String> log = sim.runAll().stream().map(e -> e.tick() + " " + e.stepId() + " " + e.state().id()).toList();
        assertEquals(List.of("1 b not-run", "2 c passed"), log);
        assertEquals(BuildState.FAILED, sim.buildState());
    }

    @Test
    void notCreatedPlansDoNothing() throws IOException {
        Simulation sim = simulation("steps:\n  - command: a.sh\n    if: build.number == \"1\"\n");
        assertEquals(BuildState.NOT_CREATED, sim.buildState());
        assertTrue(sim.runAll().isEmpty());
        assertTrue(sim.events().isEmpty());
        assertFalse(sim.buildNotes().isEmpty(), "the reason the upload is rejected");
    }

    @Test
    void withoutTheModelSoftFailRulesAreUnknown() throws IOException {
        Path file = dir.resolve("p.yml");
        Files.writeString(file, "steps:\n  - key: a\n    command: a.sh\n    soft_fail: true\n");
        BuildkitePlanner planner = BuildkitePlanner.load(file.toString(), new YamlLoader().load(file));
        Plan planned = planner.plan(Scenario.defaults());
        // a plan whose steps carry no run settings (as a hand-made plan) knows no soft_fail rule
        List<PlannedStep> stripped = planned.steps().stream().map(s -> new PlannedStep(s.id(), s.key(), s.label(), s.type(),
                s.group(), s.outcome(), s.jobs(), s.why(), s.dependsOn(), s.gates(), s.span(), s.condition(), s.when(),
                RunSettings.NONE, s.job())).toList();
        Simulation bare = new Simulation(new Plan(planned.file(), planned.system(), planned.scenario(), planned.created(),
                planned.pipelineReasons(), stripped, planned.edges(), planned.diagnostics()), new BuildkiteSemantics());
        bare.setResult("a", JobResult.fail());
        bare.runAll();
        assertEquals(JobState.FAILED, bare.state("a"));
        Simulation full = new Simulation(planned, new BuildkiteSemantics());
        full.setResult("a", JobResult.fail());
        full.runAll();
        assertEquals(JobState.SOFT_FAILED, full.state("a"));
        assertEquals(BuildState.PASSED, full.buildState());
    }
}
