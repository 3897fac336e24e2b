package dev.pipelens.gui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overview docks below the why panel: the strip under the graph is only as tall as the legend, so the
 * overview costs the graph no height, and it lies outside the graph.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewDockTest {

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

    @Test
    void theOverviewTakesNoHeightFromTheGraph(FxRobot robot) throws Exception {
        Platform.runLater(vm::openSample);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.graph().currentLayout() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> window.graph().zoomTo(2)); // part of the graph out of view: the overview shows
        Node overview = robot.lookup("#overview").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, overview::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        Node footer = robot.lookup("#graph-footer").query();
        Node legend = robot.lookup("#legend").query();
        assertTrue(legend.isVisible());
        double footerHeight = footer.getBoundsInLocal().getHeight();
        double overviewHeight = overview.getBoundsInLocal().getHeight();
        assertTrue(footerHeight < overviewHeight,
                "the strip under the graph (" + footerHeight + " px) is not made as tall as the overview ("
                        + overviewHeight + " px)");
        assertTrue(footerHeight <= legend.getBoundsInLocal().getHeight() + 16, "as tall as the legend: " + footerHeight);
        Bounds o = overview.localToScene(overview.getBoundsInLocal());
        Bounds g = window.graph().localToScene(window.graph().getBoundsInLocal());
        assertFalse(o.intersects(g), "outside the graph: " + o + " " + g);
        assertTrue(o.getMinX() >= g.getMaxX(), "to the right of the graph, by the why panel");
    }
}
