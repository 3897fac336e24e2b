package dev.pipelens.export;

import dev.pipelens.layout.LabelText;
import dev.pipelens.layout.LayeredLayout;
import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutEdge;
import dev.pipelens.layout.LayoutGroup;
import dev.pipelens.layout.LayoutLane;
import dev.pipelens.layout.LayoutMetrics;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.Point;
import dev.pipelens.layout.Rect;
import dev.pipelens.layout.TextMeasurer;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws a laid-out plan on a {@link Canvas}: a header (title, scenario, counts), group boxes, edges
 * (solid for explicit and group dependencies, dashed for implicit ones, hollow arrowheads when a failure
 * is allowed, red detours for cycle edges), nodes (outcome colour, icon, label, job badge; waits as bars)
 * and a legend. The SVG and PNG exporters both use it; the window can too.
 */
public final class DiagramRenderer {

    static final double HEADER_HEIGHT = 58;
    static final double LEGEND_ROW = 24;
    static final double PAGE_PAD = 16;
    static final double MIN_WIDTH = 440;
    static final double LEGEND_FONT = 12;
    static final double EDGE_WIDTH = 1.4;
    private static final double[] IMPLICIT_DASH = {5, 4};
    private static final double[] BACK_DASH = {3, 3};
    private static final double ARROW = 9;

    /**
     * Where things go on the page, in diagram pixels at scale 1.
     *
     * @param width        page width
     * @param height       page height
     * @param offsetX      x of the layout's origin on the page
     * @param offsetY      y of the layout's origin on the page
     * @param headerHeight height of the header (0 without one)
     * @param legendTop    y where the legend starts
     * @param legendHeight height of the legend (0 without one)
     */
    public record Frame(double width, double height, double offsetX, double offsetY, double headerHeight,
                        double legendTop, double legendHeight) {

        /** A layout point on the page. */
        public Point toPage(Point p) {
            return new Point(p.x() + offsetX, p.y() + offsetY);
        }
    }

    private DiagramRenderer() {
    }

    /** The page geometry; depends only on its arguments, not on fonts, so every canvas gets the same size. */
    public static Frame frame(Plan plan, Layout layout, ExportOptions options) {
        double header = "".equals(options.title()) ? 0 : HEADER_HEIGHT;
        double width = Math.ceil(Math.max(layout.width(), MIN_WIDTH));
        double legend = 0;
        if (options.legend()) {
            int rows = legendRows(legendItems(layout), width - 2 * PAGE_PAD).size();
            legend = rows == 0 ? 0 : rows * LEGEND_ROW + 10;
        }
        double height = Math.ceil(header + layout.height() + legend);
        return new Frame(width, height, 0, header, header, header + layout.height(), legend);
    }

    /** Draws the whole page on {@code canvas}, from {@code begin} to {@code end}. */
    public static void render(Plan plan, Layout layout, ExportOptions options, Canvas canvas) {
        Frame f = frame(plan, layout, options);
        Theme t = options.theme();
        canvas.begin(f.width(), f.height(), t.background());
        if (f.headerHeight() > 0) {
            header(plan, options, f, canvas);
        }
        LayoutMetrics m = layout.metrics();
        lanes(plan, layout, t, f, canvas);
        for (LayoutGroup g : layout.groups()) {
            group(g, m, t, f, canvas);
        }
        for (LayoutEdge e : layout.edges()) {
            edge(e, t, f, canvas);
        }
        Map<String, PlannedStep> steps = plan.stepsById();
        for (LayoutNode n : layout.nodes()) {
            node(n, steps.get(n.id()), m, t, f, canvas, steps);
        }
        if (f.legendHeight() > 0) {
            legend(layout, t, f, canvas);
        }
        canvas.end();
    }

    // ------------------------------------------------------------------ header

    private static void header(Plan plan, ExportOptions o, Frame f, Canvas c) {
        Theme t = o.theme();
        String title = o.title() != null ? Text.oneLine(o.title()) : plan.file() == null ? "pipeline" : plan.file();
        double avail = f.width() - 2 * PAGE_PAD;
        String counts = Text.countsLine(plan);
        double countsW = c.textWidth(counts, 12, false);
        Fitted line1 = fit(c, title, 16, true, avail - countsW - 24);
        c.text(line1.text, PAGE_PAD, 27, line1.size, true, t.text(), Canvas.Anchor.START);
        c.text(counts, f.width() - PAGE_PAD, 27, 12, false, t.mutedText(), Canvas.Anchor.END);
        Fitted line2 = fit(c, Text.scenarioLine(plan), 12, false, avail);
        c.text(line2.text, PAGE_PAD, 46, line2.size, false, t.mutedText(), Canvas.Anchor.START);
        c.rect(PAGE_PAD, f.headerHeight() - 1, f.width() - 2 * PAGE_PAD, 1, 0, t.groupStroke(), null, 0, false);
    }

