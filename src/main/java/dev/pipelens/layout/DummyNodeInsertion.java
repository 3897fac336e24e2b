package dev.pipelens.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The layered graph of the own layered layout: one node per visible step, a filler per column a group spans
 * without a child there, and one dummy node per column a long edge crosses, shortest edges first, up to the
 * bend budget ({@link LayoutOptions#maxBendPoints()}); the rest are drawn {@link LayoutEdge.Route#DIRECT}
 * and edges against the layering {@link LayoutEdge.Route#BACK}. Also builds the adjacency of that graph.
 */
final class DummyNodeInsertion {

    private final LayeredGraph g;

    DummyNodeInsertion(LayeredGraph g) {
        this.g = g;
    }

    void insert() {
        g.route = new LayoutEdge.Route[g.ne];
        Arrays.fill(g.route, LayoutEdge.Route.LAYERED);
        long budget = g.o.maxBendPoints() < 0 ? 4L * g.n + 2000 : g.o.maxBendPoints();
        List<Integer> longOnes = new ArrayList<>();
        for (int k = 0; k < g.ne; k++) {
            if (g.eFrom[k] == g.eTo[k] || g.fromLayer(k) >= g.toLayer(k)) {
                g.route[k] = LayoutEdge.Route.BACK;
            } else if (g.toLayer(k) - g.fromLayer(k) > 1) {
                longOnes.add(k);
            }
        }
        longOnes.sort(Comparator.comparingInt((Integer k) -> g.toLayer(k) - g.fromLayer(k)).thenComparingInt(k -> k));
        long used = 0;
        int dummies = 0;
        for (int k : longOnes) {
            int cost = g.toLayer(k) - g.fromLayer(k) - 1;
            if (used + cost <= budget) {
                used += cost;
                dummies += cost;
            } else {
                g.route[k] = LayoutEdge.Route.DIRECT;
            }
        }
        // fillers: layers inside a group's span where it has no child
        boolean[][] present = new boolean[g.nb][];
        int fillers = 0;
        for (int b = 0; b < g.nb; b++) {
            present[b] = new boolean[g.maxL[b] - g.minL[b] + 1];
            for (int c : g.children[b]) {
                present[b][g.layer[c] - g.minL[b]] = true;
            }
            for (boolean p : present[b]) {
                fillers += p ? 0 : 1;
            }
        }
        int visible = 0;
        for (int i = 0; i < g.n; i++) {
            visible += g.isBox(i) ? 0 : 1;
        }
        g.nl = visible + fillers + dummies;
        g.lnLayer = new int[g.nl];
        g.lnBox = new int[g.nl];
        g.lnKind = new NodeKind[g.nl];
        g.lnRef = new int[g.nl];
        g.lnW = new double[g.nl];
        g.lnH = new double[g.nl];
        g.lnInit = new double[g.nl];
        g.lnOfStep = new int[g.n];
        Arrays.fill(g.lnOfStep, -1);
        int v = 0;
        for (int i = 0; i < g.n; i++) {
            if (g.isBox(i)) {
                continue;
            }
            g.lnOfStep[i] = v;
            g.lnLayer[v] = g.layer[i];
            g.lnBox[v] = g.groupOf[i] < 0 ? -1 : g.boxNo[g.groupOf[i]];
            g.lnKind[v] = NodeKind.REAL;
            g.lnRef[v] = i;
            g.lnInit[v] = i;
            sizeNode(v, i);
            v++;
        }
        for (int b = 0; b < g.nb; b++) {
            for (int d = 0; d < present[b].length; d++) {
                if (!present[b][d]) {
                    g.lnLayer[v] = g.minL[b] + d;
                    g.lnBox[v] = b;
                    g.lnKind[v] = NodeKind.FILLER;
                    g.lnRef[v] = b;
                    g.lnInit[v] = g.boxStep[b] + 0.25;
                    v++;
                }
            }
        }
        g.dummyStart = new int[g.ne];
        Arrays.fill(g.dummyStart, -1);
        IntList pu = new IntList();
        IntList pv = new IntList();
        for (int k = 0; k < g.ne; k++) {
            if (g.route[k] != LayoutEdge.Route.LAYERED) {
                continue;
            }
            int f = g.eFrom[k];
            int t = g.eTo[k];
            int src = g.isBox(f) ? g.lnOfStep[g.repLast[g.boxNo[f]]] : g.lnOfStep[f];
            int tgt = g.isBox(t) ? g.lnOfStep[g.repFirst[g.boxNo[t]]] : g.lnOfStep[t];
            int box = !g.isBox(f) && !g.isBox(t) && g.groupOf[f] >= 0 && g.groupOf[f] == g.groupOf[t]
                    ? g.boxNo[g.groupOf[f]] : -1;
            int prev = src;
            int from = g.fromLayer(k);
            int to = g.toLayer(k);
            if (to - from > 1) {
                g.dummyStart[k] = v;
            }
            for (int l = from + 1; l < to; l++) {
                g.lnLayer[v] = l;
                g.lnBox[v] = box;
                g.lnKind[v] = NodeKind.DUMMY;
                g.lnRef[v] = k;
                g.lnInit[v] = f + 0.5;
                pu.add(prev);
                pv.add(v);
                prev = v;
                v++;
            }
            pu.add(prev);
            pv.add(tgt);
        }
        g.peU = pu.toArray();
        g.peV = pv.toArray();
        g.adjUpStart = Csr.start(g.nl, pv);
        g.adjUp = Csr.fillValues(g.adjUpStart, pv, pu);
        g.adjDownStart = Csr.start(g.nl, pu);
        g.adjDown = Csr.fillValues(g.adjDownStart, pu, pv);
        IntList[] byLayer = new IntList[Math.max(g.layers, 1)];
        for (int l = 0; l < byLayer.length; l++) {
            byLayer[l] = new IntList();
        }
        for (int p = 0; p < g.peU.length; p++) {
            byLayer[g.lnLayer[g.peU[p]]].add(p);
        }
        g.peByLayer = new int[byLayer.length][];
        for (int l = 0; l < byLayer.length; l++) {
            g.peByLayer[l] = byLayer[l].toArray();
        }
    }

    private void sizeNode(int v, int i) {
        double[] wh = StepBoxes.size(g.steps.get(i), g.lines.get(i), g.m, g.o);
        g.lnW[v] = wh[0];
        g.lnH[v] = wh[1];
    }
}
