package dev.pipelens.gui;

import dev.pipelens.gui.changes.ChangesPanel;
import dev.pipelens.gui.graph.GraphView;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11's window defects on the real vLLM release pipeline: readable opening zoom, docked legend, runner bar. */
@ExtendWith(ApplicationExtension.class)
class WindowReadabilityTest {

    static final Path VLLM = Path.of("../shared/corpus/buildkite/"
            + "vllm-project__vllm__.buildkite__release-pipeline.yaml__ce62f8ae");

    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(Platform::runLater, null);
        window = new MainWindow(vm, new MainWindowTest.StubDialogs());
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openVllm() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(VLLM), "corpus not found at ../shared (see README)");
        Platform.runLater(() -> vm.open(VLLM));
        waitFor(() -> vm.getLayout() != null && window.graph().currentLayout() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void vllmOpensWithReadableLabelsAndScrollsInsteadOfShrinking() throws Exception {
        openVllm();
        GraphView g = window.graph();
        assertTrue(g.textPx() >= GraphView.READABLE_TEXT_PX - 1e-6, "text at opening zoom: " + g.textPx() + " px");
        // it does not fit at that zoom: it opens where the most boxes are in view, whole
        long inView = g.currentLayout().nodes().stream().filter(n -> g.isVisible(n.id())).count();
        assertTrue(inView >= 6, "boxes in view: " + inView);
        assertTrue(g.zoom() < 1, "zoomed out to the readable zoom, not 100 %");
    }

    @Test
    void overviewShowsWhenPartIsOutOfViewAndMovesTheViewOnClick(FxRobot robot) throws Exception {
        openVllm();
        Node overview = robot.lookup("#overview").query();
        waitFor(overview::isVisible);
        var before = window.graph().viewport();
        Bounds b = overview.localToScreen(overview.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() - 12, b.getMinY() + b.getHeight() - 12);
        WaitForAsyncUtils.waitForFxEvents();
        var after = window.graph().viewport();
        assertTrue(after.x() > before.x() + 1 || after.y() > before.y() + 1, before + " -> " + after);
        Platform.runLater(window.graph()::fit);
        waitFor(() -> !overview.isVisible());
    }

    @Test
    void legendIsDockedBelowTheGraphAndCanBeHidden(FxRobot robot) throws Exception {
        openVllm();
        Node legend = robot.lookup("#legend").query();
        assertTrue(legend.isVisible());
        Bounds lb = legend.localToScene(legend.getBoundsInLocal());
        Bounds gb = window.graph().localToScene(window.graph().getBoundsInLocal());
        assertTrue(lb.getMinY() >= gb.getMaxY() - 0.5, "legend below the graph, not over it: " + lb + " " + gb);
        robot.clickOn("View").clickOn("#menu-legend");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(legend.isVisible());
        assertFalse(legend.isManaged(), "a hidden legend gives its room to the graph");
    }

    /**
     * A clicked why-panel link is removed when the panel re-renders; focus then moved to the next focusable
     * node, the first preset, which looked selected. Neither takes focus now.
     */
    @Test
    void whyPanelLinksAndPresetsDoNotTakeFocus(FxRobot robot) throws Exception {
        openVllm();
        Platform.runLater(() -> vm.select(vm.getPlan().steps().stream().filter(st -> !st.dependsOn().isEmpty())
                .findFirst().orElseThrow().id()));
        waitFor(() -> robot.lookup("#why-panel .hyperlink").tryQuery().isPresent());
        assertTrue(robot.lookup("#why-panel .hyperlink").queryAll().stream().noneMatch(Node::isFocusTraversable));
        assertTrue(robot.lookup(".preset").queryAll().size() >= 5);
        assertTrue(robot.lookup(".preset").queryAll().stream().noneMatch(Node::isFocusTraversable));
    }

    @Test
    void f1CountsThePresetsOfTheSystem() {
        assertEquals("Alt+1\u2026Alt+6", MainWindow.presetKeys(6));
        assertEquals("Alt+1\u2026Alt+5", MainWindow.presetKeys(5));
        assertEquals("Alt+1\u2026Alt+9", MainWindow.presetKeys(12));
    }

    @Test
    void changesTabSaysWhenAnActiveComparisonFoundNothing() {
        assertTrue(ChangesPanel.placeholderText(null).startsWith("File > Compare with"));
        String active = ChangesPanel.placeholderText(Path.of("/tmp/old.yml"));
        assertTrue(active.contains("No step changes") && active.contains("old.yml"), active);
    }

    @Test
    void runnerBarKeepsItsButtonsLabelledWhenTheBuildStateIsLong(FxRobot robot) throws Exception {
        openVllm();
        window.selectTab("tab-runner");
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> vm.runner().runAll());
        waitFor(() -> !vm.runner().canStepProperty().get());
        Label state = robot.lookup("#runner-build-state").query();
        assertTrue(state.getText().length() > 20, state.getText());
        for (String id : new String[] {"#runner-reset", "#runner-step", "#runner-to-gate", "#runner-run-all",
            "#runner-unblock", "#runner-unblock-all", "#runner-pass", "#runner-fail", "#runner-soft-fail"}) {
            Button b = robot.lookup(id).query();
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " squeezed to " + b.getWidth());
        }
        // the why panel says the simulated state, not only the plan's outcome
        String id = vm.getPlan().steps().stream().filter(st -> vm.runner().getStates().containsKey(st.id()))
                .findFirst().orElseThrow().id();
        Platform.runLater(() -> vm.select(id));
        waitFor(() -> robot.lookup("#why-run-state").tryQuery().isPresent());
        Label run = robot.lookup("#why-run-state").query();
        assertEquals("RUNNER: " + vm.runner().getStates().get(id).id().toUpperCase(java.util.Locale.ROOT), run.getText());
        assertTrue(robot.lookup("#why-outcome").<Label>query().getText().startsWith("PLAN: "));
    }
}
