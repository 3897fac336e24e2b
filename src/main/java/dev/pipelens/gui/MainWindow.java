package dev.pipelens.gui;

import dev.pipelens.gui.changes.ChangesPanel;
import dev.pipelens.gui.graph.FxCanvas;
import dev.pipelens.gui.graph.Glyphs;
import dev.pipelens.gui.graph.GraphView;
import dev.pipelens.gui.graph.Overview;
import dev.pipelens.gui.matrix.MatrixPanel;
import dev.pipelens.gui.problems.DiagnosticsPanel;
import dev.pipelens.gui.runner.RunStyles;
import dev.pipelens.gui.runner.RunnerPanel;
import dev.pipelens.gui.scenario.ScenarioPanel;
import dev.pipelens.gui.scenario.ScenarioViewModel;
import dev.pipelens.gui.why.StepExplainer;
import dev.pipelens.gui.why.WhyPanel;

import dev.pipelens.export.ExportFormat;
import dev.pipelens.export.ImageTooLargeException;
import dev.pipelens.export.NodeStyle;
import dev.pipelens.export.Theme;
import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutEdge;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Severity;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The main window's view: menus, the what-if panel (left), the graph with its find bar, banner and legend
 * (centre), the why panel (right), problems (bottom) and the status bar. Holds no state of its own
 * beyond what the controls show; everything comes from {@link MainViewModel}.
 */
public final class MainWindow {

    static final String CSS = "pipelens.css";

    private final MainViewModel vm;
    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final TabPane bottom = new TabPane();
    private SplitPane rows;
    private final GraphView graph = new GraphView();
    private final WhyPanel why;
    private final javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(14, 4);
    private final CheckMenuItem showLegend = new CheckMenuItem("_Legend");
    private final CheckMenuItem showOverview = new CheckMenuItem("O_verview");
    private Overview overview;
    private final HBox counts = new HBox(10);
    private final Label scenarioLabel = new Label();
    private final Label message = new Label();
    private final Label zoomLabel = new Label();
    private final TextField find = new TextField();
    private final Label findResult = new Label();
    private final Menu recentMenu = new Menu("Open Recent");
    private final Scene scene;
    private List<String> matches = List.of();
    private int matchIndex = -1;

