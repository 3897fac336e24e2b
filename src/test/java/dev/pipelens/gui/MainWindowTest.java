package dev.pipelens.gui;

import dev.pipelens.gui.why.StepExplainerTest;

import dev.pipelens.export.ExportFormat;
import dev.pipelens.plan.Outcome;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.pipelens.gui.WindowFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window end to end, headless on Monocle: open, toggle, select, export, survive an invalid save. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private MainViewModel vm;
    private MainWindow window;
    private Path file;
    private final StubDialogs dialogs = new StubDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("pipelens-window-test");
        file = dir.resolve("release.yml");
        Files.copy(StepExplainerTest.RELEASE, file);
        vm = new MainViewModel(Platform::runLater, null);
        vm.scenario().tagProperty().set("v1.2.0");
        window = WindowFixture.show(stage, vm, dialogs);
        vm.open(file);
    }

    @AfterEach
    void close() {
        vm.close();
    }


    private Outcome outcome(String id) {
        var l = vm.getLayout();
        return l == null ? null : l.node(id).map(n -> n.outcome()).orElse(null);
    }

    @Test
    void nightlySwitchTurnsTheGatedReleaseImagesIntoRuns(FxRobot robot) throws Exception {
        waitFor(() -> outcome("build-release-image") == Outcome.GATED);
        robot.clickOn("#var-NIGHTLY");
        waitFor(() -> outcome("build-release-image") == Outcome.RUNS);
        assertEquals(Outcome.RUNS, window.graph().currentLayout().node("build-release-image").orElseThrow().outcome());
    }

    @Test
    void clickingAStepShowsItsOutcomeAndReasons(FxRobot robot) throws Exception {
        waitFor(() -> vm.getLayout() != null);
        robot.interact(() -> window.graph().centerOn("build-release-image"));
        WaitForAsyncUtils.waitForFxEvents();
        var b = vm.getLayout().node("build-release-image").orElseThrow().bounds();
        Point2D p = WaitForAsyncUtils.asyncFx(() -> window.graph().toScreen(b.centerX(), b.centerY()))
                .get(10, TimeUnit.SECONDS);
        robot.clickOn(p);
        waitFor(() -> robot.lookup("#why-outcome").tryQuery().isPresent());
        assertEquals("build-release-image", vm.getSelected());
        assertEquals("GATED", robot.lookup("#why-outcome").queryAs(Label.class).getText());
        String reasons = robot.lookup("#why-reasons").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.joining("\n"));
        assertTrue(reasons.contains("waits for block step"), reasons);
    }

    @Test
    void exportsPngAndSvgFromTheFileMenuShortcut(FxRobot robot) throws Exception {
        waitFor(() -> vm.getLayout() != null);
        Path png = file.resolveSibling("graph.png");
        Path svg = file.resolveSibling("graph.svg");
        dialogs.exports.add(new DialogService.ExportChoice(png, ExportFormat.PNG, 2));
        robot.clickOn(window.graph()).push(KeyCode.CONTROL, KeyCode.E);
        waitFor(() -> Files.isRegularFile(png) && Files.size(png) > 0);
        var image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > vm.getLayout().width(), "2x scale: " + image.getWidth());
        dialogs.exports.add(new DialogService.ExportChoice(svg, ExportFormat.SVG, 1));
        robot.push(KeyCode.CONTROL, KeyCode.E);
        waitFor(() -> Files.isRegularFile(svg) && Files.size(svg) > 0);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(Files.readString(svg).contains("Build release image"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void invalidSaveKeepsTheLastGoodGraphUnderAnErrorBanner(FxRobot robot) throws Exception {
        waitFor(() -> vm.getLayout() != null && vm.loadsProperty().get() > 0);
        int nodes = vm.getLayout().nodes().size();
        Files.writeString(file, "steps:\n  - label: \"unterminated\n    command: [\n");
        waitFor(() -> robot.lookup("#banner").queryAs(Label.class).isVisible());
        String banner = robot.lookup("#banner").queryAs(Label.class).getText();
        assertTrue(banner.contains("release.yml:"), banner);
        assertTrue(banner.contains("last good"), banner);
        assertEquals(nodes, window.graph().currentLayout().nodes().size());
        assertTrue(window.graph().currentLayout().node("build-release-image").isPresent());
        Files.copy(StepExplainerTest.RELEASE, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        waitFor(() -> !robot.lookup("#banner").queryAs(Label.class).isVisible());
    }

    /** Answers the window's dialogs without a person. */
    static final class StubDialogs implements DialogService {
        final List<ExportChoice> exports = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public Optional<Path> chooseFileToOpen(Path initialDirectory) {
            return Optional.empty();
        }

        @Override
        public Optional<ExportChoice> chooseExport(Path initialDirectory, String baseName) {
            return exports.isEmpty() ? Optional.empty() : Optional.of(exports.remove(0));
        }

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message, String okText) {
            return false;
        }

        @Override
        public void showInfo(String title, String message) {
        }
    }
}
