package dev.pipelens.gui.graph;

import dev.pipelens.export.Canvas;
import dev.pipelens.export.DiagramRenderer;
import dev.pipelens.export.NodeStyle;
import dev.pipelens.export.Rgb;
import dev.pipelens.export.Theme;
import dev.pipelens.export.VectorPath;
import dev.pipelens.gui.runner.RunStyles;
import dev.pipelens.layout.LabelText;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.Point;
import dev.pipelens.layout.Rect;
import dev.pipelens.layout.TextMeasurer;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.simulate.JobState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link Summary} in screen pixels: sizes of text, lines and arrows are fixed on screen whatever the
 * zoom (so the names stay readable and the links visible), positions follow the zoom and pan. Group names
 * are bold, as large as fits between {@link #TITLE_MIN_PX} and {@link #TITLE_MAX_PX}, wrapped over the
 * box's height; the counts below use the outcome icons and words of the legend.
 */
final class SummaryPainter {

    /** Group and stage names are drawn at most this large (screen pixels). */
    static final double TITLE_MAX_PX = 15;
    /** ... and never smaller than this: below it a name is left out rather than drawn unreadable. */
    static final double TITLE_MIN_PX = 10;
    static final double COUNT_PX = 11;
    /** A step mark's label size (screen pixels), drawn when the mark is tall and wide enough for it. */
    static final double MARK_TEXT_PX = 9;
    private static final double PAD = 8;
    private static final double ROW = 15;
    private static final double LINE = 1.2;
    private static final double STRIP = 4;
    private static final double[] DASH = {5, 4};

    private final FxCanvas c;
    private final Theme t;
    private final double z;
    private final double tx;
    private final double ty;
    private final Map<String, JobState> runStates;

    /**
     * @param c  a canvas in screen pixels (scale 1, no offset)
     * @param z  screen pixels per layout pixel
     * @param tx screen x of the layout origin
     * @param ty screen y of the layout origin
     * @param runStates the runner's job states (marks and counts show them), or null for the plan's outcomes
     */
    SummaryPainter(FxCanvas c, Theme t, double z, double tx, double ty, Map<String, JobState> runStates) {
        this.runStates = runStates;
        this.c = c;
        this.t = t;
        this.z = z;
        this.tx = tx;
        this.ty = ty;
    }

    private double sx(double x) {
        return x * z + tx;
    }

    private double sy(double y) {
        return y * z + ty;
    }

    /** A layout rectangle on screen. */
    Rect screen(Rect r) {
        return new Rect(sx(r.x()), sy(r.y()), r.width() * z, r.height() * z);
    }

    void paint(Summary s, Map<String, PlannedStep> steps, double width, double height) {
        c.begin(width, height, t.background());
        for (int i = 0; i < s.lanes().size(); i++) {
            lane(s.lanes().get(i), i);
        }
        for (Summary.Box b : s.groups()) {
            group(b);
        }
        for (Summary.Link l : s.links()) {
            link(l);
        }
        for (LayoutNode n : s.marks()) {
            mark(n, steps);
        }
        c.end();
    }

    // ------------------------------------------------------------------ boxes

    /** How tall a stage's header plate is on screen: its own header, or taller when the text needs it. */
    static double laneHeaderPx(double headerHeight, double zoom) {
        return Math.max(headerHeight * zoom, 3 + TITLE_MAX_PX * LINE + ROW + 4);
    }

    private void lane(Summary.Box b, int index) {
        Rect r = screen(b.bounds());
        if (index % 2 == 0) {
            c.rect(r.x(), r.y(), r.width(), r.height(), 0, t.groupFill(), null, 0, false);
        }
        // the plate grows upwards from the header's bottom edge, so it never covers a job of the column
        double ph = laneHeaderPx(b.headerHeight(), z);
        double top = r.y() + b.headerHeight() * z - ph;
        c.rect(r.x() + 1.5, top, r.width() - 3, ph, 5, t.groupTitleFill(), t.groupStroke(), 1, false);
        if (index > 0) {
            double x = r.x();
            c.path(new VectorPath().moveTo(x, r.y() + b.headerHeight() * z + 4).lineTo(x, r.bottom()), null,
                    t.implicitEdge(), 1.2, DASH);
        }
        text(b, new Rect(r.x(), top, r.width(), ph), false);
    }

    private void group(Summary.Box b) {
        Rect r = screen(b.bounds());
        double rad = Math.min(10, Math.min(r.width(), r.height()) / 2);
        c.beginItem("group", b.id(), b.title());
        c.rect(r.x(), r.y(), r.width(), r.height(), rad, t.groupTitleFill(), t.groupStroke(), 1.2, false);
        strip(tallies(b), r.x() + rad, r.bottom() - STRIP - 3, r.width() - 2 * rad, STRIP);
        text(b, new Rect(r.x(), r.y(), r.width(), r.height() - STRIP - 3), true);
        c.endItem();
    }

    /**
     * How many steps of one kind a box holds: an outcome, or in runner mode a job state.
     *
     * @param state the job state, null for an outcome
     */
    private record Tally(String word, int count, NodeStyle style, JobState state) {
    }

    /** The box's steps by outcome, or by runner state while the runner plays the build. */
    private List<Tally> tallies(Summary.Box b) {
        List<Tally> out = new ArrayList<>();
        if (runStates != null) {
            Map<JobState, Integer> byState = new EnumMap<>(JobState.class);
            for (String id : b.members()) {
                JobState st = runStates.get(id);
                if (st != null) {
                    byState.merge(st, 1, Integer::sum);
                }
            }
            byState.forEach((st, n) -> out.add(new Tally(st.id(), n, RunStyles.style(st), st)));
            if (!out.isEmpty()) {
                return out;
            }
        }
        return tallies(b.counts());
    }

    private List<Tally> tallies(Map<Outcome, Integer> counts) {
        List<Tally> out = new ArrayList<>();
        counts.forEach((o, n) -> out.add(new Tally(o.id(), n, t.style(o), null)));
        return out;
    }

    /** One bar split by outcome (or state), each part as long as its share. */
    private void strip(List<Tally> tallies, double x, double y, double w, double h) {
        int total = tallies.stream().mapToInt(Tally::count).sum();
        if (total == 0 || w <= 2) {
            return;
        }
        for (Tally e : tallies) {
            double part = w * e.count() / total;
            c.rect(x, y, part, h, 0, e.style().accent(), null, 0, false);
            x += part;
        }
    }

    /** The name (wrapped, as large as fits) and the counts in {@code r} (screen pixels); nothing if no room. */
    private void text(Summary.Box b, Rect r, boolean wrap) {
        // small boxes get small margins, so a 20 px high box still shows its name
        double side = r.width() >= 100 ? PAD : 4;
        double top = r.height() >= 70 ? PAD : 3;
        double w = r.width() - 2 * side;
        double h = r.height() - top - 2;
        if (w < 24 || h < TITLE_MIN_PX * LINE) {
            return;
        }
        List<Tally> tallies = tallies(b);
        List<List<Item>> rows = countRows(tallies, w, false);
        if (!wrap && rows.size() > 1) {
            // a stage's plate has room for one row: the icons alone say which outcome each number counts
            rows = countRows(tallies, w, true);
            rows = rows.isEmpty() ? rows : rows.subList(0, 1);
        }
        double countsH = rows.size() * ROW;
        boolean withCounts = !rows.isEmpty() && h >= TITLE_MIN_PX * LINE + countsH;
        double titleH = h - (withCounts ? countsH : 0);
        List<String> lines = List.of();
        double size = TITLE_MIN_PX;
        for (double px = TITLE_MAX_PX; px >= TITLE_MIN_PX; px -= 1) {
            int max = wrap ? (int) Math.floor(titleH / (px * LINE)) : 1;
            if (max < 1) {
                continue;
            }
            lines = LabelText.wrap(b.title(), measurer(px, true), w, Math.min(max, 4));
            size = px;
            if (whole(b.title(), lines)) {
                break;
            }
        }
        double y = r.y() + top;
        for (String line : lines) {
            y += size * LINE;
            c.text(line, r.x() + side, y - size * 0.28, size, true, t.groupTitleText(), Canvas.Anchor.START);
        }
        if (withCounts) {
            for (List<Item> row : rows) {
                double x = r.x() + side;
                double cy = y + ROW / 2;
                for (Item it : row) {
                    NodeStyle s = it.tally().style();
                    double ir = 5.5;
                    c.circle(x + ir, cy, ir, s.accent(), null, 0);
                    if (it.tally().state() != null) {
                        RunStyles.glyph(c, it.tally().state(), x + ir, cy, ir, s.glyphColor());
                    } else {
                        DiagramRenderer.glyph(c, s.glyph(), x + ir, cy, ir, s.glyphColor());
                    }
                    c.text(it.text(), x + 2 * ir + 4, cy + COUNT_PX * 0.36, COUNT_PX, false, t.mutedText(),
                            Canvas.Anchor.START);
                    x += it.width() + 10;
                }
                y += ROW;
            }
        }
    }

    /**
     * Whether {@code lines} hold all of {@code title} broken only between words or after a hyphen: not cut
     * short with an ellipsis, and no word split ("Batc" / "h 22").
     */
    static boolean whole(String title, List<String> lines) {
        String norm = title.strip().replaceAll("\\s+", " ");
        StringBuilder b = new StringBuilder(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String prev = lines.get(i - 1);
            b.append(prev.endsWith("-") || prev.endsWith("/") ? "" : " ").append(lines.get(i));
        }
        return b.toString().equals(norm);
    }

    /** A count with its outcome: "12 gated", or just "12" when the box is too narrow for the word. */
    private record Item(Tally tally, String text, double width) {
    }

    private List<List<Item>> countRows(List<Tally> tallies, double avail, boolean numbersOnly) {
        List<List<Item>> rows = new ArrayList<>();
        List<Item> row = new ArrayList<>();
        double used = 0;
        for (Tally e : tallies) {
            String text = e.count() + " " + e.word();
            double w = 15 + c.textWidth(text, COUNT_PX, false);
            if (w > avail || numbersOnly) {
                text = Integer.toString(e.count());
                w = 15 + c.textWidth(text, COUNT_PX, false);
            }
            if (w > avail) {
                return List.of();
            }
            if (!row.isEmpty() && used + w > avail) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(new Item(e, text, w));
            used += w + 10;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /** Widths in this canvas's font at {@code px} screen pixels. */
    private TextMeasurer measurer(double px, boolean bold) {
        return TextMeasurer.of(text -> c.textWidth(text, px, bold), px);
    }

    // ------------------------------------------------------------------ links and marks

    private void link(Summary.Link l) {
        List<Point> pts = new ArrayList<>();
        for (Point p : l.points()) {
            pts.add(new Point(sx(p.x()), sy(p.y())));
        }
        Rgb color = l.back() ? t.backEdge() : l.kind() == EdgeKind.IMPLICIT ? t.implicitEdge() : t.edge();
        double[] dash = l.back() ? new double[] {3, 3} : l.kind() == EdgeKind.IMPLICIT ? DASH : null;
        // one edge: a thin line; a link standing for many edges gets thicker, up to 4 px
        double width = Math.min(4, 1.3 + 0.9 * Math.log(l.count()) / Math.log(2));
        Point tip = pts.get(pts.size() - 1);
        Point prev = pts.get(pts.size() - 2);
        boolean curved = !l.back() && l.points().size() >= 2 && Math.abs(tip.y() - prev.y()) > 0.5
                && tip.x() - prev.x() > 1;
        double dx = curved ? 1 : tip.x() - prev.x();
        double dy = curved ? 0 : tip.y() - prev.y();
        double len = Math.hypot(dx, dy);
        dx = len == 0 ? 1 : dx / len;
        dy = len == 0 ? 0 : dy / len;
        double arrow = 7 + width;
        pts.set(pts.size() - 1, new Point(tip.x() - dx * (arrow - 2), tip.y() - dy * (arrow - 2)));
        VectorPath path = DiagramRenderer.edgePath(pts, l.back());
        String what = l.count() == 1 ? "1 edge" : l.count() + " edges";
        c.beginItem("edge", l.from() + " -> " + l.to(), l.from() + " \u2192 " + l.to() + " (" + what + ")");
        c.path(path, null, color, width, dash);
        DiagramRenderer.arrowHead(c, tip, dx, dy, arrow, arrow * 0.45, l.allowFailure() ? t.background() : color, color);
        c.endItem();
    }

    /** A step outside any group: its box filled with its outcome colour (a family: split by its members). */
    private void mark(LayoutNode n, Map<String, PlannedStep> steps) {
        Rect r = screen(n.bounds());
        JobState st = runStates == null ? null : runStates.get(n.id());
        NodeStyle s = st != null ? RunStyles.style(st) : t.style(n.outcome());
        if (n.isBar()) {
            double w = Math.max(2, r.width());
            c.rect(r.centerX() - w / 2, r.y(), w, r.height(), Math.min(2, w / 2), s.accent(), null, 0, false);
            return;
        }
        double rad = Math.min(4, r.height() / 2);
        Map<Outcome, Integer> members = st == null ? DiagramRenderer.memberCounts(n, steps) : Map.of();
        if (members.size() > 1) {
            c.rect(r.x(), r.y(), r.width(), r.height(), rad, s.fill(), s.stroke(), 1, false);
            strip(tallies(members), r.x() + 1, r.y() + 1, r.width() - 2, r.height() - 2);
            label(n, r, s.glyphColor());
            return;
        }
        boolean faint = st == null && s.dashed();
        c.rect(r.x(), r.y(), r.width(), r.height(), rad, faint ? s.fill() : s.accent(), faint ? s.stroke() : null,
                faint ? 1 : 0, false);
        label(n, r, faint ? s.text() : s.glyphColor());
    }

    /**
     * The mark's label at {@link #MARK_TEXT_PX} when the mark is tall enough for it and a few characters fit
     * (a family gets its ×N); hidden otherwise, the tooltip still names it.
     */
    private void label(LayoutNode n, Rect r, Rgb color) {
        if (r.height() < MARK_TEXT_PX + 2 || r.width() < 30) {
            return;
        }
        String text = LabelText.display(n.label(), n.id()).replace('\n', ' ');
        // a family keeps its ×N: the name is what gets shortened
        String badge = n.jobs() > 1 ? " \u00d7" + n.jobs() : "";
        double avail = r.width() - 8 - c.textWidth(badge, MARK_TEXT_PX, false);
        String fitted = LabelText.shorten(text, measurer(MARK_TEXT_PX, false), avail);
        if (fitted.length() < Math.min(4, text.length())) {
            return;
        }
        fitted += badge;
        c.text(fitted, r.x() + 4, r.centerY() + MARK_TEXT_PX * 0.36, MARK_TEXT_PX, false, color,
                Canvas.Anchor.START);
    }
}
