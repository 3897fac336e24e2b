package dev.pipelens.layout;

import dev.pipelens.model.StepType;

import java.util.Arrays;

/**
 * Layering of the own layered layout: which column each step sits in. Cycles are broken by a depth-first
 * search in source order; a group with children becomes an entry and an exit vertex joined to its children
 * by zero-length constraints; columns are the longest path from the sources, sources are pulled right next
 * to their first dependant, and steps with no edge follow the step before them in source order (one column
 * further after a wait or block). Fills {@link LayeredGraph#layer}, the groups' spans and representatives.
 */
final class LayerAssignment {

    /** Depth-first search marks: not reached yet, on the current path, finished. */
    private static final byte UNSEEN = 0;
    private static final byte ON_PATH = 1;
    private static final byte FINISHED = 2;

    private static boolean isBarrier(StepType t) {
        return t == StepType.WAIT || t == StepType.BLOCK;
    }

    private final LayeredGraph g;

    LayerAssignment(LayeredGraph g) {
        this.g = g;
    }

    private int vin(int b) {
        return g.n + 2 * b;
    }

    private int vout(int b) {
        return g.n + 2 * b + 1;
    }

    void assign() {
        int v = g.n + 2 * g.nb;
        IntList eu = new IntList();
        IntList ev = new IntList();
        IntList ew = new IntList();
        boolean[] hasEdge = new boolean[g.n];
        for (int k = 0; k < g.ne; k++) {
            int f = g.eFrom[k];
            int t = g.eTo[k];
            if (f == t) {
                continue;
            }
            hasEdge[f] = true;
            hasEdge[t] = true;
            eu.add(g.isBox(f) ? vout(g.boxNo[f]) : f);
            ev.add(g.isBox(t) ? vin(g.boxNo[t]) : t);
            ew.add(1);
        }
        for (int b = 0; b < g.nb; b++) {
            eu.add(vin(b));
            ev.add(vout(b));
            ew.add(0);
            for (int c : g.children[b]) {
                eu.add(vin(b));
                ev.add(c);
                ew.add(0);
                eu.add(c);
                ev.add(vout(b));
                ew.add(0);
            }
        }
        int e = eu.size();
        int[] outStart = Csr.start(v, eu);
        int[] outEdges = Csr.fill(outStart, eu, e);

        // cycle breaking: DFS in source order, group entries before their children
        boolean[] ignored = new boolean[e];
        byte[] state = new byte[v];
        int[] stack = new int[v];
        int[] next = new int[v];
        for (int r = 0; r < g.n + v; r++) {
            int root;
            if (r < g.n) {
                root = g.isBox(r) ? vin(g.boxNo[r]) : r;
            } else {
                root = r - g.n;
            }
            if (state[root] != UNSEEN || root < g.n && g.isBox(root)) {
                continue;
            }
            int sp = 0;
            stack[sp++] = root;
            state[root] = ON_PATH;
            next[root] = outStart[root];
            while (sp > 0) {
                int u = stack[sp - 1];
                if (next[u] < outStart[u + 1]) {
                    int ed = outEdges[next[u]++];
                    int w = ev.get(ed);
                    if (state[w] == ON_PATH) {
                        ignored[ed] = true;
                    } else if (state[w] == UNSEEN) {
                        state[w] = ON_PATH;
                        next[w] = outStart[w];
                        stack[sp++] = w;
                    }
                } else {
                    state[u] = FINISHED;
                    sp--;
                }
            }
        }

        // longest path (Kahn)
        int[] indeg = new int[v];
        for (int ed = 0; ed < e; ed++) {
            if (!ignored[ed]) {
                indeg[ev.get(ed)]++;
            }
        }
        int[] topo = new int[v];
        int head = 0;
        int tail = 0;
        for (int u = 0; u < v; u++) {
            if (indeg[u] == 0 && !(u < g.n && g.isBox(u))) {
                topo[tail++] = u;
            }
        }
        g.layer = new int[v];
        while (head < tail) {
            int u = topo[head++];
            for (int p = outStart[u]; p < outStart[u + 1]; p++) {
                int ed = outEdges[p];
                if (ignored[ed]) {
                    continue;
                }
                int w = ev.get(ed);
                g.layer[w] = Math.max(g.layer[w], g.layer[u] + ew.get(ed));
                if (--indeg[w] == 0) {
                    topo[tail++] = w;
                }
            }
        }
        // pull plain sources right, next to their first dependant
        int[] inCount = new int[v];
        for (int ed = 0; ed < e; ed++) {
            if (!ignored[ed]) {
                inCount[ev.get(ed)]++;
            }
        }
        for (int u = 0; u < g.n; u++) {
            if (!hasEdge[u] || g.isBox(u) || inCount[u] > 0) {
                continue;
            }
            int lim = Integer.MAX_VALUE;
            for (int p = outStart[u]; p < outStart[u + 1]; p++) {
                int ed = outEdges[p];
                if (!ignored[ed]) {
                    lim = Math.min(lim, g.layer[ev.get(ed)] - ew.get(ed));
                }
            }
            if (lim != Integer.MAX_VALUE && lim > g.layer[u]) {
                g.layer[u] = lim;
            }
        }
        // steps without edges follow the step before them in source order
        int topPrev = -1;
        int topPrevBox = -1;
        boolean topBarrier = false;
        int[] grpPrev = new int[g.nb];
        boolean[] grpBarrier = new boolean[g.nb];
        Arrays.fill(grpPrev, -1);
        for (int i = 0; i < g.n; i++) {
            if (g.isBox(i)) {
                topPrevBox = g.boxNo[i];
                topBarrier = false;
                continue;
            }
            int b = g.groupOf[i] < 0 ? -1 : g.boxNo[g.groupOf[i]];
            if (!hasEdge[i]) {
                int cand;
                if (b < 0) {
                    int base = topPrevBox >= 0 ? maxChildLayer(topPrevBox) : topPrev;
                    cand = base < 0 ? 0 : base + (topBarrier ? 1 : 0);
                } else {
                    int lo = g.layer[vin(b)];
                    int hi = g.layer[vout(b)];
                    cand = grpPrev[b] < 0 ? lo : grpPrev[b] + (grpBarrier[b] ? 1 : 0);
                    cand = Math.max(lo, Math.min(cand, hi));
                }
                g.layer[i] = cand;
            }
            if (b < 0) {
                topPrev = g.layer[i];
                topPrevBox = -1;
                topBarrier = isBarrier(g.type(i));
            } else {
                grpPrev[b] = g.layer[i];
                grpBarrier[b] = isBarrier(g.type(i));
            }
        }
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < g.n; i++) {
            if (!g.isBox(i)) {
                min = Math.min(min, g.layer[i]);
            }
        }
        if (min == Integer.MAX_VALUE) {
            min = 0;
        }
        g.layers = 0;
        for (int i = 0; i < g.n; i++) {
            if (!g.isBox(i)) {
                g.layer[i] -= min;
                g.layers = Math.max(g.layers, g.layer[i] + 1);
            }
        }
        g.minL = new int[g.nb];
        g.maxL = new int[g.nb];
        g.repFirst = new int[g.nb];
        g.repLast = new int[g.nb];
        for (int b = 0; b < g.nb; b++) {
            g.minL[b] = Integer.MAX_VALUE;
            g.maxL[b] = -1;
            for (int c : g.children[b]) {
                g.minL[b] = Math.min(g.minL[b], g.layer[c]);
                g.maxL[b] = Math.max(g.maxL[b], g.layer[c]);
            }
            g.repFirst[b] = -1;
            g.repLast[b] = -1;
            for (int c : g.children[b]) {
                if (g.repFirst[b] < 0 && g.layer[c] == g.minL[b]) {
                    g.repFirst[b] = c;
                }
                if (g.repLast[b] < 0 && g.layer[c] == g.maxL[b]) {
                    g.repLast[b] = c;
                }
            }
        }
    }

    private int maxChildLayer(int b) {
        int mx = 0;
        for (int c : g.children[b]) {
            mx = Math.max(mx, g.layer[c]);
        }
        return mx;
    }
}
