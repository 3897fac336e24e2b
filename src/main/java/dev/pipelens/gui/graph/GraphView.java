package dev.pipelens.gui.graph;

import dev.pipelens.gui.runner.RunStyles;
import dev.pipelens.gui.why.StepExplainer;

import dev.pipelens.export.DiagramRenderer;
import dev.pipelens.export.ExportOptions;
import dev.pipelens.export.Theme;
import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutEdge;
import dev.pipelens.export.NodeStyle;
import dev.pipelens.layout.LayoutGroup;
import dev.pipelens.layout.LayoutMetrics;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.Point;
import dev.pipelens.layout.Rect;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.simulate.JobState;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pipeline graph: a {@link Canvas} the size of the viewport on which the current {@link Layout} is
 * drawn by the exporters' {@link DiagramRenderer} through {@link FxCanvas} (so window and images match),
 * under a zoom-and-pan transform. Only what is visible is drawn. Drag or scroll pans, Ctrl+scroll or a
 * pinch zooms about the pointer, a click selects a step. Outcome changes only recolour: positions,
 * zoom and selection stay.
 */
public final class GraphView extends Region {

    static final double MIN_ZOOM = 0.04;
    static final double MAX_ZOOM = 4;
    private static final double CLICK_SLOP = 4;

    private final Canvas canvas = new Canvas();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final Tooltip tooltip = new Tooltip();
    private Layout layout;
    private Plan plan;
    private Theme theme = Theme.light();
    private String selected;
    private double tx = 24;
    private double ty = 24;
    private boolean pendingFit;
    private boolean pendingReadable;
    /**
     * How the view was last fitted while the user has not moved it since: {@code false} the whole graph,
     * {@code true} the readable opening view, null moved by hand. A fitted view is fitted again when the view
     * or the drawing changes size (the runner or changes tab taking room, a comparison adding steps), so
     * opening a tab never leaves the graph cut off.
     */
    private Boolean fittedAs;
    private boolean redrawScheduled;
    private Consumer<String> onSelect = id -> { };
    private Consumer<String> onToggleGroup = id -> { };
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private String hovered;
    private int lastDrawn;
    private Map<String, JobState> runStates;
    private Set<String> changed = Set.of();
    private Summary summary;
    private Layout summaryLayout;
    private Plan summaryPlan;
    private boolean clickZoomed;

