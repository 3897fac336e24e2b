package dev.pipelens.layout;

import dev.pipelens.plan.Lane;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.model.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the graph still while the scenario changes. A plan's edges depend on the scenario (a skipped
 * block step drops the implicit edges through it), so laying out every plan anew would move boxes on
 * each toggle. Instead the positions come from one <em>base</em> layout of the union of the edges of
 * the presets and the current scenario, computed once per file (or when the set of steps changes), and
 * {@link #restyle} turns it into the layout of one plan: same positions, that plan's outcomes, and only
 * that plan's edges. The window and the exports draw that restyled layout, so they match.
 */
public final class PlanLayouts {

    private PlanLayouts() {
    }

    /**
     * The drawing of {@code plan} that the window shows and every export writes: the standard engine's
     * base layout restyled for {@code plan}.
     */
    public static Layout drawing(PipelinePlanner planner, Plan plan) {
        return restyle(base(GraphLayout.standard(), planner, plan), plan);
    }

    /** A base layout: positions for every step of {@code plan}, routes for the union of edges. */
    public static Layout base(GraphLayout layout, PipelinePlanner planner, Plan plan) {
        return base(layout, planner, plan, java.util.Set.of());
    }

    /**
     * A base layout with the groups in {@code collapsed} drawn as one box each ("Release images · 5
     * steps"), the box standing for the group and all its children.
     */
    public static Layout base(GraphLayout layout, PipelinePlanner planner, Plan plan, java.util.Set<String> collapsed) {
        return base(layout, planner, plan, collapsed, java.util.Set.of());
    }

    /** The family name a job name folds under ({@code rspec 1/28} into {@code rspec}), or null. */
    public static String familyName(String name) {
        return Families.family(name);
    }

    /**
     * A base layout with the groups in {@code collapsed} drawn as one box each and the job families named in
     * {@code expandedFamilies} drawn job by job instead of folded.
     */
    public static Layout base(GraphLayout layout, PipelinePlanner planner, Plan plan, java.util.Set<String> collapsed,
                              java.util.Set<String> expandedFamilies) {
        Plan union = unionPlan(planner, plan);
        Map<String, List<String>> members = new LinkedHashMap<>();
        if (!collapsed.isEmpty()) {
            Map<String, List<String>> groups = Families.groupMembers(union, collapsed);
            if (!groups.isEmpty()) {
                Map<String, PlannedStep> steps = union.stepsById();
                Map<String, String> labels = new HashMap<>();
                groups.forEach((g, ids) -> labels.put(g, "\u25b8 " + LabelText.display(steps.get(g).label(), g)
                        + " \u00b7 " + (ids.size() - 1) + (ids.size() == 2 ? " step" : " steps")));
                union = Families.foldInto(union, groups, labels);
                members.putAll(groups);
            }
        }
        List<Lane> lanes = planner.lanes(plan);
        Layout l;
        if (lanes.isEmpty()) {
            l = layout.layout(union, lanes);
        } else {
            Families.Folded f = Families.fold(union, lanes, expandedFamilies);
            l = layout.layout(f.plan(), f.lanes());
            members.putAll(f.members());
        }
        if (members.isEmpty()) {
            return l;
        }
        List<LayoutNode> nodes = new ArrayList<>(l.nodes().size());
        for (LayoutNode n : l.nodes()) {
            nodes.add(new LayoutNode(n.id(), n.label(), n.lines(), n.type(), n.outcome(), n.jobs(), n.group(),
                    n.layer(), n.bounds(), members.getOrDefault(n.id(), List.of())));
        }
        List<LayoutLane> out = new ArrayList<>();
        for (LayoutLane lane : l.lanes()) {
            List<String> ids = new ArrayList<>();
            for (String id : lane.steps()) {
                ids.addAll(members.getOrDefault(id, List.of(id)));
            }
            out.add(new LayoutLane(lane.name(), lane.bounds(), lane.headerHeight(), ids, lane.title()));
        }
        return new Layout(nodes, l.groups(), l.edges(), l.width(), l.height(), l.layers(), l.metrics(), out);
    }

    /** {@code plan} with the edges of the presets' plans added (both ends must be steps of {@code plan}). */
    public static Plan unionPlan(PipelinePlanner planner, Plan plan) {
        Map<String, PlannedStep> steps = plan.stepsById();
        Map<List<String>, PlanEdge> edges = new LinkedHashMap<>();
        for (PlanEdge e : plan.edges()) {
            edges.putIfAbsent(List.of(e.from(), e.to()), e);
        }
        Scenario s = plan.scenario() == null ? Scenario.defaults() : plan.scenario();
        for (NamedScenario preset : planner.presets(s.effectiveDefaultBranch())) {
            for (PlanEdge e : planner.plan(preset.scenario()).edges()) {
                if (steps.containsKey(e.from()) && steps.containsKey(e.to())) {
                    edges.putIfAbsent(List.of(e.from(), e.to()), e);
                }
            }
        }
        return new Plan(plan.file(), plan.system(), plan.scenario(), plan.created(), plan.pipelineReasons(),
                plan.steps(), new ArrayList<>(edges.values()), plan.diagnostics());
    }

    /** Whether {@code base} has a place for every step of {@code plan} (and nothing else). */
    public static boolean fits(Layout base, Plan plan) {
        if (base == null) {
            return false;
        }
        int placed = base.groups().size();
        for (LayoutNode n : base.nodes()) {
            placed += Math.max(1, n.members().size());
        }
        if (placed != plan.steps().size()) {
            return false;
        }
        Map<String, String> boxOf = boxOf(base);
        for (PlannedStep s : plan.steps()) {
            if (!boxOf.containsKey(s.id()) && base.group(s.id()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The id of the box each step is drawn in: its own, or its family's. */
    public static Map<String, String> boxOf(Layout layout) {
        Map<String, String> m = new HashMap<>();
        for (LayoutNode n : layout.nodes()) {
            m.put(n.id(), n.id());
            for (String id : n.members()) {
                m.put(id, n.id());
            }
        }
        return m;
    }

    /** The outcome a folded box shows: the one most of its members have (the first member's on a tie). */
    static Outcome familyOutcome(LayoutNode n, Map<String, PlannedStep> steps) {
        Map<Outcome, Integer> count = new java.util.EnumMap<>(Outcome.class);
        Outcome best = null;
        int bestCount = 0;
        for (String id : n.members()) {
            PlannedStep s = steps.get(id);
            if (s != null) {
                int c = count.merge(s.outcome(), 1, Integer::sum);
                if (c > bestCount) {
                    best = s.outcome();
                    bestCount = c;
                }
            }
        }
        return best == null ? n.outcome() : best;
    }

    /** {@code base}'s positions with {@code plan}'s outcomes and edges. */
    public static Layout restyle(Layout base, Plan plan) {
        Map<String, PlannedStep> steps = plan.stepsById();
        List<LayoutNode> nodes = new ArrayList<>(base.nodes().size());
        Map<String, Rect> boxes = new HashMap<>();
        Map<String, String> boxOf = boxOf(base);
        for (LayoutNode n : base.nodes()) {
            PlannedStep s = steps.get(n.id());
            // a collapsed group shows the group's outcome, a job family its members' most common one
            boolean group = s != null && s.type() == dev.pipelens.model.StepType.GROUP;
            Outcome o = n.folded() && !group ? familyOutcome(n, steps) : s == null ? n.outcome() : s.outcome();
            nodes.add(new LayoutNode(n.id(), n.label(), n.lines(), n.type(), o, n.jobs(), n.group(), n.layer(),
                    n.bounds(), n.members()));
            boxes.put(n.id(), n.bounds());
        }
        List<LayoutGroup> groups = new ArrayList<>(base.groups().size());
        for (LayoutGroup g : base.groups()) {
            PlannedStep s = steps.get(g.id());
            Outcome o = s == null ? g.outcome() : s.outcome();
            groups.add(new LayoutGroup(g.id(), g.label(), g.title(), o, g.bounds(), g.titleHeight()));
            boxes.put(g.id(), g.bounds());
        }
        Map<List<String>, LayoutEdge> routes = new HashMap<>();
        for (LayoutEdge e : base.edges()) {
            routes.putIfAbsent(List.of(e.from(), e.to()), e);
        }
        Map<String, Integer> laneOf = new HashMap<>();
        for (int i = 0; i < base.lanes().size(); i++) {
            for (String id : base.lanes().get(i).steps()) {
                laneOf.put(id, i);
            }
        }
        List<LayoutEdge> edges = new ArrayList<>(plan.edges().size());
        java.util.Set<List<String>> drawn = new java.util.HashSet<>();
        for (PlanEdge e0 : plan.edges()) {
            PlanEdge e = new PlanEdge(boxOf.getOrDefault(e0.from(), e0.from()), boxOf.getOrDefault(e0.to(), e0.to()),
                    e0.kind(), e0.allowFailure());
            if (e.from().equals(e.to()) && !e0.from().equals(e0.to()) || !drawn.add(List.of(e.from(), e.to()))) {
                continue; // inside one family, or a second edge between the same boxes
            }
            Integer a0 = laneOf.get(e.from());
            Integer b0 = laneOf.get(e.to());
            if (e.kind() == dev.pipelens.plan.EdgeKind.IMPLICIT && a0 != null && b0 != null && !a0.equals(b0)) {
                continue; // stage order is drawn by the lanes
            }
            LayoutEdge r = routes.get(List.of(e.from(), e.to()));
            if (r != null) {
                edges.add(new LayoutEdge(e.from(), e.to(), e.kind(), e.allowFailure(), r.route(), r.points()));
            } else {
                Rect a = boxes.get(e.from());
                Rect b = boxes.get(e.to());
                if (a != null && b != null) {
                    edges.add(new LayoutEdge(e.from(), e.to(), e.kind(), e.allowFailure(), LayoutEdge.Route.DIRECT,
                            List.of(new Point(a.right(), a.centerY()), new Point(b.x(), b.centerY()))));
                }
            }
        }
        return new Layout(nodes, groups, edges, base.width(), base.height(), base.layers(), base.metrics(),
                base.lanes());
    }
}
