package dev.pipelens.export;

import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan as the text exports see it: steps by id in source order (first of duplicate ids wins), the
 * edges whose both ends exist (first of duplicate pairs wins), and which group steps have children. The
 * same choices as the layout, so every format shows the same graph.
 */
final class ExportGraph {

    /** A drawn edge; identity equality so JGraphT keeps every one. {@code member} marks group membership. */
    static final class Edge {
        final String from;
        final String to;
        final EdgeKind kind;
        final boolean allowFailure;
        final boolean member;

        Edge(String from, String to, EdgeKind kind, boolean allowFailure, boolean member) {
            this.from = from;
            this.to = to;
            this.kind = kind == null ? EdgeKind.EXPLICIT : kind;
            this.allowFailure = allowFailure;
            this.member = member;
        }
    }

    final Map<String, PlannedStep> steps = new LinkedHashMap<>();
    final List<Edge> edges = new ArrayList<>();
    /** Group id to its children's ids in source order (only groups that have children). */
    final Map<String, List<String>> children = new LinkedHashMap<>();

    ExportGraph(Plan plan) {
        for (PlannedStep s : plan.steps()) {
            if (s != null && s.id() != null) {
                steps.putIfAbsent(s.id(), s);
            }
        }
        for (PlannedStep s : steps.values()) {
            PlannedStep g = s.group() == null ? null : steps.get(s.group());
            if (g != null && g != s && g.type() == StepType.GROUP) {
                children.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(s.id());
            }
        }
        Set<List<String>> seen = new HashSet<>();
        for (PlanEdge e : plan.edges()) {
            if (e != null && e.from() != null && e.to() != null && steps.containsKey(e.from())
                    && steps.containsKey(e.to()) && seen.add(List.of(e.from(), e.to()))) {
                edges.add(new Edge(e.from(), e.to(), e.kind(), e.allowFailure(), false));
            }
        }
    }

    /** The group a step is drawn in, or null. */
    String groupOf(PlannedStep s) {
        return s.group() != null && children.containsKey(s.group()) && !s.group().equals(s.id()) ? s.group() : null;
    }

    /** A JGraphT graph of the step ids and edges, plus group-to-child membership edges when asked. */
    Graph<String, Edge> graph(boolean membership) {
        Graph<String, Edge> g = new DirectedPseudograph<>(null, null, false);
        for (String id : steps.keySet()) {
            g.addVertex(id);
        }
        for (Edge e : edges) {
            g.addEdge(e.from, e.to, e);
        }
        if (membership) {
            for (Map.Entry<String, List<String>> c : children.entrySet()) {
                for (String child : c.getValue()) {
                    g.addEdge(c.getKey(), child, new Edge(c.getKey(), child, EdgeKind.GROUP, false, true));
                }
            }
        }
        return g;
    }

    static String label(PlannedStep s) {
        return s.label() == null ? s.id() : s.label();
    }
}
