package dev.pipelens.gui;

import dev.pipelens.gui.why.StepExplainerTest;

import dev.pipelens.gui.changes.DiffText;
import dev.pipelens.gui.matrix.MatrixTable;
import dev.pipelens.gui.runner.RunnerViewModel;
import dev.pipelens.gui.scenario.VariableModel;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlanDiff;
import dev.pipelens.simulate.BuildState;
import dev.pipelens.simulate.JobState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner, matrix, compare and lint additions of the window's view model, with a direct "UI"
 * executor (no toolkit). The answers are the CLI's: {@code pipelens run/plan --scenarios auto/diff/lint}.
 */
class RunnerMatrixCompareTest {

    static final Path BEFORE = Path.of("samples/buildkite/release-before.yml");

    @TempDir
    Path dir;

    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private void openTagBuild() throws Exception {
        Path f = dir.resolve("release.yml");
        Files.copy(StepExplainerTest.RELEASE, f);
        vm = new MainViewModel(Runnable::run, null);
        vm.scenario().tagProperty().set("v1.2.0");
        vm.open(f);
        idle();
        assertNotNull(vm.getPlan());
    }

    private void idle() throws InterruptedException {
        vm.awaitIdle(20, TimeUnit.SECONDS);
    }

    @Test
    void runnerStepsTheTagBuildLikeTheCli() throws Exception {
        openTagBuild();
        RunnerViewModel r = vm.runner();
        assertFalse(r.isActive());
        assertNull(r.getStates());
        r.runToNextGate();
        assertTrue(r.isActive());
        assertEquals(JobState.BLOCKED, r.getStates().get("block-build-release-images"));
        assertEquals(JobState.WAITING, r.getStates().get("build-release-image"), "the images wait at the gate");
        assertTrue(r.awaitingProperty().get().contains("block-build-release-images"));

        assertTrue(r.isGate("input-release-version"));
        assertFalse(r.fields("input-release-version").isEmpty(), "the input step asks for a release version");
        assertTrue(r.unblock("block-build-release-images", Map.of()));
        assertTrue(r.unblock("input-release-version", Map.of("release-version", "1.2.0")));
        assertEquals(JobState.UNBLOCKED, r.getStates().get("block-build-release-images"));
        assertTrue(r.mark("build-cpu-release-image", RunnerViewModel.Mark.FAIL));
        assertFalse(r.mark("wait", RunnerViewModel.Mark.FAIL), "a wait step takes no result");

        r.runAll();
        Map<String, JobState> s = r.getStates();
        assertEquals(JobState.FAILED, s.get("build-cpu-release-image"));
        assertEquals(JobState.PASSED, s.get("build-release-image"));
        assertEquals(JobState.NOT_RUN, s.get("publish-manifest"));
        assertEquals(JobState.PASSED, s.get("publish-github-release"));
        assertEquals(JobState.SKIPPED, s.get("nightly-benchmark"));
        assertEquals(BuildState.FAILED, r.getBuildState());
        assertEquals("build failed", RunnerViewModel.describe(r.getBuildState(), r.awaitingProperty().get()));
        assertTrue(r.events().stream().anyMatch(e -> e.stepId().equals("publish-manifest")
                && e.state() == JobState.NOT_RUN && e.note().contains("did not run")));

        r.reset();
        assertFalse(r.isActive());
        assertNull(r.getStates(), "Reset returns to the plan colours");
        assertTrue(r.events().isEmpty());
        assertTrue(r.marks().isEmpty());
    }

    @Test
    void switchingTheScenarioLeavesRunnerMode() throws Exception {
        openTagBuild();
        vm.runner().runAll();
        assertNotNull(vm.runner().getStates());
        vm.scenario().tagProperty().set("");
        idle();
        assertNull(vm.runner().getStates());
        assertFalse(vm.runner().isActive());
    }

    @Test
    void matrixHasTheCliColumnsAndACellAppliesItsScenario() throws Exception {
        openTagBuild();
        vm.requestMatrix();
        idle();
        MatrixTable t = vm.getMatrix();
        assertNotNull(t);
        int nightly = t.column("nightly (schedule, NIGHTLY=1)");
        int tag = t.column("tag v1.2.0");
        assertTrue(nightly >= 0 && tag >= 0, t.columns().toString());
        MatrixTable.Row image = t.row("build-release-image").orElseThrow();
        assertEquals(Outcome.RUNS, image.outcome(nightly));
        assertEquals(Outcome.GATED, image.outcome(tag));
        assertEquals(1, image.depth(), "inside the release-images group");

        vm.applyMatrixCell(nightly, "build-release-image");
        idle();
        assertEquals("1", vm.scenario().getScenario().variables().get("NIGHTLY"));
        assertEquals("build-release-image", vm.getSelected());
        assertEquals(Outcome.RUNS, vm.getPlan().step("build-release-image").orElseThrow().outcome());
    }

    @Test
    void compareWithTheVersionBeforeTheGateMarksTheImagesGated() throws Exception {
        openTagBuild();
        vm.compareWith(BEFORE);
        idle();
        assertNotNull(vm.compareFileProperty().get());
        PlanDiff.Change c = vm.changes().stream().filter(x -> x.id().equals("build-release-image")).findFirst().orElseThrow();
        assertEquals(Outcome.RUNS, c.oldOutcome());
        assertEquals(Outcome.GATED, c.newOutcome());
        assertEquals("runs \u2192 gated", DiffText.transition(c));
        assertTrue(DiffText.reason(c).contains("waits for block step"));
        PlanDiff.Change added = vm.changes().stream().filter(x -> x.id().equals("block-build-release-images")).findFirst().orElseThrow();
        assertNull(added.oldOutcome());
        // issue 10: also wait-2 and announce, still gated but now held by the new block too
        assertEquals(8, vm.changes().size(), "as pipelens diff lists them");

        // the changes follow the scenario: on the nightly schedule the gate is skipped and the images run in both
        VariableModel night = vm.scenario().variables().stream().filter(v -> v.name().equals("NIGHTLY")).findFirst().orElseThrow();
        night.setOn(true);
        idle();
        assertTrue(vm.changes().stream().noneMatch(x -> x.id().equals("build-release-image")), vm.changes().toString());

        vm.stopComparing();
        idle();
        assertNull(vm.compareFileProperty().get());
        assertTrue(vm.changes().isEmpty());
        night.setOn(false);
        idle();
        assertTrue(vm.changes().isEmpty(), "nothing comes back after Stop comparing");
    }

    @Test
    void problemsAreSortedByLineWithoutDuplicates() throws Exception {
        openTagBuild();
        List<Diagnostic> ds = List.copyOf(vm.diagnostics());
        // issue 10: the sample's steps that skip the image block cannot share a build with it, or the block
        // is written with its own depends_on, so no bypass warning
        assertEquals(0, ds.stream().filter(d -> d.code().equals("bk-lint-bypasses-gate")).count(), ds.toString());
        for (int i = 1; i < ds.size(); i++) {
            assertTrue(ds.get(i - 1).span().line() <= ds.get(i).span().line(), ds.toString());
        }
        assertEquals(ds.size(), ds.stream().distinct().count(), "no duplicates");
        vm.scenario().tagProperty().set("");
        idle();
        assertEquals(ds.stream().filter(d -> d.code().startsWith("bk-lint")).toList(),
                vm.diagnostics().stream().filter(d -> d.code().startsWith("bk-lint")).toList(),
                "lint is scenario-independent: the same after a re-plan");
    }
}
