package dev.pipelens.layout;

import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.Presets;
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
        return layout.layout(unionPlan(planner, plan));
    }

    /** {@code plan} with the edges of the presets' plans added (both ends must be steps of {@code plan}). */
    public static Plan unionPlan(PipelinePlanner planner, Plan plan) {
        Map<String, PlannedStep> steps = plan.stepsById();
        Map<List<String>, PlanEdge> edges = new LinkedHashMap<>();
        for (PlanEdge e : plan.edges()) {
            edges.putIfAbsent(List.of(e.from(), e.to()), e);
        }
        Scenario s = plan.scenario() == null ? Scenario.defaults() : plan.scenario();
        for (NamedScenario preset : Presets.forSystem(planner.system(), s.effectiveDefaultBranch())) {
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
        int placed = base.nodes().size() + base.groups().size();
        if (placed != plan.steps().size()) {
            return false;
        }
        Map<String, LayoutNode> nodes = base.nodesById();
        for (PlannedStep s : plan.steps()) {
            if (!nodes.containsKey(s.id()) && base.group(s.id()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** {@code base}'s positions with {@code plan}'s outcomes and edges. */
    public static Layout restyle(Layout base, Plan plan) {
        Map<String, PlannedStep> steps = plan.stepsById();
        List<LayoutNode> nodes = new ArrayList<>(base.nodes().size());
        Map<String, Rect> boxes = new HashMap<>();
        for (LayoutNode n : base.nodes()) {
            PlannedStep s = steps.get(n.id());
            Outcome o = s == null ? n.outcome() : s.outcome();
            nodes.add(new LayoutNode(n.id(), n.label(), n.lines(), n.type(), o, n.jobs(), n.group(), n.layer(),
                    n.bounds()));
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
        List<LayoutEdge> edges = new ArrayList<>(plan.edges().size());
        for (PlanEdge e : plan.edges()) {
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
        return new Layout(nodes, groups, edges, base.width(), base.height(), base.layers(), base.metrics());
    }
}
