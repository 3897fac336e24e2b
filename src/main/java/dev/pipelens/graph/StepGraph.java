package dev.pipelens.graph;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The dependency graph of a pipeline's steps. Nodes are step ids in source order; links to unknown
 * ids are ignored. Answers what the planner, simulator and lint ask: a topological order that breaks
 * ties by source order (Kahn's algorithm, O(V log V + E)), and the cycles (strongly connected
 * components, computed with JGraphT only when the order shows that a cycle exists). Immutable.
 */
public final class StepGraph {

    private final List<String> ids;
    private final Map<String, Integer> index;
    private final int[][] successors;
    private final int[][] predecessors;
    private final boolean[] selfLoop;
    private List<String> order;
    private List<List<String>> cycles;

    public StepGraph(List<String> ids, Collection<Link> links) {
        this.ids = List.copyOf(ids);
        this.index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.putIfAbsent(ids.get(i), i);
        }
        int n = ids.size();
        int[] outDegree = new int[n];
        int[] inDegree = new int[n];
        selfLoop = new boolean[n];
        List<int[]> pairs = new ArrayList<>(links.size());
        for (Link l : links) {
            Integer from = index.get(l.from());
            Integer to = index.get(l.to());
            if (from == null || to == null) {
                continue;
            }
            if (from.equals(to)) {
                selfLoop[from] = true;
                continue;
            }
            pairs.add(new int[] {from, to});
            outDegree[from]++;
            inDegree[to]++;
        }
        successors = new int[n][];
        predecessors = new int[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = new int[outDegree[i]];
            predecessors[i] = new int[inDegree[i]];
        }
        int[] outFill = new int[n];
        int[] inFill = new int[n];
        for (int[] p : pairs) {
            successors[p[0]][outFill[p[0]]++] = p[1];
            predecessors[p[1]][inFill[p[1]]++] = p[0];
        }
    }

    /**
     * Ids in an order where every step comes after the steps it waits for, ties broken by source order.
     * Steps on cycles (and those that wait for them) are appended at the end in source order.
     */
    public synchronized List<String> topologicalOrder() {
        if (order == null) {
            int n = ids.size();
            int[] remaining = new int[n];
            PriorityQueue<Integer> ready = new PriorityQueue<>(Math.max(1, n));
            for (int i = 0; i < n; i++) {
                remaining[i] = predecessors[i].length + (selfLoop[i] ? 1 : 0);
                if (remaining[i] == 0) {
                    ready.add(i);
                }
            }
            List<String> out = new ArrayList<>(n);
            boolean[] emitted = new boolean[n];
            while (!ready.isEmpty()) {
                int v = ready.poll();
                emitted[v] = true;
                out.add(ids.get(v));
                for (int s : successors[v]) {
                    if (--remaining[s] == 0) {
                        ready.add(s);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (!emitted[i]) {
                    out.add(ids.get(i));
                }
            }
            order = List.copyOf(out);
            hasCycle = out.size() > 0 && firstStuck(emitted) >= 0;
        }
        return order;
    }

    private boolean hasCycle;

    private static int firstStuck(boolean[] emitted) {
        for (int i = 0; i < emitted.length; i++) {
            if (!emitted[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The cycles, each as its member ids in source order; a self-dependency is a cycle of one. */
    public synchronized List<List<String>> cycles() {
        if (cycles == null) {
            topologicalOrder();
            List<List<String>> out = new ArrayList<>();
            if (hasCycle) {
                Comparator<String> bySource = Comparator.comparingInt(index::get);
                for (Set<String> scc : new KosarajuStrongConnectivityInspector<>(asGraph()).stronglyConnectedSets()) {
                    if (scc.size() > 1) {
                        List<String> members = new ArrayList<>(scc);
                        members.sort(bySource);
                        out.add(members);
                    }
                }
                for (int i = 0; i < selfLoop.length; i++) {
                    if (selfLoop[i]) {
                        out.add(List.of(ids.get(i)));
                    }
                }
                out.sort(Comparator.comparingInt(c -> index.get(c.get(0))));
            }
            cycles = List.copyOf(out);
        }
        return cycles;
    }

    /** Every id that lies on a cycle. */
    public Set<String> onCycles() {
        Set<String> all = new HashSet<>();
        for (List<String> c : cycles()) {
            all.addAll(c);
        }
        return all;
    }

    /** Ids of the steps {@code id} waits for directly. */
    public List<String> predecessors(String id) {
        return names(predecessors, id);
    }

    /** Ids of the steps that wait for {@code id} directly. */
    public List<String> successors(String id) {
        return names(successors, id);
    }

    private List<String> names(int[][] adjacency, String id) {
        Integer i = index.get(id);
        if (i == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(adjacency[i].length);
        for (int j : adjacency[i]) {
            out.add(ids.get(j));
        }
        return out;
    }

    /** The graph as a JGraphT graph (a fresh copy), for algorithms and exporters. */
    public Graph<String, DefaultEdge> asGraph() {
        Graph<String, DefaultEdge> g = new DirectedMultigraph<>(DefaultEdge.class);
        for (String id : index.keySet()) {
            g.addVertex(id);
        }
        for (int i = 0; i < successors.length; i++) {
            for (int s : successors[i]) {
                g.addEdge(ids.get(i), ids.get(s));
            }
        }
        return g;
    }
}
