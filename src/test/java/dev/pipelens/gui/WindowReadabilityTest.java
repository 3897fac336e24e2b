package dev.pipelens.gui;

import dev.pipelens.gui.changes.ChangesPanel;
import dev.pipelens.gui.graph.GraphView;
import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.Rect;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
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
import java.util.concurrent.TimeUnit;

import static dev.pipelens.gui.WindowFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's window defects on the real vLLM release pipeline: readable opening zoom at the start of the
 * pipeline (also on the sample and gitlabhq), docked legend and overview that never cover a node, runner bar.
 */
@ExtendWith(ApplicationExtension.class)
class WindowReadabilityTest {

    static final Path VLLM = Path.of("../shared/corpus/buildkite/"
            + "vllm-project__vllm__.buildkite__release-pipeline.yaml__ce62f8ae");
    static final Path GITLABHQ = Path.of("../shared/corpus/gitlab/gitlabhq__gitlabhq__.gitlab-ci.yml");

    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(Platform::runLater, null);
        window = WindowFixture.show(stage, vm);
    }

    @AfterEach
    void close() {
        vm.close();
    }


    private void openVllm() throws Exception {
        openCorpus(VLLM);
    }

    @Test
    void vllmOpensWithReadableLabelsAndScrollsInsteadOfShrinking() throws Exception {
        openVllm();
        GraphView g = window.graph();
        assertTrue(g.textPx() >= GraphView.READABLE_TEXT_PX - 1e-6, "text at opening zoom: " + g.textPx() + " px");
        // it does not fit at that zoom: it opens at the start of the pipeline, with boxes whole in view
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

    /** The why panel starts narrower so the graph has room; a condition's values still show whole in it. */
    @Test
    void whyPanelShowsTraceValuesWhole(FxRobot robot) throws Exception {
        opened(vm::openSample);
        Platform.runLater(() -> vm.select("publish-github-release"));
        waitFor(() -> robot.lookup("#why-trace .trace-value").tryQuery().isPresent());
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : robot.lookup("#why-trace .trace-value").queryAll()) {
            Label v = (Label) n;
            assertTrue(v.getWidth() >= v.prefWidth(-1) - 0.5, "\"" + v.getText() + "\" cut to " + v.getWidth());
        }
    }

    @Test
    void presetNamesKeepTheirUnderscores(FxRobot robot) throws Exception {
        Platform.runLater(() -> vm.open(Path.of("samples/github/release.yml")));
        waitFor(() -> robot.lookup(".preset").queryAll().stream()
                .anyMatch(n -> ((Button) n).getText().contains("publish_images")));
        Button b = robot.lookup(".preset").queryAll().stream().map(n -> (Button) n)
                .filter(x -> x.getText().contains("publish_images")).findFirst().orElseThrow();
        assertEquals(false, b.isMnemonicParsing());
        WaitForAsyncUtils.waitForFxEvents();
        // the drawn text keeps the underscore (with mnemonic parsing it was eaten: "publishimages")
        assertTrue(robot.lookup(".preset .text").queryAll().stream()
                .map(n -> ((javafx.scene.text.Text) n).getText()).anyMatch(t -> t.contains("publish_images")));
    }

    @Test
    void longVariableNamesAndSwitchesAreWrappedNotCut(@org.junit.jupiter.api.io.TempDir Path dir, FxRobot robot)
            throws Exception {
        Path f = dir.resolve("pipeline.yml");
        java.nio.file.Files.writeString(f, "steps:\n"
                + "  - command: a\n    if: build.env(\"A_RATHER_LONG_RELEASE_CHANNEL_VARIABLE_NAME\") == \"nightly-builds-only\"\n"
                + "  - command: b\n    if: build.env(\"ANOTHER_VERY_LONG_VARIABLE_NAME_FOR_CHOICES\") == \"x\"\n"
                + "  - command: c\n    if: build.env(\"ANOTHER_VERY_LONG_VARIABLE_NAME_FOR_CHOICES\") == \"y\"\n");
        Platform.runLater(() -> vm.open(f));
        waitFor(() -> robot.lookup(".variable-name").tryQuery().isPresent()
                && robot.lookup(".variable-toggle").tryQuery().isPresent());
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        // the drawn text of a Labeled ends in an ellipsis when it is cut; wrapped, it keeps every character
        java.util.List<String> drawn = new java.util.ArrayList<>();
        for (String sel : java.util.List.of(".variable-name .text", ".variable-toggle .text")) {
            robot.lookup(sel).queryAll().forEach(n -> drawn.add(((javafx.scene.text.Text) n).getText()));
        }
        String all = String.join("", drawn).replace("\n", "");
        assertTrue(all.contains("ANOTHER_VERY_LONG_VARIABLE_NAME_FOR_CHOICES"), drawn::toString);
        assertTrue(all.contains("A_RATHER_LONG_RELEASE_CHANNEL_VARIABLE_NAME"), drawn::toString);
        assertTrue(all.contains("nightly-builds-only"), drawn::toString);
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

    // ------------------------------------------------------------------ the opening view (headless screen: 1280 x 800)

    private void opened(Runnable open) throws Exception {
        Platform.runLater(open);
        waitFor(() -> vm.getLayout() != null && window.graph().currentLayout() != null);
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openCorpus(Path file) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not found at ../shared (see README)");
        opened(() -> vm.open(file));
    }

    /** Whether the whole of node {@code id} is inside the visible part of the graph. */
    private boolean wholeInView(String id) {
        Rect v = window.graph().viewport();
        Rect r = window.graph().bounds(id);
        return r != null && r.x() >= v.x() - 0.5 && r.y() >= v.y() - 0.5
                && r.right() <= v.right() + 0.5 && r.bottom() <= v.bottom() + 0.5;
    }

    @Test
    void sampleOpensReadableWithItsBlockGateInView() throws Exception {
        opened(vm::openSample);
        GraphView g = window.graph();
        assertTrue(g.textPx() >= GraphView.READABLE_TEXT_PX - 1e-6, "text at opening zoom: " + g.textPx() + " px");
        assertTrue(wholeInView("block-build-release-images"),
                "the key block gate is in view at launch: " + g.viewport() + " " + g.bounds("block-build-release-images"));
        if (g.viewport().width() < g.currentLayout().width()) {
            assertTrue(g.viewport().x() <= 0.5, "too wide to fit: it opens at the start (left edge) " + g.viewport());
        }
        assertTrue(overviewCoversNoNode() > 0 || !window.scene().lookup("#overview").isVisible());
    }

    @Test
    void vllmOpensAtTheStartOfThePipeline() throws Exception {
        openCorpus(VLLM);
        GraphView g = window.graph();
        assertTrue(g.textPx() >= GraphView.READABLE_TEXT_PX - 1e-6, "text at opening zoom: " + g.textPx() + " px");
        assertTrue(g.viewport().x() <= 0.5, "opens at the left edge: " + g.viewport());
        int firstLayer = g.currentLayout().nodes().stream().mapToInt(LayoutNode::layer).min().orElseThrow();
        assertTrue(g.currentLayout().nodes().stream().anyMatch(n -> n.layer() == firstLayer && wholeInView(n.id())),
                () -> "a box of the first layer is in view: " + g.viewport() + " " + g.currentLayout().nodes().stream()
                        .filter(n -> n.layer() == firstLayer).map(n -> n.id() + n.bounds()).toList());
        assertTrue(wholeInView("block-build-release-images"), "the release-images gate is in view");
    }

    @Test
    void gitlabOpensOnItsFirstStages() throws Exception {
        openCorpus(GITLABHQ);
        GraphView g = window.graph();
        Layout l = g.currentLayout();
        assertFalse(l.lanes().isEmpty());
        assertTrue(g.textPx() >= GraphView.READABLE_TEXT_PX - 1e-6, "text at opening zoom: " + g.textPx() + " px");
        Rect v = g.viewport();
        assertTrue(v.x() <= 0.5 && v.y() <= 0.5, "opens at the top left, where the first stage's header is: " + v);
        Rect firstStage = l.lanes().get(0).bounds();
        assertTrue(firstStage.right() <= v.right(), "the first stage column is whole in view");
    }

    @Test
    void overviewNeverCoversANodeWhereverTheViewIs() throws Exception {
        openCorpus(VLLM);
        Node overview = window.scene().lookup("#overview");
        waitFor(overview::isVisible);
        GraphView g = window.graph();
        Layout l = g.currentLayout();
        // the opening view, then the view scrolled to each corner and the middle of the drawing
        double[][] points = {{l.width(), 0}, {l.width(), l.height()}, {0, l.height()}, {l.width() / 2, l.height() / 2}};
        assertTrue(overviewCoversNoNode() > 0, "some node is drawn");
        for (double[] p : points) {
            Platform.runLater(() -> g.centerOnPoint(p[0], p[1]));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(overview.isVisible());
            overviewCoversNoNode();
        }
    }

    /**
     * The overview docks below the why panel: the strip under the graph is only as tall as the legend, so
     * the overview costs the graph no height, and it lies outside the graph.
     */
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

    /** No part of a node that is drawn (inside the graph view) lies under the overview. */
    private int overviewCoversNoNode() {
        Node overview = window.scene().lookup("#overview");
        if (!overview.isVisible()) {
            return 0;
        }
        GraphView g = window.graph();
        Bounds o = overview.localToScreen(overview.getBoundsInLocal());
        Bounds view = g.localToScreen(g.getBoundsInLocal());
        int drawn = 0;
        for (LayoutNode n : g.currentLayout().nodes()) {
            Point2D a = g.toScreen(n.x(), n.y());
            Point2D b = g.toScreen(n.bounds().right(), n.bounds().bottom());
            double x0 = Math.max(a.getX(), view.getMinX());
            double y0 = Math.max(a.getY(), view.getMinY());
            double x1 = Math.min(b.getX(), view.getMaxX());
            double y1 = Math.min(b.getY(), view.getMaxY());
            if (x1 <= x0 || y1 <= y0) {
                continue; // scrolled out of the view: not drawn
            }
            drawn++;
            Bounds shown = new BoundingBox(x0, y0, x1 - x0, y1 - y0);
            assertFalse(shown.intersects(o), n.id() + " at " + shown + " is under the overview at " + o);
        }
        return drawn;
    }
}
