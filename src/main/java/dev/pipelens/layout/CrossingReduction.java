package dev.pipelens.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ordering within each column of the own layered layout: barycenter sweeps, alternating direction, keeping
 * the best order by exact crossing count. Each group's members stay contiguous in every column and groups
 * keep their source order relative to each other, so group boxes never overlap. Fills
 * {@link LayeredGraph#order} and {@link LayeredGraph#pos}.
 */
final class CrossingReduction {

    private final LayeredGraph g;

    CrossingReduction(LayeredGraph g) {
        this.g = g;
    }

    void reduce() {
        int[] sizes = new int[Math.max(g.layers, 1)];
        for (int v = 0; v < g.nl; v++) {
            sizes[g.lnLayer[v]]++;
        }
        g.order = new int[sizes.length][];
        int[] fill = new int[sizes.length];
        for (int l = 0; l < sizes.length; l++) {
            g.order[l] = new int[sizes[l]];
        }
        Integer[] byInit = new Integer[g.nl];
        for (int v = 0; v < g.nl; v++) {
            byInit[v] = v;
        }
        Arrays.sort(byInit, Comparator.comparingDouble((Integer v) -> g.lnInit[v]).thenComparingInt(v -> v));
        for (int v : byInit) {
            g.order[g.lnLayer[v]][fill[g.lnLayer[v]]++] = v;
        }
        g.pos = new int[g.nl];
        for (int[] ord : g.order) {
            for (int p = 0; p < ord.length; p++) {
                g.pos[ord[p]] = p;
            }
        }
        double[] key = new double[g.nl];
        blockItem = new int[g.nb];
        Arrays.fill(blockItem, -1);
        for (int l = 0; l < g.order.length; l++) {
            for (int v : g.order[l]) {
                key[v] = g.pos[v];
            }
            sortLayer(l, key);
        }
        long best = crossings();
        int[][] bestOrder = copy(g.order);
        for (int s = 0; s < g.o.sweeps() && best > 0; s++) {
            boolean down = s % 2 == 0;
            if (down) {
                for (int l = 1; l < g.order.length; l++) {
                    sweepLayer(l, l - 1, g.adjUpStart, g.adjUp, key);
                }
            } else {
                for (int l = g.order.length - 2; l >= 0; l--) {
                    sweepLayer(l, l + 1, g.adjDownStart, g.adjDown, key);
                }
            }
            long c = crossings();
            if (c < best) {
                best = c;
                bestOrder = copy(g.order);
            }
        }
        g.order = bestOrder;
        for (int[] ord : g.order) {
            for (int p = 0; p < ord.length; p++) {
                g.pos[ord[p]] = p;
            }
        }
    }

    private static int[][] copy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private void sweepLayer(int l, int fixed, int[] start, int[] adj, double[] key) {
        double fixedSize = Math.max(1, g.order[fixed].length);
        double ownSize = Math.max(1, g.order[l].length);
        for (int v : g.order[l]) {
            int cnt = start[v + 1] - start[v];
            if (cnt == 0) {
                key[v] = (g.pos[v] + 0.5) / ownSize;
            } else {
                double sum = 0;
                for (int p = start[v]; p < start[v + 1]; p++) {
                    sum += (g.pos[adj[p]] + 0.5) / fixedSize;
                }
                key[v] = sum / cnt;
            }
        }
        sortLayer(l, key);
    }

    private int[] blockItem;

    /**
     * Sorts one layer by key while keeping each group's members contiguous and the groups in their
     * fixed (source) order; ties keep the current order.
     */
    private void sortLayer(int l, double[] key) {
        int[] ord = g.order[l];
        int k = ord.length;
        if (k <= 1) {
            return;
        }
        // items: top-level nodes (id >= 0 is the node) and blocks (encoded -1 - box)
        int[] itemRef = new int[k];
        double[] itemKey = new double[k];
        int[] itemFirst = new int[k];
        int[] blockCount = null;
        int items = 0;
        int members = 0;
        for (int p = 0; p < k; p++) {
            int v = ord[p];
            int b = g.lnBox[v];
            if (b < 0) {
                itemRef[items] = v;
                itemKey[items] = key[v];
                itemFirst[items] = p;
                items++;
            } else {
                members++;
                if (blockItem[b] < 0) {
                    blockItem[b] = items;
                    itemRef[items] = -1 - b;
                    itemKey[items] = 0;
                    itemFirst[items] = p;
                    items++;
                }
                itemKey[blockItem[b]] += key[v];
            }
        }
        if (members > 0) {
            blockCount = new int[items];
            for (int p = 0; p < k; p++) {
                int b = g.lnBox[ord[p]];
                if (b >= 0) {
                    blockCount[blockItem[b]]++;
                }
            }
            for (int it = 0; it < items; it++) {
                if (itemRef[it] < 0) {
                    itemKey[it] /= blockCount[it];
                }
            }
        }
        Integer[] idx = new Integer[items];
        for (int it = 0; it < items; it++) {
            idx[it] = it;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(itemKey[a], itemKey[b]);
            return c != 0 ? c : Integer.compare(itemFirst[a], itemFirst[b]);
        });
        if (members > 0) {
            // groups keep their global order: reassign the slots blocks landed in
            List<Integer> blockItems = new ArrayList<>();
            for (Integer it : idx) {
                if (itemRef[it] < 0) {
                    blockItems.add(it);
                }
            }
            blockItems.sort(Comparator.comparingInt(it -> -1 - itemRef[it]));
            int q = 0;
            for (int s = 0; s < items; s++) {
                if (itemRef[idx[s]] < 0) {
                    idx[s] = blockItems.get(q++);
                }
            }
        }
        int[] out = new int[k];
        int w = 0;
        Integer[] mem = null;
        if (members > 0) {
            mem = new Integer[members];
            int mi = 0;
            for (int p = 0; p < k; p++) {
                if (g.lnBox[ord[p]] >= 0) {
                    mem[mi++] = ord[p];
                }
            }
            Arrays.sort(mem, (a, b) -> {
                int c = Integer.compare(g.lnBox[a], g.lnBox[b]);
                if (c != 0) {
                    return c;
                }
                c = Double.compare(key[a], key[b]);
                return c != 0 ? c : Integer.compare(g.pos[a], g.pos[b]);
            });
        }
        for (int s = 0; s < items; s++) {
            int ref = itemRef[idx[s]];
            if (ref >= 0) {
                out[w++] = ref;
            } else {
                int b = -1 - ref;
                int lo = lowerBound(mem, b);
                for (int q = lo; q < mem.length && g.lnBox[mem[q]] == b; q++) {
                    out[w++] = mem[q];
                }
            }
        }
        for (int p = 0; p < k; p++) {
            int b = g.lnBox[ord[p]];
            if (b >= 0) {
                blockItem[b] = -1;
            }
        }
        g.order[l] = out;
        for (int p = 0; p < k; p++) {
            g.pos[out[p]] = p;
        }
    }

    private int lowerBound(Integer[] mem, int box) {
        int lo = 0;
        int hi = mem.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (g.lnBox[mem[mid]] < box) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Exact number of crossings between consecutive layers (sort + Fenwick tree). */
    private long crossings() {
        long total = 0;
        for (int l = 0; l + 1 < g.order.length; l++) {
            int[] pe = g.peByLayer[l];
            if (pe.length < 2) {
                continue;
            }
            long[] pairs = new long[pe.length];
            for (int i = 0; i < pe.length; i++) {
                pairs[i] = ((long) g.pos[g.peU[pe[i]]] << 32) | g.pos[g.peV[pe[i]]];
            }
            Arrays.sort(pairs);
            int size = g.order[l + 1].length;
            int[] tree = new int[size + 1];
            for (int i = 0; i < pairs.length; i++) {
                int p = (int) (pairs[i] & 0xffffffffL);
                // count earlier edges ending strictly below p
                int le = 0;
                for (int x = p + 1; x > 0; x -= x & -x) {
                    le += tree[x];
                }
                total += i - le;
                for (int x = p + 1; x <= size; x += x & -x) {
                    tree[x]++;
                }
            }
        }
        return total;
    }
}
