package dev.pipelens.gui;

import dev.pipelens.gui.matrix.MatrixTable;
import dev.pipelens.gui.runner.RunnerViewModel;
import dev.pipelens.gui.scenario.ScenarioViewModel;
import dev.pipelens.gui.why.StepDetails;
import dev.pipelens.gui.why.StepExplainer;

import dev.pipelens.layout.PlanLayouts;
import dev.pipelens.export.ExportFormat;
import dev.pipelens.export.SafeOutput;
import dev.pipelens.export.ExportOptions;
import dev.pipelens.export.Theme;
import dev.pipelens.layout.GraphLayout;
import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanDiff;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;
import dev.pipelens.yaml.YamlLoader;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The window's state and the only place that calls the core. Reading, planning and layout run on one
 * background worker thread (so they happen in order and never on the JavaFX thread); results come back
 * through the {@code ui} executor ({@code Platform::runLater} in the app, a direct executor in unit
 * tests). Stale work is dropped: each load and re-plan carries a generation number and only the newest
 * result is shown.
 *
 * <p>While the watched file is invalid mid-edit, the last good plan and graph stay and
 * {@link #bannerProperty()} names the first error as {@code file:line:column: message}.
 */
public final class MainViewModel implements AutoCloseable {

    /** A file the window reads: where it is and the name shown in spans, titles and exports. */
    record Source(Path path, String label, boolean sample) {
    }

    /** What the worker knows about the last good load; owned by the worker thread. */
    private record Loaded(Source source, String text, PipelinePlanner planner, Layout base) {
    }

    private final Executor ui;
    private final ExecutorService worker;
    private final ExecutorService exporter;
    private final GraphLayout layoutEngine;
    private final RecentFiles recent;
    private final ScenarioViewModel scenario = new ScenarioViewModel();
    private final AtomicLong loadGen = new AtomicLong();
    private final AtomicLong planGen = new AtomicLong();
    private final AtomicLong detailGen = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    // worker-owned
    private Loaded loaded;

    // read by the worker, written on the UI thread
    private volatile Scenario wanted = Scenario.defaults();
    private volatile String selectedId;
    private volatile int focusLine;
    private volatile CiSystem forcedSystem;
    private volatile dev.pipelens.system.OpenOptions openOptions = dev.pipelens.system.OpenOptions.DEFAULT;
    private volatile YamlLimits limits = YamlLimits.DEFAULT;

    // UI state
    private Source source;
    private FileWatcher watcher;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Pipelens");
    private final ReadOnlyObjectWrapper<PipelinePlanner> planner = new ReadOnlyObjectWrapper<>(this, "planner");
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner");
    private final ReadOnlyBooleanWrapper bannerError = new ReadOnlyBooleanWrapper(this, "bannerError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<StepDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyIntegerWrapper fitRequests = new ReadOnlyIntegerWrapper(this, "fitRequests");
    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper(this, "loads");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final RunnerViewModel runner = new RunnerViewModel();
    private final ReadOnlyObjectWrapper<MatrixTable> matrix = new ReadOnlyObjectWrapper<>(this, "matrix");
    private final AtomicLong matrixGen = new AtomicLong();
    private final ReadOnlyObjectWrapper<Path> compareFile = new ReadOnlyObjectWrapper<>(this, "compareFile");
    private final ObservableList<PlanDiff.Change> changes = FXCollections.observableArrayList();
    private final AtomicLong compareGen = new AtomicLong();
    // worker-owned: the other version of the file while comparing
    private PipelinePlanner comparePlanner;

    public MainViewModel(Executor ui, RecentFiles recent) {
        this(ui, recent, GraphLayout.standard());
    }

    public MainViewModel(Executor ui, RecentFiles recent, GraphLayout layoutEngine) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.recent = recent;
        this.layoutEngine = layoutEngine;
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "pipelens-worker"));
        this.exporter = Executors.newSingleThreadExecutor(r -> daemon(r, "pipelens-export"));
        if (recent != null) {
            recentFiles.setAll(recent.list());
            dark.set(recent.dark());
            dark.addListener((o, a, b) -> recent.setDark(b));
        }
        scenario.scenarioProperty().addListener((o, a, b) -> replan());
        plan.addListener((o, a, b) -> runner.setPlan(planner.get(), b));
        planner.addListener((o, a, b) -> matrix.set(null));
    }

    // ------------------------------------------------------------------ properties

    public ScenarioViewModel scenario() {
        return scenario;
    }

    /** The runner bar: a simulation of the plan shown. */
    public RunnerViewModel runner() {
        return runner;
    }

    /** The steps \u00d7 scenarios table of the file; null until {@link #requestMatrix()} computed it. */
    public ReadOnlyObjectProperty<MatrixTable> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    public MatrixTable getMatrix() {
        return matrix.get();
    }

    /** The other version of the file compared with (File &gt; Compare with...), or null. */
    public ReadOnlyObjectProperty<Path> compareFileProperty() {
        return compareFile.getReadOnlyProperty();
    }

    /** What changed from the compared version to this one, in the current scenario. */
    public ObservableList<PlanDiff.Change> changes() {
        return changes;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PipelinePlanner> plannerProperty() {
        return planner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public Plan getPlan() {
        return plan.get();
    }

    /** The drawn graph: the base positions with the current plan's outcomes and edges. */
    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public Layout getLayout() {
        return layout.get();
    }

    /** The YAML text of the plan shown. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** A message shown above the graph (an error while the file is invalid), or null. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerErrorProperty() {
        return bannerError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyMessageProperty() {
        return busyMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public String getSelected() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<StepDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Incremented when a different file is shown, so the graph fits it to the window once. */
    public ReadOnlyIntegerProperty fitRequestsProperty() {
        return fitRequests.getReadOnlyProperty();
    }

    /** Incremented after every finished load attempt (good or bad); for tests and the status bar. */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public Theme theme() {
        return dark.get() ? Theme.dark() : Theme.light();
    }

    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public void setForcedSystem(CiSystem system) {
        this.forcedSystem = system;
    }

    /**
     * What files are opened with ({@code pipelens open --project-root --include-map}); they apply to files inside
     * the given project root (to every file when none is given), others open with the defaults.
     */
    public void setOpenOptions(dev.pipelens.system.OpenOptions options) {
        this.openOptions = options == null ? dev.pipelens.system.OpenOptions.DEFAULT : options;
    }

    private dev.pipelens.system.OpenOptions openOptions(Path file) {
        dev.pipelens.system.OpenOptions o = openOptions;
        Path root = o.projectRoot();
        return root == null || file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
                ? o : dev.pipelens.system.OpenOptions.DEFAULT;
    }

    public void setLimits(YamlLimits value) {
        this.limits = value;
    }

    // ------------------------------------------------------------------ loading

    /** Opens a file chosen by the user (menu, drag and drop, recent list, command line). */
    public void open(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        load(new Source(abs, path.toString(), false), true);
    }

    /** Opens the release sample bundled in the jar. */
    public void openSample() {
        load(new Source(BundledSample.extract(), "release.yml", true), true);
    }

    /** Reads the current file again (File &gt; Reload, or the watcher saw it change). */
    public void reload() {
        if (source != null) {
            load(source, false);
        }
    }

    private void load(Source src, boolean userAction) {
        long gen = loadGen.incrementAndGet();
        boolean newFile = source == null || !source.path().equals(src.path());
        source = src;
        file.set(src.path());
        title.set(src.label() + (src.sample() ? " (bundled sample)" : "") + " \u2014 Pipelens");
        if (newFile) {
            collapsed.clear();
            expandedFamilies.clear();
            watch(src.path());
        }
        setBusy("Reading " + src.path().getFileName() + "\u2026");
        submit(() -> {
            if (gen != loadGen.get()) {
                return;
            }
            YamlDocument doc = read(src);
            PipelinePlanner p = src.sample() ? Pipelines.open(Path.of(src.label()), doc, forcedSystem)
                    : Pipelines.open(src.path(), doc, forcedSystem, openOptions(src.path()));
            Scenario s = wanted;
            Plan pl = p.unusable() ? null : p.plan(s);
            boolean invalid = pl == null || !pl.created() && pl.hasErrors();
            Loaded previous = loaded;
            boolean keepOld = invalid && previous != null && previous.source().path().equals(src.path());
            Layout shown;
            Loaded now;
            if (pl != null && !keepOld) {
                Layout base = PlanLayouts.base(layoutEngine, p, pl, collapsedNow(), Set.copyOf(expandedFamilies));
                now = new Loaded(src, doc.text(), p, base);
                shown = PlanLayouts.restyle(base, pl);
            } else {
                now = keepOld ? previous : null;
                shown = null;
            }
            loaded = now;
            List<Diagnostic> problems = pl == null ? p.loadDiagnostics() : withLint(p, pl.diagnostics());
            List<PlanDiff.Change> diff = pl == null || keepOld ? null : diff(pl);
            Optional<StepDetails> det = pl == null || keepOld ? Optional.empty() : detailsFor(now, pl);
            ui.execute(() -> {
                if (gen != loadGen.get()) {
                    return;
                }
                if (!keepOld) {
                    planner.set(p);
                    if (pl != null) {
                        scenario.setDiscovered(p.system(), p.variables());
                        scenario.setPresets(p.presets(scenario.defaultBranchProperty().get()));
                    }
                    text.set(doc.text());
                    plan.set(pl);
                    layout.set(shown);
                    applySelection(pl, det);
                    if (newFile) {
                        fitRequests.set(fitRequests.get() + 1);
                    }
                }
                diagnostics.setAll(problems);
                if (diff != null && compareFile.get() != null) {
                    changes.setAll(diff);
                }
                if (invalid) {
                    Diagnostic first = problems.stream().filter(Diagnostic::isError).findFirst().orElse(null);
                    String where = first == null ? src.label() : first.span().toString() + ": " + first.message();
                    banner.set(where + (keepOld ? "  \u2014  showing the last good version until the file is fixed" : ""));
                    bannerError.set(true);
                } else if (!pl.created()) {
                    banner.set("Pipeline not created in this scenario: " + String.join("; ", pl.pipelineReasons()));
                    bannerError.set(false);
                } else {
                    banner.set(null);
                }
                if (!invalid && !src.sample() && userAction && recent != null) {
                    recent.add(src.path());
                    recentFiles.setAll(recent.list());
                }
                loads.set(loads.get() + 1);
            });
        });
    }

    private YamlDocument read(Source src) {
        // the loader checks the size before reading, so a huge file is refused, not read into memory
        return new YamlLoader(limits).load(src.path(), src.label());
    }

    private void watch(Path path) {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        try {
            watcher = FileWatcher.watch(path, 250, () -> ui.execute(this::reload));
        } catch (IOException | RuntimeException e) {
            // no watching (for example the directory is gone): File > Reload still works
        }
    }

    // ------------------------------------------------------------------ re-planning

    // ------------------------------------------------------------------ collapsed groups

    private final java.util.Set<String> collapsed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Job families (GitLab 'rspec 1/28') drawn job by job instead of as one folded box. */
    private final java.util.Set<String> expandedFamilies = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The groups drawn as one box each. */
    public java.util.Set<String> collapsedGroups() {
        return collapsedNow();
    }

    private java.util.Set<String> collapsedNow() {
        return java.util.Set.copyOf(collapsed);
    }

    /**
     * Collapses group {@code id} into one box, or expands it again; expands a folded job family into its
     * jobs, or folds it again (from any of its jobs); anything else is ignored.
     */
    public void toggleCollapsed(String id) {
        Plan p = plan.get();
        if (id == null || p == null || p.stepsById().get(id) == null) {
            return;
        }
        dev.pipelens.plan.PlannedStep step = p.stepsById().get(id);
        if (step.type() != dev.pipelens.model.StepType.GROUP) {
            String family = PlanLayouts.familyName(step.label() == null ? id : step.label());
            Layout shownNow = layout.get();
            boolean folded = shownNow != null && shownNow.node(id).map(LayoutNode::folded).orElse(false);
            if (family != null && (folded || expandedFamilies.contains(family))) {
                if (!expandedFamilies.remove(family)) {
                    expandedFamilies.add(family);
                }
                relayout();
            }
            return;
        }
        if (!collapsed.remove(id)) {
            collapsed.add(id);
        }
        relayout();
    }

    /** Every group drawn as one box, every job family folded. */
    public void collapseAll() {
        Plan p = plan.get();
        if (p == null) {
            return;
        }
        expandedFamilies.clear();
        for (dev.pipelens.plan.PlannedStep s : p.steps()) {
            if (s.type() == dev.pipelens.model.StepType.GROUP) {
                collapsed.add(s.id());
            }
        }
        relayout();
    }

    /** Every group drawn with its children. */
    public void expandAll() {
        collapsed.clear();
        relayout();
    }

    /** A new base layout for the current collapsed groups, then the current plan drawn on it. */
    private void relayout() {
        Loaded l0 = loaded;
        if (l0 == null) {
            return;
        }
        loaded = new Loaded(l0.source(), l0.text(), l0.planner(), null);
        replan();
    }

    private void replan() {
        wanted = scenario.getScenario();
        long gen = planGen.incrementAndGet();
        submit(() -> {
            if (gen != planGen.get() || loaded == null) {
                return;
            }
            Loaded l = loaded;
            Plan pl = l.planner().plan(wanted);
            if (!PlanLayouts.fits(l.base(), pl)) {
                l = new Loaded(l.source(), l.text(), l.planner(),
                        PlanLayouts.base(layoutEngine, l.planner(), pl, collapsedNow(),
                                Set.copyOf(expandedFamilies)));
                loaded = l;
            }
            Layout shown = PlanLayouts.restyle(l.base(), pl);
            Optional<StepDetails> det = detailsFor(l, pl);
            List<Diagnostic> problems = withLint(l.planner(), pl.diagnostics());
            List<PlanDiff.Change> diff = diff(pl);
            long loadAtStart = loadGen.get();
            ui.execute(() -> {
                if (gen != planGen.get() || loadAtStart != loadGen.get()) {
                    return;
                }
                plan.set(pl);
                layout.set(shown);
                diagnostics.setAll(problems);
                if (diff != null && compareFile.get() != null) {
                    changes.setAll(diff);
                }
                if (!bannerError.get()) {
                    banner.set(pl.created() ? null
                            : "Pipeline not created in this scenario: " + String.join("; ", pl.pipelineReasons()));
                }
                applySelection(pl, det);
            });
        });
    }

    /**
     * What {@code pipelens lint} reports ({@link PipelinePlanner#review(List)}), with the plan of the window's
     * scenario: the same severities (a GitLab include fragment's notes are notes, not errors), in line order.
     */
    static List<Diagnostic> withLint(PipelinePlanner p, List<Diagnostic> planDiagnostics) {
        return p.review(planDiagnostics);
    }

    // ------------------------------------------------------------------ matrix

    /** Computes the Matrix tab's table in the background (from a push to the default branch). */
    public void requestMatrix() {
        long gen = matrixGen.incrementAndGet();
        Scenario base = Scenario.defaults().withDefaultBranch(scenario.getScenario().effectiveDefaultBranch());
        setBusy("Planning the scenario matrix\u2026");
        submit(() -> {
            Loaded l = loaded;
            if (gen != matrixGen.get() || l == null) {
                return;
            }
            MatrixTable t = MatrixTable.build(l.planner(), base);
            long loadAtStart = loadGen.get();
            ui.execute(() -> {
                if (gen == matrixGen.get() && loadAtStart == loadGen.get()) {
                    matrix.set(t);
                }
            });
        });
    }

    /** Applies column {@code column} of the matrix in the what-if panel and selects step {@code id}. */
    public void applyMatrixCell(int column, String id) {
        MatrixTable t = matrix.get();
        if (t == null || column < 0 || column >= t.columns().size()) {
            return;
        }
        if (id != null) {
            select(id);
        }
        scenario.applyPreset(t.columns().get(column));
    }

    // ------------------------------------------------------------------ compare

    /**
     * Compares the current file with {@code other} (another version of it): {@link #changes()} lists the
     * steps whose outcome differs, kept up to date as the scenario changes, until {@link #stopComparing()}.
     */
    public void compareWith(Path other) {
        Path abs = other.toAbsolutePath().normalize();
        long gen = compareGen.incrementAndGet();
        compareFile.set(abs);
        setBusy("Comparing with " + abs.getFileName() + "\u2026");
        submit(() -> {
            if (gen != compareGen.get()) {
                return;
            }
            Source src = new Source(abs, abs.getFileName().toString(), false);
            YamlDocument doc = read(src);
            PipelinePlanner p = Pipelines.open(abs, doc, forcedSystem, openOptions(abs));
            comparePlanner = p.unusable() ? null : p;
            Plan current = loaded == null ? null : loaded.planner().plan(wanted);
            List<PlanDiff.Change> diff = current == null ? List.of() : diff(current);
            String error = p.unusable() ? p.loadDiagnostics().stream().filter(Diagnostic::isError).findFirst()
                    .map(d -> d.span() + ": " + d.message()).orElse("cannot read " + abs) : null;
            ui.execute(() -> {
                if (gen != compareGen.get()) {
                    return;
                }
                if (error != null) {
                    compareFile.set(null);
                    changes.clear();
                    banner.set("Cannot compare: " + error);
                    bannerError.set(true);
                    return;
                }
                changes.setAll(diff == null ? List.of() : diff);
            });
        });
    }

    /** Leaves compare mode. */
    public void stopComparing() {
        compareGen.incrementAndGet();
        compareFile.set(null);
        changes.clear();
        submit(() -> comparePlanner = null);
    }

    /** The changes from the compared version to {@code current} (worker thread); null when not comparing. */
    private List<PlanDiff.Change> diff(Plan current) {
        PipelinePlanner other = comparePlanner;
        if (other == null) {
            return null;
        }
        return PlanDiff.compare(other.plan(current.scenario() == null ? wanted : current.scenario()), current);
    }

    // ------------------------------------------------------------------ selection

    /** Selects a step (null clears) and shows why it does what it does. */
    public void select(String id) {
        select(id, 0);
    }

    /** Selects the step a diagnostic is in and marks the diagnostic's line in the excerpt. */
    public void goTo(Diagnostic d) {
        Plan p = plan.get();
        if (p == null || !d.span().isKnown()) {
            return;
        }
        String id = StepExplainer.stepAtLine(p, d.span().line());
        select(id, d.span().line());
    }

    private void select(String id, int line) {
        selectedId = id;
        focusLine = line;
        selected.set(id);
        if (id == null) {
            details.set(null);
            return;
        }
        long gen = detailGen.incrementAndGet();
        Plan p = plan.get();
        submit(() -> {
            Loaded l = loaded;
            if (l == null || p == null) {
                return;
            }
            Optional<StepDetails> det = detailsFor(l, p);
            ui.execute(() -> {
                if (gen == detailGen.get() && Objects.equals(id, selected.get())) {
                    details.set(det.orElse(null));
                }
            });
        });
    }

    private Optional<StepDetails> detailsFor(Loaded l, Plan p) {
        String id = selectedId;
        if (id == null || l == null) {
            return Optional.empty();
        }
        return StepExplainer.explain(l.planner(), p, l.text(), id, focusLine);
    }

    private void applySelection(Plan p, Optional<StepDetails> det) {
        String id = selected.get();
        if (id != null && (p == null || p.step(id).isEmpty())) {
            selectedId = null;
            selected.set(null);
            details.set(null);
        } else if (id != null) {
            det.ifPresent(details::set);
        }
    }

    // ------------------------------------------------------------------ export

    /**
     * Writes the current plan in {@code format} (colours of the current theme and scenario) on a background
     * thread, through {@link SafeOutput}: a refused export (an {@link dev.pipelens.export.ImageTooLargeException})
     * leaves no half-written file behind, and a link, directory, device or FIFO at {@code out} is left alone.
     */
    public CompletableFuture<Path> export(Path out, ExportFormat format, double scale) {
        Plan p = plan.get();
        Layout l = layout.get();
        if (p == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing to export: no pipeline is loaded"));
        }
        ExportOptions options = ExportOptions.defaults().withScale(scale).withTheme(theme())
                .withTitle(source == null ? null : source.label());
        return CompletableFuture.supplyAsync(() -> {
            try {
                // as `pipelens export`: only a regular file is replaced, a new one gets the user's umask
                SafeOutput.write(out, os -> format.exporter().export(p, l, os, options));
                return out;
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            } catch (SafeOutput.RefusedTarget e) {
                throw new java.util.concurrent.CompletionException(new IOException(out + ": " + e.getMessage(), e));
            }
        }, exporter);
    }

    // ------------------------------------------------------------------ plumbing

    private void submit(Runnable task) {
        pending.incrementAndGet();
        worker.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    banner.set("Internal error: " + e + " (please report this)");
                    bannerError.set(true);
                });
            } finally {
                if (pending.decrementAndGet() == 0) {
                    ui.execute(() -> {
                        if (pending.get() == 0) {
                            busy.set(false);
                            busyMessage.set("");
                        }
                    });
                }
            }
        });
    }

    private void setBusy(String message) {
        busy.set(true);
        busyMessage.set(message);
    }

    /** Waits until the worker has finished everything submitted so far (tests, shutdown). */
    public void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        do {
            CompletableFuture<Void> done = new CompletableFuture<>();
            worker.execute(() -> done.complete(null));
            try {
                done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("worker did not become idle", e);
            }
        } while (pending.get() > 0);
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        worker.shutdownNow();
        exporter.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
