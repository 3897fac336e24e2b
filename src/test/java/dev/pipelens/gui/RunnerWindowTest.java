package dev.pipelens.gui;

import dev.pipelens.gui.why.StepExplainerTest;

import dev.pipelens.plan.Outcome;
import dev.pipelens.simulate.JobState;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pipelens.gui.WindowFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner bar and the matrix tab, clicked headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class RunnerWindowTest {

    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("pipelens-runner-test");
        Path file = dir.resolve("release.yml");
        Files.copy(StepExplainerTest.RELEASE, file);
        vm = new MainViewModel(Platform::runLater, null);
        vm.scenario().tagProperty().set("v1.2.0");
        window = WindowFixture.show(stage, vm);
        vm.open(file);
    }

    @AfterEach
    void close() {
        vm.close();
    }


    @Test
    void stepThenRunAllShowsTheBuildStateAndRecolourUntilReset(FxRobot robot) throws Exception {
        waitFor(() -> vm.getLayout() != null);
        robot.interact(() -> window.selectTab("tab-runner"));
        Label state = robot.lookup("#runner-build-state").queryAs(Label.class);
        assertEquals("not started", state.getText());
        robot.clickOn("#runner-step");
        waitFor(() -> !vm.runner().events().isEmpty());
        assertEquals(JobState.PASSED, window.graph().runStates().get("build-wheel-cuda-12-8"));
        robot.clickOn("#runner-run-all");
        waitFor(() -> state.getText().startsWith("build blocked"));
        assertTrue(state.getText().contains("block-build-release-images"), state.getText());
        assertEquals(JobState.BLOCKED, window.graph().runStates().get("block-build-release-images"));
        robot.clickOn("#runner-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.graph().runStates(), "back to the plan colours");
        assertEquals("not started", state.getText());
    }

    @Test
    void clickingAMatrixCellAppliesItsScenario(FxRobot robot) throws Exception {
        waitFor(() -> vm.getLayout() != null);
        robot.interact(() -> window.selectTab("tab-matrix"));
        waitFor(() -> vm.getMatrix() != null);
        int nightly = vm.getMatrix().column("nightly (schedule, NIGHTLY=1)");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> robot.lookup("#matrix-build-wheel-cuda-12-8-" + nightly).tryQuery().isPresent());
        robot.clickOn("#matrix-build-wheel-cuda-12-8-" + nightly);
        waitFor(() -> "1".equals(vm.scenario().getScenario().variables().get("NIGHTLY"))
                && vm.getLayout().node("build-release-image").orElseThrow().outcome() == Outcome.RUNS);
        assertEquals("build-wheel-cuda-12-8", vm.getSelected());
    }
}
