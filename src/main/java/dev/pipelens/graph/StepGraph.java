package dev.pipelens.graph;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of a pipeline's steps (JGraphT). Nodes are step ids in source order; links to
 * unknown ids are ignored. Answers the questions the planner, simulator and lint ask: which steps sit
 * on a cycle, and a topological order that breaks ties by source order (deterministic output).
 */
public final class StepGraph {

    private final Graph<String, DefaultEdge> graph;
    private final Map<String, Integer> order = new HashMap<>();

    public StepGraph(List<String> ids, Collection<Link> links) {
        graph = new DirectedMultigraph<>(DefaultEdge.class);
        for (int i = 0; i < ids.size(); i++) {
            if (graph.addVertex(ids.get(i))) {
                order.put(ids.get(i), i);
            }
        }
        for (Link l : links) {
            if (graph.containsVertex(l.from()) && graph.containsVertex(l.to()) && !l.from().equals(l.to())) {
                graph.addEdge(l.from(), l.to());
            } else if (l.from().equals(l.to()) && graph.containsVertex(l.from())) {
                selfLoops.add(l.from());
            }
        }
    }

    private final Set<String> selfLoops = new LinkedHashSet<>();

    /** The cycles, each as its member ids in source order; self-dependencies count as cycles of one. */
    public List<List<String>> cycles() {
        List<List<String>> out = new ArrayList<>();
        for (Set<String> scc : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (scc.size() > 1) {
                List<String> members = new ArrayList<>(scc);
                members.sort(Comparator.comparingInt(order::get));
                out.add(members);
            }
        }
        for (String s : selfLoops) {
            out.add(List.of(s));
        }
        out.sort(Comparator.comparingInt(c -> order.get(c.get(0))));
        return out;
    }

    /** Every id that lies on a cycle. */
    public Set<String> onCycles() {
        Set<String> all = new HashSet<>();
        for (List<String> c : cycles()) {
            all.addAll(c);
        }
        return all;
    }

    /**
     * Ids in an order where every step comes after the steps it waits for, ties broken by source order.
     * Steps on cycles are left out of the order and appended at the end in source order.
     */
    public List<String> topologicalOrder() {
        Set<String> cyclic = onCycles();
        Graph<String, DefaultEdge> acyclic = graph;
        if (!cyclic.isEmpty()) {
            acyclic = new DirectedMultigraph<>(DefaultEdge.class);
            for (String v : graph.vertexSet()) {
                if (!cyclic.contains(v)) {
                    acyclic.addVertex(v);
                }
            }
            for (DefaultEdge e : graph.edgeSet()) {
                String s = graph.getEdgeSource(e);
                String t = graph.getEdgeTarget(e);
                if (acyclic.containsVertex(s) && acyclic.containsVertex(t)) {
                    acyclic.addEdge(s, t);
                }
            }
        }
        List<String> out = new ArrayList<>(graph.vertexSet().size());
        new TopologicalOrderIterator<>(acyclic, Comparator.comparingInt(order::get)).forEachRemaining(out::add);
        List<String> rest = new ArrayList<>(cyclic);
        rest.sort(Comparator.comparingInt(order::get));
        out.addAll(rest);
        return out;
    }

    /** Ids of the steps {@code id} waits for directly. */
    public List<String> predecessors(String id) {
        List<String> out = new ArrayList<>();
        if (graph.containsVertex(id)) {
            for (DefaultEdge e : graph.incomingEdgesOf(id)) {
                out.add(graph.getEdgeSource(e));
            }
        }
        return out;
    }

    /** Ids of the steps that wait for {@code id} directly. */
    public List<String> successors(String id) {
        List<String> out = new ArrayList<>();
        if (graph.containsVertex(id)) {
            for (DefaultEdge e : graph.outgoingEdgesOf(id)) {
                out.add(graph.getEdgeTarget(e));
            }
        }
        return out;
    }

    /** The underlying JGraphT graph, read-only by convention (for exporters). */
    public Graph<String, DefaultEdge> asGraph() {
        return graph;
    }
}