    public MainWindow(MainViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.why = new WhyPanel(this::selectAndShow, vm::theme, () -> vm.runner().getStates());
        root.getStyleClass().add("main-window");
        root.setTop(menus());

        ScenarioPanel scenarioPanel = new ScenarioPanel(vm.scenario());
        scenarioPanel.setMinWidth(230);
        scenarioPanel.setPrefWidth(290);
        why.setMinWidth(260);
        why.setPrefWidth(360);

        Node centre = centre();
        // the overview docks below the why panel, beside the graph's bottom right corner: it takes height from
        // the why panel (which scrolls) instead of from the graph, and never covers a node
        VBox right = new VBox(why, overview);
        right.setId("right-column");
        right.setMinWidth(260);
        VBox.setVgrow(why, Priority.ALWAYS);
        VBox.setMargin(overview, new javafx.geometry.Insets(6, 8, 8, 8));
        overview.widthProperty().bind(javafx.beans.binding.Bindings.max(120, right.widthProperty().subtract(16)));
        overview.heightProperty().bind(javafx.beans.binding.Bindings.min(140, overview.widthProperty().multiply(0.5)));
        overview.widthProperty().addListener((o, a, b) -> updateOverview());
        SplitPane columns = new SplitPane(scenarioPanel, centre, right);
        columns.setDividerPositions(0.18, 0.78); // the why panel shows values in full (build.tag → "v1.2.0")
        SplitPane.setResizableWithParent(scenarioPanel, false);
        SplitPane.setResizableWithParent(right, false);

        bottom.getStyleClass().add("bottom-tabs");
        Tab problems = new Tab();
        problems.setId("tab-problems");
        problems.setClosable(false);
        problems.textProperty().bind(Bindings.createStringBinding(() -> problemsTitle(vm.diagnostics()), vm.diagnostics()));
        problems.setContent(new DiagnosticsPanel(vm.diagnostics(), vm::goTo));
        Tab runnerTab = new Tab("Runner", new RunnerPanel(vm.runner(), vm::getSelected, this::selectAndShow, dialogs));
        runnerTab.setId("tab-runner");
        runnerTab.setClosable(false);
        Tab matrixTab = new Tab("Matrix", new MatrixPanel(vm.matrixProperty(), vm::theme, (col, id) -> {
            vm.applyMatrixCell(col, id);
            graph.setSelected(id);
        }));
        matrixTab.setId("tab-matrix");
        matrixTab.setClosable(false);
        matrixTab.selectedProperty().addListener((o, a, b) -> {
            if (b && vm.getMatrix() == null && vm.getPlan() != null) {
                vm.requestMatrix();
            }
        });
        vm.matrixProperty().addListener((o, a, b) -> {
            if (b == null && matrixTab.isSelected() && vm.getPlan() != null) {
                vm.requestMatrix();
            }
        });
        Tab changesTab = new Tab("Changes", new ChangesPanel(vm.changes(), vm.compareFileProperty(), this::selectAndShow));
        changesTab.setId("tab-changes");
        changesTab.setClosable(false);
        changesTab.textProperty().bind(Bindings.createStringBinding(() -> vm.compareFileProperty().get() == null
                ? "Changes" : "Changes  " + vm.changes().size() + " vs " + vm.compareFileProperty().get().getFileName(),
                vm.changes(), vm.compareFileProperty()));
        bottom.getTabs().addAll(problems, runnerTab, matrixTab, changesTab);
        bottom.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            // the runner, matrix and changes tables need more room than the problems list
            if (now != problems && rows != null && rows.getDividerPositions()[0] > 0.7) {
                rows.setDividerPositions(0.66);
            }
        });
        bottom.setMinHeight(60);

        rows = new SplitPane(columns, bottom);
        rows.setOrientation(Orientation.VERTICAL);
        rows.setDividerPositions(0.84);
        SplitPane.setResizableWithParent(bottom, false);
        root.setCenter(rows);
        root.setBottom(statusBar());

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1500, screen.getWidth()), Math.min(920, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource(CSS).toExternalForm());
        dragAndDrop();
        wire();
        Platform.runLater(graph::requestFocus);
    }

    public Scene scene() {
        return scene;
    }

    public GraphView graph() {
        return graph;
    }

    // ------------------------------------------------------------------ building

    private Node centre() {
        Label banner = new Label();
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMnemonicParsing(false);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.bannerErrorProperty().addListener((o, a, b) -> banner.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), b));
        banner.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), vm.bannerErrorProperty().get());
        banner.setGraphic(new Label("\u26a0"));

        find.setId("find-field");
        find.setPromptText("Find a step by name or key  (Ctrl+F)");
        find.setPrefColumnCount(26);
        find.textProperty().addListener((o, a, b) -> updateMatches(b));
        find.setOnAction(e -> nextMatch(1));
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                find.clear();
                graph.requestFocus();
            } else if (e.getCode() == KeyCode.UP) {
                nextMatch(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                nextMatch(1);
                e.consume();
            }
        });
        findResult.getStyleClass().add("hint");
        Button fit = toolButton("\u2922", "Fit the graph to the window (Ctrl+0)", graph::fit);
        Button zoomOut = toolButton("\u2212", "Zoom out (Ctrl+\u2212)", graph::zoomOut);
        Button zoomIn = toolButton("+", "Zoom in (Ctrl+=)", graph::zoomIn);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        zoomLabel.getStyleClass().add("hint");
        zoomLabel.setMinWidth(44);
        HBox toolbar = new HBox(6, find, findResult, spacer, zoomOut, zoomLabel, zoomIn, fit);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("graph-toolbar");

        // docked below the graph, never over it; View > Legend hides it
        legend.setId("legend");
        legend.getStyleClass().add("legend-items");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        showLegend.setId("menu-legend");
        showLegend.setSelected(true);
        showLegend.selectedProperty().addListener((o, a, b) -> rebuildLegend());
        legend.managedProperty().bind(legend.visibleProperty());

        Label empty = new Label("Open a pipeline file (Ctrl+O) or drop one here.");
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(vm.layoutProperty().isNull().and(vm.busyProperty().not()));
        empty.setMouseTransparent(true);

        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(56, 56);
        loading.visibleProperty().bind(vm.busyProperty().and(vm.layoutProperty().isNull()));
        loading.setMouseTransparent(true);

        // docked below the why panel (see the constructor): it never covers a node at any zoom or scroll position
        overview = new Overview(graph, vm::theme);
        overview.managedProperty().bind(overview.visibleProperty());
        showOverview.setId("menu-overview");
        showOverview.setSelected(true);
        showOverview.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        showOverview.selectedProperty().addListener((o, a, b) -> updateOverview());
        graph.setOnViewChanged(this::updateOverview);
        StackPane stack = new StackPane(graph, empty, loading);
        stack.getStyleClass().add("graph-stack");
        VBox.setVgrow(stack, Priority.ALWAYS);
        HBox.setHgrow(legend, Priority.ALWAYS);
        legend.setMinWidth(0);
        legend.setPrefWrapLength(200);
        HBox under = new HBox(legend);
        under.setId("graph-footer");
        under.getStyleClass().add("legend");
        under.setAlignment(Pos.CENTER_LEFT);
        under.visibleProperty().bind(legend.visibleProperty());
        under.managedProperty().bind(under.visibleProperty());
        VBox centre = new VBox(banner, toolbar, stack, under);
        centre.getStyleClass().add("centre");
        centre.setMinWidth(300);
        return centre;
    }

    /** The overview shows when wanted and when part of the graph is out of view. */
    private void updateOverview() {
        boolean show = showOverview.isSelected() && graph.currentLayout() != null && !overview.allInView();
        overview.setVisible(show);
        if (show) {
            overview.redraw();
        }
    }

    private Button toolButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private MenuBar menus() {
        Menu file = new Menu("_File");
        MenuItem open = item("_Open\u2026", "Shortcut+O", this::openDialog);
        updateRecentMenu();
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> updateRecentMenu());
        MenuItem sample = item("Open Bundled _Sample", null, vm::openSample);
        MenuItem reload = item("_Reload", "Shortcut+R", vm::reload);
        MenuItem export = item("_Export\u2026", "Shortcut+E", this::exportDialog);
        export.setId("menu-export");
        MenuItem quit = item("_Quit", "Shortcut+Q", Platform::exit);
        MenuItem compare = item("_Compare with\u2026", null, this::compareDialog);
        compare.setId("menu-compare");
        MenuItem stopCompare = item("S_top Comparing", null, vm::stopComparing);
        stopCompare.setId("menu-stop-compare");
        stopCompare.disableProperty().bind(vm.compareFileProperty().isNull());
        file.getItems().addAll(open, recentMenu, sample, reload, new SeparatorMenuItem(), compare, stopCompare,
                new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);

        Menu view = new Menu("_View");
        MenuItem zoomIn = item("Zoom _In", "Shortcut+EQUALS", graph::zoomIn);
        MenuItem zoomOut = item("Zoom _Out", "Shortcut+MINUS", graph::zoomOut);
        MenuItem actual = item("_Actual Size", "Shortcut+1", graph::actualSize);
        MenuItem fit = item("_Fit to Window", "Shortcut+0", graph::fit);
        MenuItem findItem = item("_Find Step\u2026", "Shortcut+F", () -> {
            find.requestFocus();
            find.selectAll();
        });
        MenuItem centre = item("_Centre on Selection", "Shortcut+J", () -> {
            if (vm.getSelected() != null) {
                graph.centerOn(vm.getSelected());
            }
        });
        CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
        dark.setId("menu-dark");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        showLegend.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        MenuItem collapseAll = item("C_ollapse All Groups", "Shortcut+Shift+MINUS", vm::collapseAll);
        collapseAll.setId("menu-collapse-all");
        MenuItem expandAll = item("E_xpand All Groups", "Shortcut+Shift+EQUALS", vm::expandAll);
        expandAll.setId("menu-expand-all");
        view.getItems().addAll(zoomIn, zoomOut, actual, fit, new SeparatorMenuItem(), findItem, centre,
                new SeparatorMenuItem(), collapseAll, expandAll, new SeparatorMenuItem(), showLegend, showOverview,
                dark);

        Menu scenario = new Menu("_Scenario");
        Runnable fill = () -> {
            scenario.getItems().clear();
            int i = 1;
            for (NamedScenario p : vm.scenario().presets()) {
                MenuItem m = item(p.name().replace("_", "__"), i <= 9 ? "Alt+" + i : null, () -> vm.scenario().applyPreset(p));
                scenario.getItems().add(m);
                i++;
            }
            scenario.getItems().addAll(new SeparatorMenuItem(),
                    item("_Reset to Push to Default Branch", "Shortcut+Shift+R", vm.scenario()::reset));
        };
        fill.run();
        vm.scenario().presets().addListener((ListChangeListener<NamedScenario>) c -> fill.run());

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard Shortcuts", "F1", this::showShortcuts),
                item("_About Pipelens", null, () -> dialogs.showInfo("About Pipelens",
                        "Pipelens 0.1.0 \u2014 which CI jobs run, wait for a human, or are skipped, and why.")));
        MenuBar bar = new MenuBar(file, view, scenario, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void updateRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles()) {
            MenuItem m = new MenuItem(p.toString().replace("_", "__"));
            m.setOnAction(e -> vm.open(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(vm.recentFiles().isEmpty());
    }

    private HBox statusBar() {
        counts.setId("status-counts");
        counts.setAlignment(Pos.CENTER_LEFT);
        scenarioLabel.setId("status-scenario");
        scenarioLabel.getStyleClass().add("status-scenario");
        scenarioLabel.setMnemonicParsing(false);
        message.getStyleClass().add("status-message");
        message.setId("status-message");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(vm.busyProperty());
        Label busyText = new Label();
        busyText.textProperty().bind(vm.busyMessageProperty());
        busyText.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(14, counts, new Label("\u00b7"), scenarioLabel, spacer, message, busyText, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void dragAndDrop() {
        scene.setOnDragOver(e -> {
            Dragboard db = e.getDragboard();
            if (db.hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = db.hasFiles() && !db.getFiles().isEmpty();
            if (ok) {
                vm.open(db.getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ------------------------------------------------------------------ wiring

    private void wire() {
        graph.setOnSelect(vm::select);
        graph.setOnToggleGroup(vm::toggleCollapsed);
        vm.layoutProperty().addListener((o, a, b) -> refreshGraph());
        vm.planProperty().addListener((o, a, b) -> {
            refreshGraph();
            updateMatches(find.getText());
        });
        vm.fitRequestsProperty().addListener((o, a, b) -> Platform.runLater(graph::fitReadable));
        vm.selectedProperty().addListener((o, a, b) -> {
            graph.setSelected(b);
            if (b != null && !graph.isVisible(b)) {
                graph.centerOn(b);
            }
        });
        vm.detailsProperty().addListener((o, a, b) -> why.show(b));
        vm.runner().statesProperty().addListener((o, a, b) -> {
            graph.setRunStates(b);
            rebuildLegend();
            why.refresh();
        });
        vm.changes().addListener((ListChangeListener<dev.pipelens.plan.PlanDiff.Change>) c -> graph.setChanged(
                vm.changes().stream().map(dev.pipelens.plan.PlanDiff.Change::id).collect(java.util.stream.Collectors.toSet())));
        vm.compareFileProperty().addListener((o, a, b) -> rebuildLegend());
        vm.darkProperty().addListener((o, a, b) -> applyTheme());
        vm.scenario().scenarioProperty().addListener((o, a, b) -> scenarioLabel.setText(ScenarioViewModel.summary(b)));
        scenarioLabel.setText(ScenarioViewModel.summary(vm.scenario().getScenario()));
        graph.zoomProperty().addListener((o, a, b) -> zoomLabel.setText(Math.round(b.doubleValue() * 100) + "%"));
        zoomLabel.setText("100%");
        applyTheme();
    }

    private void refreshGraph() {
        graph.show(vm.getLayout(), vm.getPlan());
        rebuildLegend();
        rebuildCounts();
    }

    private void applyTheme() {
        boolean dark = vm.darkProperty().get();
        if (dark && !root.getStyleClass().contains("dark")) {
            root.getStyleClass().add("dark");
        } else if (!dark) {
            root.getStyleClass().remove("dark");
        }
        graph.setTheme(vm.theme());
        why.refresh();
        rebuildLegend();
        rebuildCounts();
    }

    private void rebuildCounts() {
        counts.getChildren().clear();
        Plan p = vm.getPlan();
        if (p == null) {
            counts.getChildren().add(new Label("no pipeline"));
            return;
        }
        Theme t = vm.theme();
        Map<Outcome, Integer> byOutcome = p.countsByOutcome();
        int total = byOutcome.values().stream().mapToInt(Integer::intValue).sum();
        Label steps = new Label(total + (total == 1 ? " step" : " steps") + (p.created() ? "" : " \u00b7 not created"));
        steps.getStyleClass().add("status-total");
        counts.getChildren().add(steps);
        for (Outcome o : Outcome.values()) {
            Integer n = byOutcome.get(o);
            if (n != null && n > 0) {
                Label l = new Label(n + " " + o.id(), Glyphs.icon(t.style(o), 12));
                l.setId("count-" + o.id());
                l.getStyleClass().add("status-count");
                counts.getChildren().add(l);
            }
        }
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        Layout l = vm.getLayout();
        Plan p = vm.getPlan();
        if (l == null || p == null || !showLegend.isSelected()) {
            legend.setVisible(false);
            return;
        }
        Map<String, dev.pipelens.simulate.JobState> states = vm.runner().getStates();
        if (states != null) {
            legend.setVisible(true);
            Label head = new Label("Runner \u00b7 job states");
            head.getStyleClass().add("legend-title");
            legend.getChildren().add(head);
            Map<dev.pipelens.simulate.JobState, Integer> n = new EnumMap<>(dev.pipelens.simulate.JobState.class);
            states.values().forEach(st -> n.merge(st, 1, Integer::sum));
            n.forEach((st, count) -> {
                Label item = new Label(st.id() + "  " + count, RunStyles.icon(st, 14));
                item.getStyleClass().add("legend-item");
                legend.getChildren().add(item);
            });
            return;
        }
        legend.setVisible(true);
        Theme t = vm.theme();
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        byOutcome.putAll(p.countsByOutcome());
        Label head = new Label("Legend");
        head.getStyleClass().add("legend-title");
        legend.getChildren().add(head);
        for (Outcome o : Outcome.values()) {
            Integer n = byOutcome.get(o);
            if (n == null || n == 0) {
                continue;
            }
            NodeStyle s = t.style(o);
            Label item = new Label(o.id() + "  " + n, Glyphs.icon(s, 14));
            item.setTooltip(new Tooltip(describe(o)));
            item.getStyleClass().add("legend-item");
            legend.getChildren().add(item);
        }
        boolean explicit = false;
        boolean implicit = false;
        for (LayoutEdge e : l.edges()) {
            explicit |= e.kind() != EdgeKind.IMPLICIT;
            implicit |= e.kind() == EdgeKind.IMPLICIT;
        }
        boolean stages = !l.lanes().isEmpty();
        if (explicit) {
            legend.getChildren().add(edgeSample(stages ? "needs" : "depends on", t, false));
        }
        if (stages && l.lanes().size() > 1) {
            legend.getChildren().add(edgeSample("stage order (each stage waits for the one before)", t, true));
        } else if (implicit) {
            legend.getChildren().add(edgeSample(stages ? "stage order" : "implicit (wait, block)", t, true));
        }
        if (vm.compareFileProperty().get() != null) {
            Label changed = new Label("\u0394 changed vs " + vm.compareFileProperty().get().getFileName());
            changed.setId("legend-changed");
            changed.setTextFill(javafx.scene.paint.Color.web(RunStyles.CHANGED.hex()));
            changed.getStyleClass().add("legend-item");
            legend.getChildren().add(changed);
        }
    }

    public static String describe(Outcome o) {
        switch (o) {
            case RUNS:
                return "starts without any human action";
            case BLOCKED:
                return "a gate: waits for a person (block or input step, blocking manual job)";
            case MANUAL:
                return "optional manual job: runs only if someone starts it";
            case GATED:
                return "would run, but only after a person acts on a gate upstream";
            case DELAYED:
                return "runs after its timer";
            case ON_FAILURE:
                return "runs only if an earlier job fails";
            case SKIPPED:
                return "not part of this build (if, branches, skip, rules)";
            default:
                return "in the build but can never start";
        }
    }

    private Label edgeSample(String text, Theme t, boolean dashed) {
        Canvas c = new Canvas(30, 12);
        GraphicsContext g = c.getGraphicsContext2D();
        Color col = FxCanvas.fx(dashed ? t.implicitEdge() : t.edge());
        g.setStroke(col);
        g.setLineWidth(1.4);
        g.setLineDashes(dashed ? new double[] {5, 4} : null);
        g.strokeLine(1, 6, 22, 6);
        g.setFill(col);
        g.fillPolygon(new double[] {29, 21, 21}, new double[] {6, 2, 10}, 3);
        Label l = new Label(text, c);
        l.getStyleClass().add("legend-item");
        return l;
    }

    private static String problemsTitle(List<Diagnostic> ds) {
        long errors = ds.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = ds.stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (ds.isEmpty()) {
            return "Problems";
        }
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + " \u2716");
        }
        if (warnings > 0) {
            parts.add(warnings + " \u26a0");
        }
        if (ds.size() - errors - warnings > 0) {
            parts.add((ds.size() - errors - warnings) + " \u2139");
        }
        return "Problems  " + String.join("  ", parts);
    }

    // ------------------------------------------------------------------ actions

    private void selectAndShow(String id) {
        vm.select(id);
        graph.setSelected(id);
        graph.centerOn(id);
    }

    private void updateMatches(String text) {
        Plan p = vm.getPlan();
        matches = new ArrayList<>();
        matchIndex = -1;
        if (p == null || text == null || text.isBlank()) {
            findResult.setText("");
            return;
        }
        String q = text.strip().toLowerCase(Locale.ROOT);
        for (PlannedStep s : p.steps()) {
            if (s.id().toLowerCase(Locale.ROOT).contains(q) || StepExplainer.display(s).toLowerCase(Locale.ROOT).contains(q)
                    || s.label() != null && s.label().toLowerCase(Locale.ROOT).contains(q)) {
                matches.add(s.id());
            }
        }
        findResult.setText(matches.isEmpty() ? "no match" : matches.size() + (matches.size() == 1 ? " match" : " matches")
                + " \u2014 Enter");
    }

    private void nextMatch(int direction) {
        if (matches.isEmpty()) {
            return;
        }
        matchIndex = Math.floorMod(matchIndex + direction, matches.size());
        String id = matches.get(matchIndex);
        findResult.setText((matchIndex + 1) + " of " + matches.size());
        vm.select(id);
        graph.setSelected(id);
        graph.centerOn(id);
    }

    private void openDialog() {
        Path dir = vm.fileProperty().get() == null ? null : vm.fileProperty().get().getParent();
        dialogs.chooseFileToOpen(dir).ifPresent(vm::open);
    }

    /** Selects the bottom tab with this id (tab-problems, tab-runner, tab-matrix, tab-changes). */
    void selectTab(String id) {
        bottom.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> bottom.getSelectionModel().select(t));
    }

    private void compareDialog() {
        if (vm.getPlan() == null) {
            dialogs.showError("Nothing to compare", "Open a pipeline file first.");
            return;
        }
        Path dir = vm.fileProperty().get() == null ? null : vm.fileProperty().get().getParent();
        dialogs.chooseFileToOpen(dir).ifPresent(other -> {
            vm.compareWith(other);
            selectTab("tab-changes");
        });
    }

    private void exportDialog() {
        if (vm.getPlan() == null) {
            dialogs.showError("Nothing to export", "Open a pipeline file first.");
            return;
        }
        Path f = vm.fileProperty().get();
        String base = f == null ? "pipeline" : f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dir = f == null ? null : f.getParent();
        if (dir != null && dir.toString().contains("pipelens-sample")) {
            dir = Path.of(System.getProperty("user.home"));
        }
        dialogs.chooseExport(dir, base).ifPresent(this::export);
    }

    /** Exports to {@code choice}; a refused gigantic PNG offers SVG instead. */
    void export(DialogService.ExportChoice choice) {
        message.setText("Exporting " + choice.path().getFileName() + "\u2026");
        vm.export(choice.path(), choice.format(), choice.scale()).whenComplete((path, error) -> Platform.runLater(() -> {
            if (error == null) {
                message.setText("Exported " + path.getFileName());
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            message.setText("Export failed");
            if (cause instanceof ImageTooLargeException big) {
                Path svg = choice.path().resolveSibling(choice.path().getFileName().toString()
                        .replaceFirst("\\.[^.]*$", "") + ".svg");
                if (dialogs.confirm("Image too large", "The PNG would be " + big.width() + " \u00d7 " + big.height()
                        + " pixels, too large to write. " + cause.getMessage() + "\n\nExport " + svg.getFileName()
                        + " instead?", "Export SVG")) {
                    export(new DialogService.ExportChoice(svg, ExportFormat.SVG, 1));
                }
            } else {
                dialogs.showError("Export failed", "Could not write " + choice.path() + ": " + cause.getMessage());
            }
        }));
    }

    private void showShortcuts() {
        dialogs.showInfo("Keyboard shortcuts", String.join("\n",
                "Ctrl+O  open a file            Ctrl+R  reload",
                "Ctrl+E  export PNG/SVG/DOT/GraphML/Mermaid",
                "Ctrl+F  find a step (Enter: next, Up/Down)",
                "Ctrl+0  fit    Ctrl+1  100%    Ctrl+= / Ctrl+\u2212 or + / \u2212  zoom",
                "Ctrl+scroll  zoom at the pointer;  drag or scroll  pan;  arrows  pan",
                "zoomed far out, each group is one box with its counts: click it to zoom into it",
                "Ctrl+J  centre on the selection;  Esc  clear the selection",
                "double-click a group  collapse or expand it;  Ctrl+Shift+\u2212 / Ctrl+Shift+=  collapse / expand all",
                presetKeys(vm.scenario().presets().size()) + "  scenario presets;  Ctrl+Shift+R  reset the scenario",
                "Ctrl+L  show or hide the legend;  Ctrl+M  the overview (click it to move there)",
                "Ctrl+Shift+D  dark theme;  F1  this list"));
    }

    /** "Alt+1…Alt+6" for six presets (the Scenario menu gives the first nine a key). */
    static String presetKeys(int presets) {
        int n = Math.min(9, presets);
        return n <= 0 ? "(no presets)" : n == 1 ? "Alt+1" : "Alt+1\u2026Alt+" + n;
    }
}