    public GraphView() {
        getStyleClass().add("graph-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(100, 100);
        tooltip.setShowDelay(Duration.millis(400));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    // ------------------------------------------------------------------ state

    /** Shows {@code newLayout} of {@code newPlan}, keeping zoom, pan and selection. */
    public void show(Layout newLayout, Plan newPlan) {
        boolean resized = layout != null && newLayout != null
                && (layout.width() != newLayout.width() || layout.height() != newLayout.height());
        this.layout = newLayout;
        this.plan = newPlan;
        if (selected != null && (newLayout == null || bounds(selected) == null)) {
            selected = null;
        }
        if (resized && fittedAs != null) {
            fitTo(fittedAs);
        }
        redraw();
    }

    public Layout currentLayout() {
        return layout;
    }

    public void setTheme(Theme value) {
        theme = value;
        redraw();
    }

    public void setSelected(String id) {
        selected = id;
        redraw();
    }

    /** Colours steps by these runner states instead of their outcomes; null goes back to the plan. */
    public void setRunStates(Map<String, JobState> states) {
        runStates = states;
        redraw();
    }

    public Map<String, JobState> runStates() {
        return runStates;
    }

    /** Marks these steps as changed (compare mode) with a thick outline and a Δ badge. */
    public void setChanged(Set<String> ids) {
        changed = ids == null ? Set.of() : Set.copyOf(ids);
        redraw();
    }

    public Set<String> changed() {
        return changed;
    }

    public String selected() {
        return selected;
    }

    /** Called with the id of a clicked step, or null for a click on empty space. */
    public void setOnSelect(Consumer<String> handler) {
        onSelect = handler == null ? id -> { } : handler;
    }

    /** Called with the id of a double-clicked step or group (the window collapses or expands groups). */
    public void setOnToggleGroup(Consumer<String> handler) {
        onToggleGroup = handler == null ? id -> { } : handler;
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double zoom() {
        return zoom.get();
    }

    /** Screen position of a layout point (tests click on nodes with it). */
    public Point2D toScreen(double x, double y) {
        return localToScreen(x * zoom.get() + tx, y * zoom.get() + ty);
    }

    /** How many primitives the last frame drew (culling check). */
    int lastDrawn() {
        return lastDrawn;
    }

    // ------------------------------------------------------------------ view commands

    public void zoomIn() {
        zoomAt(1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / 1.25, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms to {@code z} (clamped) about the middle of the view. */
    public void zoomTo(double z) {
        zoomAt(clamp(z) / zoom.get(), getWidth() / 2, getHeight() / 2);
    }

    public void actualSize() {
        zoomAt(1 / zoom.get(), getWidth() / 2, getHeight() / 2);
    }

    /** Fits the whole graph in the view (never enlarging past 100%). */
    public void fit() {
        fitTo(false);
    }

    /** Label text is at least this many screen pixels at the zoom a file opens at. */
    public static final double READABLE_TEXT_PX = 11;

    /**
     * The opening view of a file: the whole graph when it fits with labels of at least
     * {@link #READABLE_TEXT_PX} (centred), else that readable zoom, scrolled to where the pipeline starts
     * (see {@link #startView}), so the rest is reached by scrolling rather than shrunk to unreadable boxes.
     */
    public void fitReadable() {
        fitTo(true);
    }

    private void fitTo(boolean readableOnly) {
        if (layout == null) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            pendingFit = true;
            pendingReadable = readableOnly;
            return;
        }
        pendingFit = false;
        pendingReadable = false;
        fittedAs = readableOnly;
        double pad = 24;
        double s = Math.min(1, Math.min((w - 2 * pad) / Math.max(1, layout.width()),
                (h - 2 * pad) / Math.max(1, layout.height())));
        double readable = Math.min(1, READABLE_TEXT_PX / layout.metrics().fontSize());
        if (readableOnly && s < readable) {
            double z = clamp(readable);
            zoom.set(z);
            double[] at = startView(layout, w / z, h / z);
            tx = -at[0] * z;
            ty = -at[1] * z;
        } else {
            s = clamp(s);
            double above = summaryHeadroom(s);
            if (above > 0) {
                // a summarised stage's name plate grows above the column: keep it in view
                s = clamp(Math.min(s, (h - 2 * pad - above) / Math.max(1, layout.height())));
                above = summaryHeadroom(s);
            }
            zoom.set(s);
            tx = (w - layout.width() * s) / 2;
            ty = Math.max(pad + above, (h - layout.height() * s + above) / 2);
        }
        redraw();
    }

    /**
     * The top-left corner (layout coordinates) of the opening {@code vw} x {@code vh} view of a drawing too
     * large to fit: where the pipeline starts, since pipelines read left to right. It begins at the
     * drawing's left edge; vertically it is centred when the drawing is no taller than the view, starts at
     * the top when there are stage columns (their headers are there), and otherwise starts just above the
     * topmost box or group that begins in that first view width, so the first column is in view.
     */
    static double[] startView(Layout l, double vw, double vh) {
        if (l.height() <= vh) {
            return new double[] {0, -(vh - l.height()) / 2};
        }
        if (!l.lanes().isEmpty()) {
            return new double[] {0, 0};
        }
        double top = Double.MAX_VALUE;
        for (LayoutGroup g : l.groups()) {
            if (g.bounds().x() < vw) {
                top = Math.min(top, g.bounds().y());
            }
        }
        for (LayoutNode n : l.nodes()) {
            if (n.x() < vw) {
                top = Math.min(top, n.y());
            }
        }
        double margin = 12;
        double y = top == Double.MAX_VALUE ? 0 : Math.max(0, Math.min(top - margin, l.height() - vh));
        return new double[] {0, y};
    }

    /**
     * Below this label size on screen (pixels) the view draws {@linkplain #isSummarised() group summaries}
     * instead of every box. At 6 px a sans-serif label's lowercase letters are about 3 pixel rows high, the
     * least at which "a", "e", "o" and "s" can still be told apart; below it labels are grey smudges (the
     * renderer stops drawing them altogether at 3.5 px), so the boxes would say nothing but their colour.
     */
    public static final double SUMMARY_TEXT_PX = 6;

    /**
     * Whether the view is zoomed out so far that it draws summaries: each top-level group as one box with its
     * name in readable text and its outcome counts, GitLab stages with their names and counts, the other
     * steps as marks in their outcome colour (labelled at 9 px only where that fits), and member edges merged
     * into one link per pair of ends. Clicking a group or a stage's name zooms into it.
     * Zooming back in draws the full graph again. Exports always draw the full graph.
     */
    public boolean isSummarised() {
        return layout != null && plan != null && textPx() < SUMMARY_TEXT_PX;
    }

    /** The summary of the current layout (computed once per layout and plan), or null when not summarised. */
    Summary summary() {
        if (!isSummarised()) {
            return null;
        }
        if (summary == null || summaryLayout != layout || summaryPlan != plan) {
            summary = new Summary(layout, plan);
            summaryLayout = layout;
            summaryPlan = plan;
        }
        return summary;
    }

    /**
     * Zooms to the readable opening zoom (labels of {@link #READABLE_TEXT_PX}) on group or step {@code id}:
     * centred when it fits, else its top left corner at the top left of the view. Clicking a summary does it.
     */
    public void zoomInto(String id) {
        zoomInto(bounds(id));
    }

    private void zoomInto(Rect r) {
        if (r == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double z = clamp(Math.min(1, READABLE_TEXT_PX / layout.metrics().fontSize()));
        double margin = 24;
        fittedAs = null;
        zoom.set(z);
        tx = r.width() * z + 2 * margin <= getWidth() ? getWidth() / 2 - r.centerX() * z : margin - r.x() * z;
        ty = r.height() * z + 2 * margin <= getHeight() ? getHeight() / 2 - r.centerY() * z : margin - r.y() * z;
        redraw();
    }

    /** The summarised stage whose name plate is under a point of this view, or null. */
    Summary.Box laneAt(double x, double y) {
        Summary sum = summary();
        if (sum == null) {
            return null;
        }
        double s = zoom.get();
        for (Summary.Box b : sum.lanes()) {
            Rect r = b.bounds();
            double bottom = (r.y() + b.headerHeight()) * s + ty;
            double top = bottom - SummaryPainter.laneHeaderPx(b.headerHeight(), s);
            if (x >= r.x() * s + tx && x <= r.right() * s + tx && y >= top && y <= bottom) {
                return b;
            }
        }
        return null;
    }

    /** How far (screen pixels) summarised stage name plates reach above the drawing at zoom {@code s}. */
    private double summaryHeadroom(double s) {
        if (layout.lanes().isEmpty() || layout.metrics().fontSize() * s >= SUMMARY_TEXT_PX) {
            return 0;
        }
        double above = 0;
        for (var lane : layout.lanes()) {
            above = Math.max(above, SummaryPainter.laneHeaderPx(lane.headerHeight(), s)
                    - (lane.headerHeight() + lane.bounds().y()) * s);
        }
        return Math.max(0, above);
    }

    /** Label text size on screen at the current zoom, in pixels. */
    public double textPx() {
        return layout == null ? 0 : layout.metrics().fontSize() * zoom.get();
    }

    /** Scrolls so step {@code id} is in the middle (zooming in to at least 60% if far out). */
    public void centerOn(String id) {
        Rect r = bounds(id);
        if (r == null) {
            return;
        }
        if (zoom.get() < 0.6) {
            zoom.set(Math.min(1, Math.max(0.6, zoom.get())));
        }
        fittedAs = null;
        tx = getWidth() / 2 - r.centerX() * zoom.get();
        ty = getHeight() / 2 - r.centerY() * zoom.get();
        redraw();
    }

    /** Whether step {@code id} is at least partly inside the view. */
    public boolean isVisible(String id) {
        Rect r = bounds(id);
        if (r == null) {
            return false;
        }
        double s = zoom.get();
        double x = r.x() * s + tx;
        double y = r.y() * s + ty;
        return x + r.width() * s >= 0 && x <= getWidth() && y + r.height() * s >= 0 && y <= getHeight();
    }

    private void zoomAt(double factor, double x, double y) {
        double old = zoom.get();
        double s = clamp(old * factor);
        if (s == old) {
            return;
        }
        fittedAs = null;
        tx = x - (x - tx) * s / old;
        ty = y - (y - ty) * s / old;
        zoom.set(s);
        redraw();
    }

    private static double clamp(double s) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s));
    }

    // ------------------------------------------------------------------ input

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < CLICK_SLOP) {
            return;
        }
        dragged = true;
        fittedAs = null;
        setCursor(Cursor.CLOSED_HAND);
        tx += e.getX() - lastX;
        ty += e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        redraw();
    }

