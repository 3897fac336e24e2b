package dev.pipelens.layout;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Coordinates of the own layered layout: columns as wide as their widest box with gaps that widen with the
 * vertical distance edges cover; vertically a longest-path pass over "below" constraints (node gaps, group
 * title bars and paddings), each node pulled down towards the median of its predecessors so chains run
 * straight and fan-ins are centred. Fills {@link LayeredGraph#colX}, {@link LayeredGraph#colW} and
 * {@link LayeredGraph#y}.
 */
final class CoordinateAssignment {

    private final LayeredGraph g;

    CoordinateAssignment(LayeredGraph g) {
        this.g = g;
    }

    void assign() {
        g.titleHeight = StepBoxes.titleHeight(g.m);
        int nlay = g.order.length;
        g.colW = new double[nlay];
        g.colX = new double[nlay];
        for (int v = 0; v < g.nl; v++) {
            g.colW[g.lnLayer[v]] = Math.max(g.colW[g.lnLayer[v]], g.lnW[v]);
        }
        int nv = g.nl + 2 * g.nb;
        IntList ca = new IntList();
        IntList cb = new IntList();
        DoubleList cd = new DoubleList();
        for (int l = 0; l < nlay; l++) {
            int prev = -1;
            double prevOff = 0;
            boolean prevDummy = false;
            int cur = -1;
            int last = -1;
            for (int v : g.order[l]) {
                int b = g.lnBox[v];
                boolean dummy = g.lnKind[v] == NodeKind.DUMMY;
                if (cur >= 0 && b != cur) {
                    ca.add(last);
                    cb.add(g.tv(cur) + 1);
                    cd.add(g.lnH[last] + LayeredLayout.GROUP_PAD);
                    prev = g.tv(cur) + 1;
                    prevOff = 0;
                    prevDummy = false;
                    cur = -1;
                }
                if (b >= 0) {
                    if (cur != b) {
                        if (prev >= 0) {
                            ca.add(prev);
                            cb.add(g.tv(b));
                            cd.add(prevOff + (prevDummy ? LayeredLayout.DUMMY_GAP : g.o.nodeGap()));
                        }
                        ca.add(g.tv(b));
                        cb.add(v);
                        cd.add(g.titleHeight + LayeredLayout.GROUP_PAD);
                        cur = b;
                    } else {
                        ca.add(last);
                        cb.add(v);
                        cd.add(g.lnH[last] + (dummy || g.lnKind[last] == NodeKind.DUMMY ? LayeredLayout.DUMMY_GAP : g.o.nodeGap()));
                    }
                    last = v;
                } else {
                    if (prev >= 0) {
                        ca.add(prev);
                        cb.add(v);
                        cd.add(prevOff + (dummy || prevDummy ? LayeredLayout.DUMMY_GAP : g.o.nodeGap()));
                    }
                    prev = v;
                    prevOff = g.lnH[v];
                    prevDummy = dummy;
                }
            }
            if (cur >= 0) {
                ca.add(last);
                cb.add(g.tv(cur) + 1);
                cd.add(g.lnH[last] + LayeredLayout.GROUP_PAD);
            }
        }
        for (int b = 0; b < g.nb; b++) {
            ca.add(g.tv(b));
            cb.add(g.tv(b) + 1);
            cd.add(g.titleHeight + 2 * LayeredLayout.GROUP_PAD);
        }
        int ce = ca.size();
        int[] inStart = Csr.start(nv, cb);
        int[] inArcs = Csr.fill(inStart, cb, ce);
        int[] outStart = Csr.start(nv, ca);
        int[] outArcs = Csr.fill(outStart, ca, ce);

        // topological order of the constraints, preferring left columns first
        long[] prio = new long[nv];
        for (int v = 0; v < g.nl; v++) {
            prio[v] = ((long) (2 * g.lnLayer[v] + 1) << 32) + g.pos[v];
        }
        for (int b = 0; b < g.nb; b++) {
            prio[g.tv(b)] = ((long) (2 * g.minL[b] + 1) << 32) - 1;
            prio[g.tv(b) + 1] = (long) (2 * g.maxL[b] + 2) << 32;
        }
        int[] indeg = new int[nv];
        for (int a = 0; a < ce; a++) {
            indeg[cb.get(a)]++;
        }
        PriorityQueue<Integer> pq = new PriorityQueue<>((a, b) -> {
            int c = Long.compare(prio[a], prio[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int v = 0; v < nv; v++) {
            if (indeg[v] == 0) {
                pq.add(v);
            }
        }
        int[] topo = new int[nv];
        int cnt = 0;
        boolean[] done = new boolean[nv];
        while (cnt < nv) {
            if (pq.isEmpty()) {
                // cannot happen with consistent group order; stay total rather than hang
                int pick = -1;
                for (int v = 0; v < nv; v++) {
                    if (!done[v] && (pick < 0 || prio[v] < prio[pick])) {
                        pick = v;
                    }
                }
                indeg[pick] = 0;
                pq.add(pick);
            }
            int u = pq.poll();
            if (done[u]) {
                continue;
            }
            done[u] = true;
            topo[cnt++] = u;
            for (int p = outStart[u]; p < outStart[u + 1]; p++) {
                int w = cb.get(outArcs[p]);
                if (--indeg[w] == 0 && !done[w]) {
                    pq.add(w);
                }
            }
        }

        g.y = new double[nv];
        double[] centres = new double[16];
        for (int pass = 0; pass < 3; pass++) {
            for (int q = 0; q < nv; q++) {
                int v = topo[q];
                double val = 0;
                if (pass > 0 && v < g.nl) {
                    int k = g.adjUpStart[v + 1] - g.adjUpStart[v];
                    if (k > 0) {
                        if (centres.length < k) {
                            centres = new double[k * 2];
                        }
                        for (int p = 0; p < k; p++) {
                            int u = g.adjUp[g.adjUpStart[v] + p];
                            centres[p] = g.y[u] + g.lnH[u] / 2;
                        }
                        Arrays.sort(centres, 0, k);
                        double med = k % 2 == 1 ? centres[k / 2] : (centres[k / 2 - 1] + centres[k / 2]) / 2;
                        val = Math.max(0, med - g.lnH[v] / 2);
                    }
                }
                for (int p = inStart[v]; p < inStart[v + 1]; p++) {
                    int a = inArcs[p];
                    val = Math.max(val, g.y[ca.get(a)] + cd.get(a));
                }
                g.y[v] = val;
            }
        }
        // columns: gaps widen with the vertical distance edges must cover between them
        double[] span = new double[nlay];
        for (int p = 0; p < g.peU.length; p++) {
            int l = g.lnLayer[g.peU[p]];
            span[l] = Math.max(span[l], Math.abs(g.centre(g.peU[p]) - g.centre(g.peV[p])));
        }
        double x = 0;
        for (int l = 0; l < nlay; l++) {
            g.colX[l] = x;
            double gap = Math.min(g.o.layerGap() * 2.5, Math.max(g.o.layerGap(), g.o.layerGap() * 0.5 + span[l] * 0.12));
            x += g.colW[l] + Math.ceil(gap);
        }
    }
}