    // ------------------------------------------------------------------ lanes

    /**
     * GitLab stages: a column per stage with its name and outcome counts in a header, and stage order as one
     * dashed barrier on each boundary between two columns.
     */
    private static void lanes(Plan plan, Layout layout, Theme t, Frame f, Canvas c) {
        if (layout.lanes().isEmpty()) {
            return;
        }
        Map<String, Outcome> outcomes = new java.util.HashMap<>();
        for (LayoutNode n : layout.nodes()) {
            outcomes.put(n.id(), n.outcome());
        }
        for (PlannedStep s : plan.steps()) {
            if (s.outcome() != null) {
                outcomes.put(s.id(), s.outcome());
            }
        }
        double fs = layout.metrics().fontSize();
        double lh = layout.metrics().lineHeight();
        for (int i = 0; i < layout.lanes().size(); i++) {
            LayoutLane lane = layout.lanes().get(i);
            Rect r = lane.bounds();
            double x = r.x() + f.offsetX();
            double y = r.y() + f.offsetY();
            c.beginItem("lane", lane.name(), "stage " + Text.oneLine(lane.name()));
            if (i % 2 == 0) {
                c.rect(x, y, r.width(), r.height(), 0, t.groupFill(), null, 0, false);
            }
            c.rect(x + 3, y, r.width() - 6, lane.headerHeight(), 6, t.groupTitleFill(), null, 0, false);
            // the name on the lines the layout made room for (centred above the counts), the counts last
            double avail = r.width() - LayoutLane.TEXT_INSET;
            int rows = Math.max(2, (int) Math.round((lane.headerHeight() - 10) / lh));
            int n = Math.min(lane.title().size(), rows - 1);
            double top = y + 5 + (rows - 1 - n) * lh / 2;
            for (int k = 0; k < n; k++) {
                Fitted name = fit(c, Text.oneLine(lane.title().get(k)), fs, true, avail);
                c.text(name.text, x + 10, top + lh * (k + 0.78), name.size, true, t.groupTitleText(),
                        Canvas.Anchor.START);
            }
            Fitted counts = fit(c, laneCounts(lane, outcomes), fs - 1.5, false, avail);
            c.text(counts.text, x + 10, y + 5 + lh * (rows - 1 + 0.78), counts.size, false, t.mutedText(),
                    Canvas.Anchor.START);
            if (i > 0) {
                double bx = x;
                c.path(new VectorPath().moveTo(bx, y + lane.headerHeight() + 4).lineTo(bx, y + r.height()), null,
                        t.implicitEdge(), EDGE_WIDTH, IMPLICIT_DASH);
                arrow(c, new Point(bx + 4, y + lane.headerHeight() / 2), 1, 0, t.implicitEdge(), t.implicitEdge());
            }
            c.endItem();
        }
    }

