package dev.pipelens.gui.graph;

import dev.pipelens.layout.LabelText;
import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutEdge;
import dev.pipelens.layout.LayoutGroup;
import dev.pipelens.layout.LayoutLane;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.Point;
import dev.pipelens.layout.Rect;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the window draws instead of the full graph when it is zoomed out below readable text (see
 * {@link GraphView#SUMMARY_TEXT_PX}): each top-level group as one box with its name and outcome counts
 * (its members are not drawn), every GitLab stage with its name and counts, the steps outside any group as
 * marks, and the member edges merged into one link per pair of ends (group or step), drawn once with the
 * number of edges it stands for. Computed once per layout and plan; no JavaFX, so it is tested directly.
 */
final class Summary {

    /**
     * A summarised group or stage.
     *
     * @param id     the group step id, or the stage name for a lane
     * @param title  the name as shown (shortcodes removed)
     * @param bounds the group's box, or the stage column
     * @param counts outcomes of the steps inside, in {@link Outcome} order (groups themselves not counted)
     * @param members the ids of the steps counted
     * @param lane   whether this is a GitLab stage column (its steps stay drawn as marks)
     * @param headerHeight the lane's header bar (0 for a group)
     */
    record Box(String id, String title, Rect bounds, Map<Outcome, Integer> counts, List<String> members,
               boolean lane, double headerHeight) {

        Box {
            Map<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
            copy.putAll(counts);
            counts = Collections.unmodifiableMap(copy);
            members = List.copyOf(members);
        }

        /** All steps counted. */
        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** "3 runs · 12 gated". */
        String countsText() {
            List<String> parts = new ArrayList<>();
            counts.forEach((o, n) -> parts.add(n + " " + o.id()));
            return String.join(" \u00b7 ", parts);
        }
    }

    /**
     * One drawn link between two ends (group boxes or step marks) standing for {@code count} edges.
     *
     * @param points the route of the first edge it stands for, cut where it leaves and enters a group box
     */
    record Link(String from, String to, EdgeKind kind, boolean allowFailure, boolean back, int count,
                List<Point> points) {
    }

    private final List<Box> groups = new ArrayList<>();
    private final List<Box> lanes = new ArrayList<>();
    private final List<LayoutNode> marks = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, String> boxOf = new HashMap<>();
    private final Map<String, Box> byId = new LinkedHashMap<>();

    Summary(Layout layout, Plan plan) {
        Map<String, PlannedStep> steps = plan.stepsById();
        Map<String, LayoutGroup> drawnGroups = new LinkedHashMap<>();
        for (LayoutGroup g : layout.groups()) {
            drawnGroups.put(g.id(), g);
        }
        // a group is summarised when no drawn group holds it; everything inside it goes to its box
        Map<String, Map<Outcome, Integer>> counts = new HashMap<>();
        Map<String, List<String>> members = new HashMap<>();
        for (PlannedStep s : plan.steps()) {
            if (s.type() != StepType.GROUP && s.outcome() != null && s.group() != null) {
                String top = topGroup(s.group(), steps, drawnGroups);
                counts.computeIfAbsent(top, k -> new EnumMap<>(Outcome.class)).merge(s.outcome(), 1, Integer::sum);
                members.computeIfAbsent(top, k -> new ArrayList<>()).add(s.id());
            }
        }
        for (LayoutGroup g : layout.groups()) {
            if (topGroup(g.id(), steps, drawnGroups).equals(g.id())) {
                Box b = new Box(g.id(), LabelText.display(g.label(), g.id()), g.bounds(),
                        counts.getOrDefault(g.id(), Map.of()), members.getOrDefault(g.id(), List.of()), false, 0);
                groups.add(b);
                byId.put(g.id(), b);
            }
        }
        for (LayoutGroup g : layout.groups()) {
            boxOf.put(g.id(), topGroup(g.id(), steps, drawnGroups));
        }
        for (LayoutNode n : layout.nodes()) {
            String top = n.group() == null ? null : topGroup(n.group(), steps, drawnGroups);
            if (top != null && byId.containsKey(top)) {
                boxOf.put(n.id(), top);
            } else {
                marks.add(n);
            }
        }
        Map<String, LayoutNode> nodes = layout.nodesById();
        for (LayoutLane lane : layout.lanes()) {
            Map<Outcome, Integer> laneCounts = new EnumMap<>(Outcome.class);
            Set<String> seen = new java.util.LinkedHashSet<>();
            for (String id : lane.steps()) {
                LayoutNode n = nodes.get(id);
                List<String> ids = n != null && n.folded() ? n.members() : List.of(id);
                for (String m : ids) {
                    PlannedStep s = steps.get(m);
                    if (s != null && s.type() != StepType.GROUP && s.outcome() != null && seen.add(m)) {
                        laneCounts.merge(s.outcome(), 1, Integer::sum);
                    }
                }
            }
            lanes.add(new Box(lane.name(), LabelText.display(lane.name(), lane.name()), lane.bounds(), laneCounts,
                    List.copyOf(seen), true, lane.headerHeight()));
        }
        Map<String, Link> merged = new LinkedHashMap<>();
        for (LayoutEdge e : layout.edges()) {
            String from = boxOf.getOrDefault(e.from(), e.from());
            String to = boxOf.getOrDefault(e.to(), e.to());
            if (from.equals(to)) {
                continue; // inside one group: its box stands for it
            }
            boolean back = e.route() == LayoutEdge.Route.BACK;
            String key = from + "\u0000" + to + "\u0000" + e.kind() + "\u0000" + back;
            Link old = merged.get(key);
            if (old != null) {
                merged.put(key, new Link(from, to, old.kind(), old.allowFailure() && e.allowFailure(), back,
                        old.count() + 1, old.points()));
                continue;
            }
            List<Point> pts = e.points();
            Box fb = byId.get(from);
            Box tb = byId.get(to);
            if (fb != null && !from.equals(e.from())) {
                pts = leaving(pts, fb.bounds());
            }
            if (tb != null && !to.equals(e.to()) && pts != null) {
                List<Point> rev = new ArrayList<>(pts);
                Collections.reverse(rev);
                rev = leaving(rev, tb.bounds());
                if (rev != null) {
                    Collections.reverse(rev);
                }
                pts = rev;
            }
            if (pts == null) {
                // the route never leaves the box (should not happen): join the two box sides directly
                Rect a = fb != null ? fb.bounds() : nodes.get(from) != null ? nodes.get(from).bounds() : null;
                Rect b = tb != null ? tb.bounds() : nodes.get(to) != null ? nodes.get(to).bounds() : null;
                if (a == null || b == null) {
                    continue;
                }
                pts = List.of(new Point(a.right(), a.centerY()), new Point(b.x(), b.centerY()));
            }
            merged.put(key, new Link(from, to, e.kind(), e.allowFailure(), back, 1, List.copyOf(pts)));
        }
        links.addAll(merged.values());
    }

    /** The outermost drawn group holding group {@code id} (itself when none does). */
    private static String topGroup(String id, Map<String, PlannedStep> steps, Map<String, LayoutGroup> drawn) {
        String top = id;
        String at = id;
        Set<String> seen = new HashSet<>();
        while (at != null && seen.add(at)) {
            if (drawn.containsKey(at)) {
                top = at;
            }
            PlannedStep s = steps.get(at);
            at = s == null ? null : s.group();
        }
        return top;
    }

    /**
     * The part of polyline {@code pts} from where it first leaves {@code box}: its first point is on the
     * box's border. Null when it never leaves.
     */
    static List<Point> leaving(List<Point> pts, Rect box) {
        int i = 0;
        while (i < pts.size() && inside(pts.get(i), box)) {
            i++;
        }
        if (i == pts.size()) {
            return null;
        }
        if (i == 0) {
            return pts;
        }
        Point p = pts.get(i - 1);
        Point q = pts.get(i);
        double t = Math.min(exit(p.x(), q.x(), box.x(), box.right()), exit(p.y(), q.y(), box.y(), box.bottom()));
        List<Point> out = new ArrayList<>();
        out.add(new Point(p.x() + (q.x() - p.x()) * t, p.y() + (q.y() - p.y()) * t));
        out.addAll(pts.subList(i, pts.size()));
        if (out.size() == 2 && out.get(0).equals(out.get(1))) {
            return null;
        }
        return out;
    }

    /** Fraction of the way from {@code a} (inside {@code [lo, hi]}) to {@code b} where it leaves the range. */
    private static double exit(double a, double b, double lo, double hi) {
        if (b > hi) {
            return (hi - a) / (b - a);
        }
        if (b < lo) {
            return (lo - a) / (b - a);
        }
        return 1;
    }

    private static boolean inside(Point p, Rect r) {
        return p.x() > r.x() && p.x() < r.right() && p.y() > r.y() && p.y() < r.bottom();
    }

    /** Top-level groups drawn as summary boxes, in source order. */
    List<Box> groups() {
        return groups;
    }

    /** GitLab stage columns (empty for other systems). */
    List<Box> lanes() {
        return lanes;
    }

    /** The steps drawn as marks: every box outside a summarised group. */
    List<LayoutNode> marks() {
        return marks;
    }

    /** Merged edges. */
    List<Link> links() {
        return links;
    }

    /** The summary box drawn for step or group {@code id}, or null when it is drawn as itself. */
    String boxOf(String id) {
        return boxOf.get(id);
    }

    /** The summary box of group {@code id}, or null. */
    Box group(String id) {
        return byId.get(id);
    }
}
