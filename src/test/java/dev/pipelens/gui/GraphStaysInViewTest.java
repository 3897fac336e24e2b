package dev.pipelens.gui;

import dev.pipelens.layout.Layout;
import dev.pipelens.layout.Rect;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pipelens.gui.WindowFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: "compare and runner leave the graph cut off". Opening the runner or changes tab makes the bottom
 * panel taller and the graph shorter; a graph that was shown whole must still be shown whole.
 */
@ExtendWith(ApplicationExtension.class)
class GraphStaysInViewTest {

    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("pipelens-inview-test");
        // sixteen independent steps: one tall column, so fitting it whole is limited by the view's height
        StringBuilder yaml = new StringBuilder("steps:\n");
        for (int i = 1; i <= 16; i++) {
            yaml.append("  - label: \"Test shard ").append(i).append("\"\n    key: shard-").append(i)
                    .append("\n    command: make test\n");
        }
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, yaml);
        vm = new MainViewModel(Platform::runLater, null);
        window = WindowFixture.show(stage, vm);
        vm.open(file);
    }

    @AfterEach
    void close() {
        vm.close();
    }


    /** Whether the whole drawing is inside the graph view. */
    private boolean wholeGraphVisible() {
        Layout l = window.graph().currentLayout();
        Rect v = window.graph().viewport();
        return l != null && v.x() <= 0.5 && v.y() <= 0.5 && v.right() >= l.width() - 0.5 && v.bottom() >= l.height() - 0.5;
    }

    private String describe() {
        Layout l = window.graph().currentLayout();
        return "layout " + Math.round(l.width()) + "x" + Math.round(l.height()) + ", viewport " + window.graph().viewport()
                + ", zoom " + window.graph().zoom();
    }

    private void shot(FxRobot robot, String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = window.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.resolve(name + ".png").toFile());
    }

    @Test
    void runnerAndChangesTabsKeepAWholeGraphWhole(FxRobot robot) throws Exception {
        waitFor(() -> vm.getLayout() != null && window.graph().currentLayout() != null);
        robot.interact(window.graph()::fit); // View > Fit to Window (on a large screen the file opens whole)
        waitFor(this::wholeGraphVisible);
        shot(robot, "inview-0-open");

        robot.interact(() -> window.selectTab("tab-runner"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "inview-1-runner");
        assertTrue(wholeGraphVisible(), "runner tab: " + describe());

        Path before = Files.createTempFile("pipelens-inview-before", ".yml");
        Files.writeString(before, "steps:\n  - label: \"Test shard 1\"\n    key: shard-1\n    command: make test\n");
        robot.interact(() -> vm.compareWith(before));
        waitFor(() -> !vm.changes().isEmpty());
        robot.interact(() -> window.selectTab("tab-changes"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "inview-2-compare");
        assertTrue(wholeGraphVisible(), "compare: " + describe());
    }
}