    /** "3 runs · 1 manual" for the steps of one lane. */
    static String laneCounts(LayoutLane lane, Map<String, Outcome> outcomes) {
        Map<Outcome, Integer> counts = new java.util.EnumMap<>(Outcome.class);
        for (String id : lane.steps()) {
            Outcome o = outcomes.get(id);
            if (o != null) {
                counts.merge(o, 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Outcome, Integer> e : counts.entrySet()) {
            parts.add(e.getValue() + " " + e.getKey().id());
        }
        return String.join(" \u00b7 ", parts);
    }

    // ------------------------------------------------------------------ groups

    private static void group(LayoutGroup g, LayoutMetrics m, Theme t, Frame f, Canvas c) {
        Rect r = g.bounds();
        double x = r.x() + f.offsetX();
        double y = r.y() + f.offsetY();
        double w = r.width();
        double h = r.height();
        double rad = 10;
        double th = Math.min(g.titleHeight(), h);
        c.beginItem("group", g.id(), Text.oneLine(g.label()) + "\n" + g.id() + " \u00b7 group \u00b7 "
                + g.outcome().id());
        c.rect(x, y, w, h, rad, t.groupFill(), null, 0, false);
        VectorPath bar = new VectorPath().moveTo(x, y + th).lineTo(x, y + rad)
                .cubicTo(x, y + rad * 0.45, x + rad * 0.45, y, x + rad, y).lineTo(x + w - rad, y)
                .cubicTo(x + w - rad * 0.45, y, x + w, y + rad * 0.45, x + w, y + rad).lineTo(x + w, y + th).close();
        c.path(bar, t.groupTitleFill(), null, 0, null);
        c.rect(x, y + th - 1, w, 1, 0, t.groupStroke(), null, 0, false);
        c.rect(x, y, w, h, rad, null, t.groupStroke(), 1.2, false);
        NodeStyle s = t.style(g.outcome());
        c.circle(x + 14, y + th / 2, 4, s.accent(), null, 0);
        double size = m.fontSize() - 0.5;
        Fitted title = fit(c, g.title(), size, true, w - 24 - 10);
        c.text(title.text, x + 24, y + th / 2 + title.size * 0.36, title.size, true, t.groupTitleText(),
                Canvas.Anchor.START);
        c.endItem();
    }

    // ------------------------------------------------------------------ edges

    private static void edge(LayoutEdge e, Theme t, Frame f, Canvas c) {
        List<Point> pts = new ArrayList<>(e.points().size());
        for (Point p : e.points()) {
            pts.add(f.toPage(p));
        }
        boolean back = e.route() == LayoutEdge.Route.BACK;
        Rgb color = back ? t.backEdge() : e.kind() == EdgeKind.IMPLICIT ? t.implicitEdge() : t.edge();
        double[] dash = back ? BACK_DASH : e.kind() == EdgeKind.IMPLICIT ? IMPLICIT_DASH : null;
        Point tip = pts.get(pts.size() - 1);
        Point prev = pts.get(pts.size() - 2);
        double dx;
        double dy;
        if (back) {
            double len = Math.hypot(tip.x() - prev.x(), tip.y() - prev.y());
            dx = len == 0 ? 1 : (tip.x() - prev.x()) / len;
            dy = len == 0 ? 0 : (tip.y() - prev.y()) / len;
        } else {
            dx = 1;
            dy = 0;
        }
        // the line stops inside the arrowhead so its end does not poke through the tip
        pts.set(pts.size() - 1, new Point(tip.x() - dx * (ARROW - 2), tip.y() - dy * (ARROW - 2)));
        VectorPath path = edgePath(pts, back);
        c.beginItem("edge", e.from() + " -> " + e.to(), e.from() + " \u2192 " + e.to() + " (" + e.kind().id()
                + (e.allowFailure() ? ", failure allowed" : "") + (back ? ", closes a cycle" : "") + ")");
        c.path(path, null, color, EDGE_WIDTH, dash);
        arrow(c, tip, dx, dy, e.allowFailure() ? t.background() : color, color);
        c.endItem();
    }

    private static void arrow(Canvas c, Point tip, double dx, double dy, Rgb fill, Rgb stroke) {
        arrowHead(c, tip, dx, dy, ARROW, 4.2, fill, stroke);
    }

    /**
     * An edge's line through {@code pts}: a step between two heights is an S-curve that leaves and enters
     * horizontally; {@code straight} (an edge closing a cycle) keeps every segment straight.
     */
    public static VectorPath edgePath(List<Point> pts, boolean straight) {
        VectorPath path = new VectorPath().moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) {
            Point a = pts.get(i - 1);
            Point b = pts.get(i);
            double w = b.x() - a.x();
            if (!straight && Math.abs(b.y() - a.y()) > 0.5 && w > 1) {
                path.cubicTo(a.x() + w * 0.5, a.y(), b.x() - w * 0.5, b.y(), b.x(), b.y());
            } else {
                path.lineTo(b.x(), b.y());
            }
        }
        return path;
    }

    /** An arrowhead {@code length} long and {@code halfWidth} wide either side, its point at {@code tip}, along (dx, dy). */
    public static void arrowHead(Canvas c, Point tip, double dx, double dy, double length, double halfWidth, Rgb fill,
                                 Rgb stroke) {
        double bx = tip.x() - dx * length;
        double by = tip.y() - dy * length;
        VectorPath p = new VectorPath().moveTo(tip.x(), tip.y()).lineTo(bx - dy * halfWidth, by + dx * halfWidth)
                .lineTo(bx + dy * halfWidth, by - dx * halfWidth).close();
        c.path(p, fill, stroke, 1.1, null);
    }

    // ------------------------------------------------------------------ nodes

    private static void node(LayoutNode n, PlannedStep step, LayoutMetrics m, Theme t, Frame f, Canvas c,
                             Map<String, PlannedStep> steps) {
        NodeStyle s = t.style(n.outcome());
        Rect r = n.bounds();
        double x = r.x() + f.offsetX();
        double y = r.y() + f.offsetY();
        double cy = y + r.height() / 2;
        Map<Outcome, Integer> members = memberCounts(n, steps);
        String tip = tooltip(n, step);
        if (members.size() > 0) {
            List<String> parts = new ArrayList<>();
            members.forEach((o, k) -> parts.add(k + " " + o.id()));
            tip = tip + "\n" + (n.members().size() - (step != null && step.type() == dev.pipelens.model.StepType.GROUP
                    ? 1 : 0)) + " folded: " + String.join(" \u00b7 ", parts);
        }
        c.beginItem("node", n.id(), tip);
        if (n.isBar()) {
            c.rect(x, y, r.width(), r.height(), Math.min(4, r.width() / 2), s.accent(), null, 0, false);
            c.endItem();
            return;
        }
        c.rect(x, y, r.width(), r.height(), m.cornerRadius(), s.fill(), s.stroke(), s.dashed() ? 1.3 : 1.5,
                s.dashed());
        double icx = x + m.paddingX() + m.iconSize() / 2;
        double ir = m.iconSize() / 2;
        c.circle(icx, cy, ir, s.accent(), null, 0);
        glyph(c, s.glyph(), icx, cy, ir, s.glyphColor());
        double textX = x + m.paddingX() + m.iconSize() + m.iconGap();
        double badge = 0;
        if (n.jobs() > 1) {
            TextMeasurer est = TextMeasurer.estimate(m.fontSize());
            badge = LayeredLayout.badgeWidth(est, n.jobs());
            double bh = 18;
            double bx = x + r.width() - m.paddingX() - badge;
            c.rect(bx, cy - bh / 2, badge, bh, bh / 2, s.accent(), null, 0, false);
            double bs = m.fontSize() - 2;
            c.text(LayeredLayout.badgeText(n.jobs()), bx + badge / 2, cy + bs * 0.36, bs, true, s.glyphColor(),
                    Canvas.Anchor.MIDDLE);
            badge += 6;
        }
        double avail = x + r.width() - m.paddingX() - badge - textX;
        List<String> lines = n.lines();
        double lh = m.lineHeight();
        double top = cy - lines.size() * lh / 2;
        for (int i = 0; i < lines.size(); i++) {
            Fitted line = fit(c, lines.get(i), m.fontSize(), false, avail);
            double baseline = top + lh * i + lh / 2 + m.fontSize() * 0.36;
            c.text(line.text, textX, baseline, line.size, false, s.text(), Canvas.Anchor.START);
        }
        if (members.size() > 1) {
            // a folded family or collapsed group with mixed outcomes: a strip along the bottom, one segment
            // per outcome, as wide as its share of the members
            int total = members.values().stream().mapToInt(Integer::intValue).sum();
            double sx = x + m.cornerRadius();
            double sw = r.width() - 2 * m.cornerRadius();
            for (Map.Entry<Outcome, Integer> e : members.entrySet()) {
                double w = sw * e.getValue() / total;
                c.rect(sx, y + r.height() - 5, w, 3, 0, t.style(e.getKey()).accent(), null, 0, false);
                sx += w;
            }
        }
        c.endItem();
    }

    /** Outcomes of the steps folded into {@code n} (not counting a collapsed group's own step). */
    public static Map<Outcome, Integer> memberCounts(LayoutNode n, Map<String, PlannedStep> steps) {
        Map<Outcome, Integer> counts = new java.util.EnumMap<>(Outcome.class);
        if (!n.folded()) {
            return counts;
        }
        for (String id : n.members()) {
            PlannedStep s = steps.get(id);
            if (s != null && s.type() != dev.pipelens.model.StepType.GROUP && s.outcome() != null) {
                counts.merge(s.outcome(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String tooltip(LayoutNode n, PlannedStep step) {
        StringBuilder b = new StringBuilder(Text.oneLine(n.label()));
        b.append('\n').append(n.id()).append(" \u00b7 ").append(n.type().id()).append(" \u00b7 ")
                .append(n.outcome().id());
        if (n.jobs() > 1) {
            b.append(" \u00b7 ").append(n.jobs()).append(" jobs");
        }
        if (step != null) {
            for (String reason : step.reasons()) {
                b.append('\n').append(Text.oneLine(reason));
            }
        }
        return b.toString();
    }

    /** Draws {@code g} centred on {@code (cx, cy)} inside a circle of radius {@code r}. */
    public static void glyph(Canvas c, Glyph g, double cx, double cy, double r, Rgb color) {
        switch (g) {
            case PLAY:
                c.path(new VectorPath().moveTo(cx - r * 0.3, cy - r * 0.48).lineTo(cx + r * 0.52, cy)
                        .lineTo(cx - r * 0.3, cy + r * 0.48).close(), color, null, 0, null);
                break;
            case PAUSE:
                c.rect(cx - r * 0.4, cy - r * 0.45, r * 0.28, r * 0.9, r * 0.06, color, null, 0, false);
                c.rect(cx + r * 0.12, cy - r * 0.45, r * 0.28, r * 0.9, r * 0.06, color, null, 0, false);
                break;
            case LOCK:
                c.rect(cx - r * 0.44, cy - r * 0.08, r * 0.88, r * 0.62, r * 0.1, color, null, 0, false);
                c.path(new VectorPath().moveTo(cx - r * 0.26, cy - r * 0.06).lineTo(cx - r * 0.26, cy - r * 0.28)
                        .cubicTo(cx - r * 0.26, cy - r * 0.66, cx + r * 0.26, cy - r * 0.66, cx + r * 0.26,
                                cy - r * 0.28)
                        .lineTo(cx + r * 0.26, cy - r * 0.06), null, color, r * 0.17, null);
                break;
            case HAND:
                c.circle(cx, cy, r * 0.44, null, color, r * 0.16);
                c.circle(cx, cy, r * 0.16, color, null, 0);
                break;
            case CLOCK:
                c.circle(cx, cy, r * 0.52, null, color, r * 0.14);
                c.path(new VectorPath().moveTo(cx, cy - r * 0.32).lineTo(cx, cy).lineTo(cx + r * 0.26, cy + r * 0.14),
                        null, color, r * 0.14, null);
                break;
            case ALERT:
                c.rect(cx - r * 0.1, cy - r * 0.55, r * 0.2, r * 0.68, r * 0.08, color, null, 0, false);
                c.circle(cx, cy + r * 0.4, r * 0.12, color, null, 0);
                break;
            case SKIP:
                c.path(new VectorPath().moveTo(cx - r * 0.5, cy - r * 0.4).lineTo(cx, cy)
                        .lineTo(cx - r * 0.5, cy + r * 0.4).close(), color, null, 0, null);
                c.path(new VectorPath().moveTo(cx, cy - r * 0.4).lineTo(cx + r * 0.5, cy)
                        .lineTo(cx, cy + r * 0.4).close(), color, null, 0, null);
                break;
            default:
                c.path(new VectorPath().moveTo(cx - r * 0.36, cy - r * 0.36).lineTo(cx + r * 0.36, cy + r * 0.36)
                        .moveTo(cx + r * 0.36, cy - r * 0.36).lineTo(cx - r * 0.36, cy + r * 0.36), null, color,
                        r * 0.2, null);
                break;
        }
    }

    // ------------------------------------------------------------------ legend

    /** A legend entry: an outcome swatch, or an edge sample (kind null for cycle edges). */
    private record LegendItem(Outcome outcome, EdgeKind kind, boolean back, String text, double width) {
    }

    private static List<LegendItem> legendItems(Layout layout) {
        TextMeasurer est = TextMeasurer.estimate(LEGEND_FONT);
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (LayoutNode n : layout.nodes()) {
            outcomes.add(n.outcome());
        }
        boolean explicit = false;
        boolean implicit = false;
        boolean back = false;
        for (LayoutEdge e : layout.edges()) {
            back |= e.route() == LayoutEdge.Route.BACK;
            implicit |= e.kind() == EdgeKind.IMPLICIT && e.route() != LayoutEdge.Route.BACK;
            explicit |= e.kind() != EdgeKind.IMPLICIT && e.route() != LayoutEdge.Route.BACK;
        }
        List<LegendItem> items = new ArrayList<>();
        for (Outcome o : outcomes) {
            items.add(new LegendItem(o, null, false, o.id(), 20 + est.width(o.id()) + 18));
        }
        boolean stages = !layout.lanes().isEmpty();
        if (explicit) {
            String s = stages ? "needs" : "depends on";
            items.add(new LegendItem(null, EdgeKind.EXPLICIT, false, s, 34 + est.width(s) + 18));
        }
        if (stages && layout.lanes().size() > 1) {
            String s = "stage order (each stage waits for the one before)";
            items.add(new LegendItem(null, EdgeKind.IMPLICIT, false, s, 34 + est.width(s) + 18));
        } else if (implicit) {
            String s = stages ? "stage order" : "implicit (wait, block)";
            items.add(new LegendItem(null, EdgeKind.IMPLICIT, false, s, 34 + est.width(s) + 18));
        }
        if (back) {
            String s = "closes a cycle";
            items.add(new LegendItem(null, null, true, s, 34 + est.width(s) + 18));
        }
        return items;
    }

    private static List<List<LegendItem>> legendRows(List<LegendItem> items, double width) {
        List<List<LegendItem>> rows = new ArrayList<>();
        List<LegendItem> row = new ArrayList<>();
        double used = 0;
        for (LegendItem it : items) {
            if (!row.isEmpty() && used + it.width() > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(it);
            used += it.width();
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static void legend(Layout layout, Theme t, Frame f, Canvas c) {
        List<List<LegendItem>> rows = legendRows(legendItems(layout), f.width() - 2 * PAGE_PAD);
        double y = f.legendTop() + 4;
        c.rect(PAGE_PAD, f.legendTop(), f.width() - 2 * PAGE_PAD, 1, 0, t.groupStroke(), null, 0, false);
        for (List<LegendItem> row : rows) {
            double x = PAGE_PAD;
            double cy = y + LEGEND_ROW / 2;
            for (LegendItem it : row) {
                double textX;
                if (it.outcome() != null) {
                    NodeStyle s = t.style(it.outcome());
                    c.circle(x + 8, cy, 8, s.accent(), null, 0);
                    glyph(c, s.glyph(), x + 8, cy, 8, s.glyphColor());
                    textX = x + 20;
                } else {
                    Rgb color = it.back() ? t.backEdge() : it.kind() == EdgeKind.IMPLICIT ? t.implicitEdge() : t.edge();
                    double[] dash = it.back() ? BACK_DASH : it.kind() == EdgeKind.IMPLICIT ? IMPLICIT_DASH : null;
                    c.path(new VectorPath().moveTo(x, cy).lineTo(x + 22, cy), null, color, EDGE_WIDTH, dash);
                    arrow(c, new Point(x + 28, cy), 1, 0, color, color);
                    textX = x + 34;
                }
                c.text(it.text(), textX + 4, cy + LEGEND_FONT * 0.36, LEGEND_FONT, false, t.mutedText(),
                        Canvas.Anchor.START);
                x += it.width();
            }
            y += LEGEND_ROW;
        }
    }

    // ------------------------------------------------------------------ text fitting

    record Fitted(String text, double size) {
    }

    /** Shrinks the font a little (to 88 % at most), then shortens with an ellipsis, until {@code text} fits {@code avail}. */
    static Fitted fit(Canvas c, String text, double size, boolean bold, double avail) {
        String s = text == null ? "" : text;
        double w = c.textWidth(s, size, bold);
        if (w <= avail || s.isEmpty()) {
            return new Fitted(s, size);
        }
        double least = size * 0.88;
        double smaller = Math.max(least, size * avail / w);
        // a real font's width is not quite proportional to its size (hinting, rounding), so the proportional size
        // can still be a hair too wide: try again from the width measured. Before, the window cut gitlabhq's
        // "migration:path-pg" (1.6 % too wide at 13 px) to "migration:path-…" while the export drew it whole.
        for (int i = 0; i < 3 && smaller > least; i++) {
            double at = c.textWidth(s, smaller, bold);
            if (at <= avail) {
                return new Fitted(s, smaller);
            }
            smaller = Math.max(least, smaller * avail / at * 0.999);
        }
        if (c.textWidth(s, smaller, bold) <= avail) {
            return new Fitted(s, smaller);
        }
        double at = smaller;
        TextMeasurer byCanvas = TextMeasurer.of(t -> c.textWidth(t, at, bold), at);
        return new Fitted(LabelText.shorten(s, byCanvas, Math.max(0, avail)), at);
    }
}