    private void released(MouseEvent e) {
        setCursor(Cursor.DEFAULT);
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            if (e.getClickCount() == 2 && clickZoomed) {
                // the first click of this double click opened a summary: the second is not a toggle
                clickZoomed = false;
                dragged = false;
                return;
            }
            Summary sum = summary();
            String hit = hit(e.getX(), e.getY());
            Summary.Box lane = hit == null ? laneAt(e.getX(), e.getY()) : null;
            selected = hit;
            clickZoomed = (hit != null && sum != null && sum.group(hit) != null) || lane != null;
            if (lane != null) {
                zoomInto(lane.bounds()); // a stage's name plate opens the stage
            } else if (clickZoomed) {
                zoomInto(hit); // a click on a group's summary opens it up at the readable zoom
            }
            redraw();
            onSelect.accept(hit);
            if (hit != null && e.getClickCount() == 2) {
                onToggleGroup.accept(hit); // a double click collapses or expands a group
            }
        }
        dragged = false;
    }

    private void moved(MouseEvent e) {
        String hit = hit(e.getX(), e.getY());
        Summary.Box lane = hit == null ? laneAt(e.getX(), e.getY()) : null;
        String over = lane != null ? "\u0000stage " + lane.id() : hit;
        if (java.util.Objects.equals(over, hovered)) {
            return;
        }
        hovered = over;
        setCursor(over == null ? Cursor.DEFAULT : Cursor.HAND);
        if (lane != null) {
            tooltip.setText("stage " + lane.title() + "\n" + lane.total() + (lane.total() == 1 ? " job: " : " jobs: ")
                    + lane.countsText() + "\nClick to zoom in");
            Tooltip.install(this, tooltip);
            return;
        }
        if (hit == null || plan == null) {
            Tooltip.uninstall(this, tooltip);
            return;
        }
        PlannedStep s = plan.step(hit).orElse(null);
        if (s == null) {
            return;
        }
        StringBuilder b = new StringBuilder(StepExplainer.display(s)).append("\n")
                .append(s.outcome().id()).append(" \u00b7 ").append(s.type().id());
        Summary sum = summary();
        Summary.Box box = sum == null ? null : sum.group(hit);
        if (box != null) {
            b.append("\n").append(box.total()).append(box.total() == 1 ? " step: " : " steps: ")
                    .append(box.countsText()).append("\nClick to zoom in");
        }
        for (String r : s.reasons()) {
            b.append("\n\u2022 ").append(r);
        }
        tooltip.setText(b.toString());
        Tooltip.install(this, tooltip);
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown() || e.isControlDown()) {
            double dy = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            zoomAt(Math.pow(1.0015, dy), e.getX(), e.getY());
        } else {
            fittedAs = null;
            tx += e.getDeltaX();
            ty += e.getDeltaY();
            redraw();
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        double step = 60;
        KeyCode c = e.getCode();
        if (c == KeyCode.LEFT || c == KeyCode.RIGHT || c == KeyCode.UP || c == KeyCode.DOWN) {
            fittedAs = null;
        }
        if (c == KeyCode.LEFT) {
            tx += step;
        } else if (c == KeyCode.RIGHT) {
            tx -= step;
        } else if (c == KeyCode.UP) {
            ty += step;
        } else if (c == KeyCode.DOWN) {
            ty -= step;
        } else if (!e.isShortcutDown() && (c == KeyCode.PLUS || c == KeyCode.ADD || c == KeyCode.EQUALS)) {
            zoomIn();
        } else if (!e.isShortcutDown() && (c == KeyCode.MINUS || c == KeyCode.SUBTRACT)) {
            zoomOut();
        } else if (c == KeyCode.ESCAPE) {
            selected = null;
            onSelect.accept(null);
        } else {
            return;
        }
        redraw();
        e.consume();
    }

    /** The step under a point of this view: a box or bar first, then a group box. */
    String hit(double x, double y) {
        if (layout == null) {
            return null;
        }
        double px = (x - tx) / zoom.get();
        double py = (y - ty) / zoom.get();
        Summary sum = summary();
        List<LayoutNode> nodes = sum == null ? layout.nodes() : sum.marks();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Rect r = nodes.get(i).bounds();
            double slack = nodes.get(i).isBar() ? 4 : 0;
            if (px >= r.x() - slack && px <= r.right() + slack && py >= r.y() && py <= r.bottom()) {
                return nodes.get(i).id();
            }
        }
        for (LayoutGroup g : layout.groups()) {
            Rect r = g.bounds();
            if ((sum == null || sum.group(g.id()) != null)
                    && px >= r.x() && px <= r.right() && py >= r.y() && py <= r.bottom()) {
                return g.id();
            }
        }
        return null;
    }

    /** The drawn box of step {@code id} in drawing coordinates, or null (window code and tests). */
    public Rect bounds(String id) {
        if (layout == null || id == null) {
            return null;
        }
        for (LayoutNode n : layout.nodes()) {
            if (n.id().equals(id)) {
                return n.bounds();
            }
        }
        for (LayoutGroup g : layout.groups()) {
            if (g.id().equals(id)) {
                return g.bounds();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ drawing

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (pendingFit && pendingReadable) {
                fitReadable();
            } else if (pendingFit) {
                fit();
            } else if (fittedAs != null) {
                fitTo(fittedAs);
            }
            redraw();
        }
    }

    /** Draws on the next pulse; many changes in one pulse draw once. */
    public void redraw() {
        if (redrawScheduled) {
            return;
        }
        redrawScheduled = true;
        Platform.runLater(() -> {
            redrawScheduled = false;
            draw();
            onViewChanged.run();
        });
    }

    private Runnable onViewChanged = () -> { };

    /** Called after every frame (the overview follows pan, zoom and recolouring). */
    public void setOnViewChanged(Runnable r) {
        onViewChanged = r == null ? () -> { } : r;
    }

    /** The visible part of the graph in layout coordinates: x, y, width, height. */
    public Rect viewport() {
        double s = zoom.get();
        return new Rect(-tx / s, -ty / s, getWidth() / s, getHeight() / s);
    }

    /** Scrolls so layout point {@code (x, y)} is in the middle of the view, keeping the zoom. */
    public void centerOnPoint(double x, double y) {
        fittedAs = null;
        tx = getWidth() / 2 - x * zoom.get();
        ty = getHeight() / 2 - y * zoom.get();
        redraw();
    }

    /** Draws now. */
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        if (layout == null || plan == null) {
            g.setFill(FxCanvas.fx(theme.background()));
            g.fillRect(0, 0, w, h);
            lastDrawn = 0;
            return;
        }
        double s = zoom.get();
        Summary sum = summary();
        if (sum != null) {
            FxCanvas screen = new FxCanvas(g, 1, 0, 0, w, h);
            new SummaryPainter(screen, theme, s, tx, ty, runStates).paint(sum, plan.stepsById(), w, h);
            lastDrawn = screen.drawn();
        } else {
            FxCanvas fx = new FxCanvas(g, s, tx, ty, w, h);
            DiagramRenderer.render(plan, layout, new ExportOptions(1, theme, "", false), fx);
            lastDrawn = fx.drawn();
        }
        if ((runStates != null && sum == null) || !changed.isEmpty()) {
            // the renderer's end() reset the transform: overlays get a canvas of their own
            FxCanvas over = new FxCanvas(g, s, tx, ty, w, h);
            if (runStates != null && sum == null) {
                drawRunStates(over);
            }
            if (!changed.isEmpty()) {
                drawChanged(over);
            }
            over.end();
        }
        Rect r = bounds(selected);
        if (r != null) {
            drawSelection(g, r, s);
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private void drawRunStates(FxCanvas c) {
        for (LayoutGroup g : layout.groups()) {
            JobState st = runStates.get(g.id());
            if (st == null) {
                continue;
            }
            NodeStyle s = RunStyles.style(st);
            Rect r = g.bounds();
            double th = Math.min(g.titleHeight(), r.height());
            c.rect(r.x(), r.y(), r.width(), r.height(), 10, null, s.accent(), 2, s.dashed());
            c.circle(r.x() + 14, r.y() + th / 2, 6, s.accent(), null, 0);
            c.text(st.id(), r.right() - 10, r.y() + th / 2 + 4, 11, true, s.accent(), dev.pipelens.export.Canvas.Anchor.END);
        }
        LayoutMetrics m = layout.metrics();
        for (LayoutNode n : layout.nodes()) {
            JobState st = runStates.get(n.id());
            if (st == null) {
                continue;
            }
            NodeStyle s = RunStyles.style(st);
            Rect r = n.bounds();
            if (n.isBar()) {
                c.rect(r.x(), r.y(), r.width(), r.height(), Math.min(4, r.width() / 2), s.accent(), null, 0, false);
                continue;
            }
            double cy = r.centerY();
            c.rect(r.x(), r.y(), r.width(), r.height(), m.cornerRadius(), s.fill(), s.stroke(), s.dashed() ? 1.3 : 2,
                    s.dashed());
            double icx = r.x() + m.paddingX() + m.iconSize() / 2;
            double ir = m.iconSize() / 2;
            c.circle(icx, cy, ir, s.accent(), null, 0);
            RunStyles.glyph(c, st, icx, cy, ir, s.glyphColor());
            double textX = r.x() + m.paddingX() + m.iconSize() + m.iconGap();
            double avail = r.right() - m.paddingX() - textX;
            if (n.jobs() > 1) {
                // keep the renderer's "\u00d7N jobs" badge visible
                String badge = "\u00d7" + n.jobs();
                double bw = c.textWidth(badge, m.fontSize() - 2, true) + 12;
                double bx = r.right() - m.paddingX() - bw;
                c.rect(bx, cy - 9, bw, 18, 9, s.accent(), null, 0, false);
                c.text(badge, bx + bw / 2, cy + (m.fontSize() - 2) * 0.36, m.fontSize() - 2, true, s.glyphColor(),
                        dev.pipelens.export.Canvas.Anchor.MIDDLE);
                avail -= bw + 6;
            }
            double size = m.fontSize();
            double lh = m.lineHeight();
            // the state takes the last line: the label's lines become one, shortened in the middle so that
            // its end (what tells nine "Build release image - x86_64 - ..." boxes apart) stays visible
            List<String> lines = new java.util.ArrayList<>();
            if (n.lines().size() > 1) {
                List<String> keep = n.lines().subList(0, n.lines().size() - 2);
                lines.addAll(keep);
                String tail = String.join(" ", n.lines().subList(n.lines().size() - 2, n.lines().size()));
                lines.add(fitMiddle(c, tail, size, avail));
            } else {
                lines.addAll(n.lines());
            }
            lines.add(st.id());
            double top = cy - lines.size() * lh / 2;
            for (int i = 0; i < lines.size(); i++) {
                boolean stateLine = i == lines.size() - 1;
                double fs = stateLine ? size - 1.5 : size;
                String text = fitText(c, lines.get(i), fs, stateLine, avail);
                double baseline = top + lh * i + lh / 2 + fs * 0.36;
                c.text(text, textX, baseline, fs, stateLine, stateLine ? s.accent() : s.text(),
                        dev.pipelens.export.Canvas.Anchor.START);
                if (st == JobState.NOT_RUN && !stateLine) {
                    double w = c.textWidth(text, fs, false);
                    c.rect(textX, baseline - fs * 0.32, w, 1.2, 0, s.text(), null, 0, false);
                }
            }
        }
    }

    /** {@code text} shortened in the middle with an ellipsis until it fits {@code avail}. */
    static String fitMiddle(FxCanvas c, String text, double size, double avail) {
        if (c.textWidth(text, size, false) <= avail) {
            return text;
        }
        int head = text.length() * 2 / 5;
        int tail = text.length() - head;
        while (head + tail > 2) {
            String t = text.substring(0, head).stripTrailing() + "\u2026" + text.substring(text.length() - tail).stripLeading();
            if (c.textWidth(t, size, false) <= avail) {
                return t;
            }
            if (head * 3 > tail * 2 && head > 1) {
                head--;
            } else {
                tail--;
            }
        }
        return "\u2026";
    }

    private static String fitText(FxCanvas c, String text, double size, boolean bold, double avail) {
        if (c.textWidth(text, size, bold) <= avail) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && c.textWidth(t + "\u2026", size, bold) > avail) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }

    private void drawChanged(FxCanvas c) {
        for (String id : changed) {
            Rect r = bounds(id);
            if (r == null) {
                continue;
            }
            // keep the badge readable when zoomed out: about 9 screen pixels of radius at least
            double k = 1 / Math.min(1, Math.max(0.25, zoom.get()));
            c.rect(r.x() - 2.5, r.y() - 2.5, r.width() + 5, r.height() + 5, 12, null, RunStyles.CHANGED, 2.2 * k, false);
            double bx = r.right() - 2;
            double by = r.y() + 2;
            c.circle(bx, by, 8 * k, RunStyles.CHANGED, null, 0);
            c.text("\u0394", bx, by + 3.8 * k, 11 * k, true, dev.pipelens.export.Rgb.of("#ffffff"),
                    dev.pipelens.export.Canvas.Anchor.MIDDLE);
        }
    }

    private void drawSelection(GraphicsContext g, Rect r, double s) {
        Color accent = theme.isDark() ? Color.web("#6cb6ff") : Color.web("#1f6feb");
        g.setTransform(s, 0, 0, s, tx, ty);
        g.setStroke(accent);
        g.setLineWidth(2.2);
        for (LayoutEdge e : layout.edges()) {
            if (e.from().equals(selected) || e.to().equals(selected)) {
                List<Point> pts = e.points();
                g.beginPath();
                g.moveTo(pts.get(0).x(), pts.get(0).y());
                for (int i = 1; i < pts.size(); i++) {
                    Point a = pts.get(i - 1);
                    Point b = pts.get(i);
                    double dx = b.x() - a.x();
                    if (e.route() != LayoutEdge.Route.BACK && Math.abs(b.y() - a.y()) > 0.5 && dx > 1) {
                        g.bezierCurveTo(a.x() + dx * 0.5, a.y(), b.x() - dx * 0.5, b.y(), b.x(), b.y());
                    } else {
                        g.lineTo(b.x(), b.y());
                    }
                }
                g.stroke();
            }
        }
        double pad = 3.5;
        g.setLineWidth(Math.max(2.5, 2.5 / s));
        g.strokeRoundRect(r.x() - pad, r.y() - pad, r.width() + 2 * pad, r.height() + 2 * pad, 22, 22);
    }
}
