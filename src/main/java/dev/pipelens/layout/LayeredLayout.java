package dev.pipelens.layout;

import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A home-made Sugiyama layout, left to right:
 * <ol>
 * <li><b>cycle breaking</b>: a depth-first search in source order ignores the edges that close a cycle;</li>
 * <li><b>layering</b>: longest path from the sources. A group with children becomes an entry and an exit
 *     vertex joined to its children by zero-length constraints, so a step that depends on a group lands
 *     right of all its children. Sources are then pulled right next to their first dependant, and steps
 *     with no edge at all (skipped steps) take the column of the step before them in source order (one
 *     further after a wait or block);</li>
 * <li><b>long edges</b> get one dummy node per column crossed, shortest first, up to a budget
 *     ({@link LayoutOptions#maxBendPoints()}); the rest are drawn straight, so fan-outs over many columns
 *     cannot blow up;</li>
 * <li><b>crossing reduction</b>: barycenter sweeps, alternating direction, keeping the best order by
 *     exact crossing count. Each group's members stay contiguous in every column, and groups keep their
 *     source order relative to each other, so group boxes never overlap;</li>
 * <li><b>coordinates</b>: columns as wide as their widest box; vertically a longest-path pass over
 *     "below" constraints (node gaps, group title bars and paddings) with each node pulled down towards
 *     the median of its predecessors, so chains run straight and fan-ins are centred.</li>
 * </ol>
 * Everything is array based and linear or n log n per sweep; ties break by source order, so the same plan
 * always gives the same coordinates.
 */
public final class LayeredLayout implements GraphLayout {

    static final double MARGIN = StepBoxes.MARGIN;
    static final double GROUP_PAD = StepBoxes.GROUP_PAD;
    static final double DUMMY_GAP = 8;

    private final LayoutOptions options;

    public LayeredLayout() {
        this(LayoutOptions.defaults());
    }

    public LayeredLayout(LayoutOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    public LayoutOptions options() {
        return options;
    }

    @Override
    public Layout layout(Plan plan) {
        return new Run(plan, options).run();
    }

    /** Width of the job-count badge drawn at the right of a box, 0 for one job. */
    public static double badgeWidth(TextMeasurer m, int jobs) {
        return jobs > 1 ? m.width(badgeText(jobs)) + 12 : 0;
    }

    /** The job-count badge text. */
    public static String badgeText(int jobs) {
        return "\u00d7" + jobs;
    }

    private static boolean isBarrier(StepType t) {
        return t == StepType.WAIT || t == StepType.BLOCK;
    }

    /** One layout computation; all state is local to it. */
    private static final class Run {
        private static final int REAL = 0;
        private static final int FILLER = 1;
        private static final int DUMMY = 2;

        private final LayoutOptions o;
        private final TextMeasurer m;
        private final Plan plan;

        private final List<PlannedStep> steps = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private int n;
        private int[] groupOf;
        private int[] boxNo;
        private int[] boxStep;
        private int nb;
        private int[][] children;

        // drawn edges (deduplicated, both ends known)
        private int ne;
        private int[] eFrom;
        private int[] eTo;
        private PlanEdge[] eOrig;

        private int[] layer;
        private int[] minL;
        private int[] maxL;
        private int layers;

        // layered nodes
        private int nl;
        private int[] lnLayer;
        private int[] lnBox;
        private int[] lnKind;
        private int[] lnRef;
        private double[] lnW;
        private double[] lnH;
        private double[] lnInit;
        private int[] lnOfStep;
        private int[] repFirst;
        private int[] repLast;
        private int[] dummyStart;
        private int[] route; // 0 layered, 1 direct, 2 back
        private List<List<String>> lines;

        private int[] adjUpStart;
        private int[] adjUp;
        private int[] adjDownStart;
        private int[] adjDown;
        private int[] peU;
        private int[] peV;
        private int[][] peByLayer;

        private int[][] order;
        private int[] pos;

        private double[] colX;
        private double[] colW;
        private double[] y;
        private double titleHeight;

        Run(Plan plan, LayoutOptions o) {
            this.plan = plan;
            this.o = o;
            this.m = o.measurer();
        }

        Layout run() {
            readSteps();
            readEdges();
            assignLayers();
            buildLayeredGraph();
            reduceCrossings();
            assignCoordinates();
            return output();
        }

        // ---------------------------------------------------------------- input

        private void readSteps() {
            for (PlannedStep s : plan.steps()) {
                if (s != null && s.id() != null && !index.containsKey(s.id())) {
                    index.put(s.id(), steps.size());
                    steps.add(s);
                }
            }
            n = steps.size();
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                String g = steps.get(i).group();
                Integer gi = g == null ? null : index.get(g);
                parent[i] = gi != null && gi != i && steps.get(gi).type() == StepType.GROUP ? gi : -1;
            }
            groupOf = new int[n];
            for (int i = 0; i < n; i++) {
                int top = -1;
                int cur = parent[i];
                int guard = 0;
                while (cur >= 0 && cur != i && guard++ <= n) {
                    top = cur;
                    cur = parent[cur];
                }
                groupOf[i] = cur == i || guard > n ? -1 : top;
            }
            // a group that is itself inside a group loop is not a box: its children become top level
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                if (groupOf[i] >= 0 && groupOf[groupOf[i]] < 0) {
                    count[groupOf[i]]++;
                } else {
                    groupOf[i] = groupOf[i] >= 0 && groupOf[groupOf[i]] >= 0 ? -1 : groupOf[i];
                }
            }
            boxNo = new int[n];
            Arrays.fill(boxNo, -1);
            int[] tmp = new int[n];
            for (int i = 0; i < n; i++) {
                if (count[i] > 0) {
                    boxNo[i] = nb;
                    tmp[nb++] = i;
                }
            }
            boxStep = Arrays.copyOf(tmp, nb);
            children = new int[nb][];
            int[] fill = new int[nb];
            for (int b = 0; b < nb; b++) {
                children[b] = new int[count[boxStep[b]]];
            }
            for (int i = 0; i < n; i++) {
                if (groupOf[i] >= 0) {
                    int b = boxNo[groupOf[i]];
                    children[b][fill[b]++] = i;
                }
            }
            lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                PlannedStep s = steps.get(i);
                lines.add(isBox(i) ? List.of() : StepBoxes.lines(s, m, o));
            }
        }

        private boolean isBox(int i) {
            return boxNo[i] >= 0;
        }

        private StepType type(int i) {
            StepType t = steps.get(i).type();
            return t == null ? StepType.COMMAND : t;
        }

        private void readEdges() {
            List<int[]> list = new ArrayList<>();
            List<PlanEdge> orig = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (PlanEdge e : plan.edges()) {
                if (e == null || e.from() == null || e.to() == null) {
                    continue;
                }
                Integer f = index.get(e.from());
                Integer t = index.get(e.to());
                if (f == null || t == null || !seen.add((long) f * n + t)) {
                    continue;
                }
                list.add(new int[] {f, t});
                orig.add(e);
            }
            ne = list.size();
            eFrom = new int[ne];
            eTo = new int[ne];
            eOrig = orig.toArray(new PlanEdge[0]);
            for (int k = 0; k < ne; k++) {
                eFrom[k] = list.get(k)[0];
                eTo[k] = list.get(k)[1];
            }
        }

        // ---------------------------------------------------------------- layering

        private int vin(int b) {
            return n + 2 * b;
        }

        private int vout(int b) {
            return n + 2 * b + 1;
        }

        private void assignLayers() {
            int v = n + 2 * nb;
            IntList eu = new IntList();
            IntList ev = new IntList();
            IntList ew = new IntList();
            boolean[] hasEdge = new boolean[n];
            for (int k = 0; k < ne; k++) {
                int f = eFrom[k];
                int t = eTo[k];
                if (f == t) {
                    continue;
                }
                hasEdge[f] = true;
                hasEdge[t] = true;
                eu.add(isBox(f) ? vout(boxNo[f]) : f);
                ev.add(isBox(t) ? vin(boxNo[t]) : t);
                ew.add(1);
            }
            for (int b = 0; b < nb; b++) {
                eu.add(vin(b));
                ev.add(vout(b));
                ew.add(0);
                for (int c : children[b]) {
                    eu.add(vin(b));
                    ev.add(c);
                    ew.add(0);
                    eu.add(c);
                    ev.add(vout(b));
                    ew.add(0);
                }
            }
            int e = eu.size();
            int[] outStart = csrStart(v, eu);
            int[] outEdges = csrFill(outStart, eu, e);

            // cycle breaking: DFS in source order, group entries before their children
            boolean[] ignored = new boolean[e];
            byte[] state = new byte[v];
            int[] stack = new int[v];
            int[] next = new int[v];
            for (int r = 0; r < n + v; r++) {
                int root;
                if (r < n) {
                    root = isBox(r) ? vin(boxNo[r]) : r;
                } else {
                    root = r - n;
                }
                if (state[root] != 0 || root < n && isBox(root)) {
                    continue;
                }
                int sp = 0;
                stack[sp++] = root;
                state[root] = 1;
                next[root] = outStart[root];
                while (sp > 0) {
                    int u = stack[sp - 1];
                    if (next[u] < outStart[u + 1]) {
                        int ed = outEdges[next[u]++];
                        int w = ev.get(ed);
                        if (state[w] == 1) {
                            ignored[ed] = true;
                        } else if (state[w] == 0) {
                            state[w] = 1;
                            next[w] = outStart[w];
                            stack[sp++] = w;
                        }
                    } else {
                        state[u] = 2;
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
                if (indeg[u] == 0 && !(u < n && isBox(u))) {
                    topo[tail++] = u;
                }
            }
            layer = new int[v];
            while (head < tail) {
                int u = topo[head++];
                for (int p = outStart[u]; p < outStart[u + 1]; p++) {
                    int ed = outEdges[p];
                    if (ignored[ed]) {
                        continue;
                    }
                    int w = ev.get(ed);
                    layer[w] = Math.max(layer[w], layer[u] + ew.get(ed));
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
            for (int u = 0; u < n; u++) {
                if (!hasEdge[u] || isBox(u) || inCount[u] > 0) {
                    continue;
                }
                int lim = Integer.MAX_VALUE;
                for (int p = outStart[u]; p < outStart[u + 1]; p++) {
                    int ed = outEdges[p];
                    if (!ignored[ed]) {
                        lim = Math.min(lim, layer[ev.get(ed)] - ew.get(ed));
                    }
                }
                if (lim != Integer.MAX_VALUE && lim > layer[u]) {
                    layer[u] = lim;
                }
            }
            // steps without edges follow the step before them in source order
            int topPrev = -1;
            int topPrevBox = -1;
            boolean topBarrier = false;
            int[] grpPrev = new int[nb];
            boolean[] grpBarrier = new boolean[nb];
            Arrays.fill(grpPrev, -1);
            for (int i = 0; i < n; i++) {
                if (isBox(i)) {
                    topPrevBox = boxNo[i];
                    topBarrier = false;
                    continue;
                }
                int b = groupOf[i] < 0 ? -1 : boxNo[groupOf[i]];
                if (!hasEdge[i]) {
                    int cand;
                    if (b < 0) {
                        int base = topPrevBox >= 0 ? maxChildLayer(topPrevBox) : topPrev;
                        cand = base < 0 ? 0 : base + (topBarrier ? 1 : 0);
                    } else {
                        int lo = layer[vin(b)];
                        int hi = layer[vout(b)];
                        cand = grpPrev[b] < 0 ? lo : grpPrev[b] + (grpBarrier[b] ? 1 : 0);
                        cand = Math.max(lo, Math.min(cand, hi));
                    }
                    layer[i] = cand;
                }
                if (b < 0) {
                    topPrev = layer[i];
                    topPrevBox = -1;
                    topBarrier = isBarrier(type(i));
                } else {
                    grpPrev[b] = layer[i];
                    grpBarrier[b] = isBarrier(type(i));
                }
            }
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (!isBox(i)) {
                    min = Math.min(min, layer[i]);
                }
            }
            if (min == Integer.MAX_VALUE) {
                min = 0;
            }
            layers = 0;
            for (int i = 0; i < n; i++) {
                if (!isBox(i)) {
                    layer[i] -= min;
                    layers = Math.max(layers, layer[i] + 1);
                }
            }
            minL = new int[nb];
            maxL = new int[nb];
            repFirst = new int[nb];
            repLast = new int[nb];
            for (int b = 0; b < nb; b++) {
                minL[b] = Integer.MAX_VALUE;
                maxL[b] = -1;
                for (int c : children[b]) {
                    minL[b] = Math.min(minL[b], layer[c]);
                    maxL[b] = Math.max(maxL[b], layer[c]);
                }
                repFirst[b] = -1;
                repLast[b] = -1;
                for (int c : children[b]) {
                    if (repFirst[b] < 0 && layer[c] == minL[b]) {
                        repFirst[b] = c;
                    }
                    if (repLast[b] < 0 && layer[c] == maxL[b]) {
                        repLast[b] = c;
                    }
                }
            }
        }

        private int maxChildLayer(int b) {
            int mx = 0;
            for (int c : children[b]) {
                mx = Math.max(mx, layer[c]);
            }
            return mx;
        }

        private int fromLayer(int k) {
            int f = eFrom[k];
            return isBox(f) ? maxL[boxNo[f]] : layer[f];
        }

        private int toLayer(int k) {
            int t = eTo[k];
            return isBox(t) ? minL[boxNo[t]] : layer[t];
        }

        // ---------------------------------------------------------------- layered graph

        private void buildLayeredGraph() {
            route = new int[ne];
            long budget = o.maxBendPoints() < 0 ? 4L * n + 2000 : o.maxBendPoints();
            List<Integer> longOnes = new ArrayList<>();
            for (int k = 0; k < ne; k++) {
                if (eFrom[k] == eTo[k] || fromLayer(k) >= toLayer(k)) {
                    route[k] = 2;
                } else if (toLayer(k) - fromLayer(k) > 1) {
                    longOnes.add(k);
                }
            }
            longOnes.sort(Comparator.comparingInt((Integer k) -> toLayer(k) - fromLayer(k)).thenComparingInt(k -> k));
            long used = 0;
            int dummies = 0;
            for (int k : longOnes) {
                int cost = toLayer(k) - fromLayer(k) - 1;
                if (used + cost <= budget) {
                    used += cost;
                    dummies += cost;
                } else {
                    route[k] = 1;
                }
            }
            // fillers: layers inside a group's span where it has no child
            boolean[][] present = new boolean[nb][];
            int fillers = 0;
            for (int b = 0; b < nb; b++) {
                present[b] = new boolean[maxL[b] - minL[b] + 1];
                for (int c : children[b]) {
                    present[b][layer[c] - minL[b]] = true;
                }
                for (boolean p : present[b]) {
                    fillers += p ? 0 : 1;
                }
            }
            int visible = 0;
            for (int i = 0; i < n; i++) {
                visible += isBox(i) ? 0 : 1;
            }
            nl = visible + fillers + dummies;
            lnLayer = new int[nl];
            lnBox = new int[nl];
            lnKind = new int[nl];
            lnRef = new int[nl];
            lnW = new double[nl];
            lnH = new double[nl];
            lnInit = new double[nl];
            lnOfStep = new int[n];
            Arrays.fill(lnOfStep, -1);
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (isBox(i)) {
                    continue;
                }
                lnOfStep[i] = v;
                lnLayer[v] = layer[i];
                lnBox[v] = groupOf[i] < 0 ? -1 : boxNo[groupOf[i]];
                lnKind[v] = REAL;
                lnRef[v] = i;
                lnInit[v] = i;
                sizeNode(v, i);
                v++;
            }
            for (int b = 0; b < nb; b++) {
                for (int d = 0; d < present[b].length; d++) {
                    if (!present[b][d]) {
                        lnLayer[v] = minL[b] + d;
                        lnBox[v] = b;
                        lnKind[v] = FILLER;
                        lnRef[v] = b;
                        lnInit[v] = boxStep[b] + 0.25;
                        v++;
                    }
                }
            }
            dummyStart = new int[ne];
            Arrays.fill(dummyStart, -1);
            IntList pu = new IntList();
            IntList pv = new IntList();
            for (int k = 0; k < ne; k++) {
                if (route[k] != 0) {
                    continue;
                }
                int f = eFrom[k];
                int t = eTo[k];
                int src = isBox(f) ? lnOfStep[repLast[boxNo[f]]] : lnOfStep[f];
                int tgt = isBox(t) ? lnOfStep[repFirst[boxNo[t]]] : lnOfStep[t];
                int box = !isBox(f) && !isBox(t) && groupOf[f] >= 0 && groupOf[f] == groupOf[t]
                        ? boxNo[groupOf[f]] : -1;
                int prev = src;
                int from = fromLayer(k);
                int to = toLayer(k);
                if (to - from > 1) {
                    dummyStart[k] = v;
                }
                for (int l = from + 1; l < to; l++) {
                    lnLayer[v] = l;
                    lnBox[v] = box;
                    lnKind[v] = DUMMY;
                    lnRef[v] = k;
                    lnInit[v] = f + 0.5;
                    pu.add(prev);
                    pv.add(v);
                    prev = v;
                    v++;
                }
                pu.add(prev);
                pv.add(tgt);
            }
            peU = pu.toArray();
            peV = pv.toArray();
            adjUpStart = csrStart(nl, pv);
            adjUp = csrFillValues(adjUpStart, pv, pu);
            adjDownStart = csrStart(nl, pu);
            adjDown = csrFillValues(adjDownStart, pu, pv);
            IntList[] byLayer = new IntList[Math.max(layers, 1)];
            for (int l = 0; l < byLayer.length; l++) {
                byLayer[l] = new IntList();
            }
            for (int p = 0; p < peU.length; p++) {
                byLayer[lnLayer[peU[p]]].add(p);
            }
            peByLayer = new int[byLayer.length][];
            for (int l = 0; l < byLayer.length; l++) {
                peByLayer[l] = byLayer[l].toArray();
            }
        }

        private void sizeNode(int v, int i) {
            double[] wh = StepBoxes.size(steps.get(i), lines.get(i), m, o);
            lnW[v] = wh[0];
            lnH[v] = wh[1];
        }

        // ---------------------------------------------------------------- ordering

        private void reduceCrossings() {
            int[] sizes = new int[Math.max(layers, 1)];
            for (int v = 0; v < nl; v++) {
                sizes[lnLayer[v]]++;
            }
            order = new int[sizes.length][];
            int[] fill = new int[sizes.length];
            for (int l = 0; l < sizes.length; l++) {
                order[l] = new int[sizes[l]];
            }
            Integer[] byInit = new Integer[nl];
            for (int v = 0; v < nl; v++) {
                byInit[v] = v;
            }
            Arrays.sort(byInit, Comparator.comparingDouble((Integer v) -> lnInit[v]).thenComparingInt(v -> v));
            for (int v : byInit) {
                order[lnLayer[v]][fill[lnLayer[v]]++] = v;
            }
            pos = new int[nl];
            for (int[] ord : order) {
                for (int p = 0; p < ord.length; p++) {
                    pos[ord[p]] = p;
                }
            }
            double[] key = new double[nl];
            blockItem = new int[nb];
            Arrays.fill(blockItem, -1);
            for (int l = 0; l < order.length; l++) {
                for (int v : order[l]) {
                    key[v] = pos[v];
                }
                sortLayer(l, key);
            }
            long best = crossings();
            int[][] bestOrder = copy(order);
            for (int s = 0; s < o.sweeps() && best > 0; s++) {
                boolean down = s % 2 == 0;
                if (down) {
                    for (int l = 1; l < order.length; l++) {
                        sweepLayer(l, l - 1, adjUpStart, adjUp, key);
                    }
                } else {
                    for (int l = order.length - 2; l >= 0; l--) {
                        sweepLayer(l, l + 1, adjDownStart, adjDown, key);
                    }
                }
                long c = crossings();
                if (c < best) {
                    best = c;
                    bestOrder = copy(order);
                }
            }
            order = bestOrder;
            for (int[] ord : order) {
                for (int p = 0; p < ord.length; p++) {
                    pos[ord[p]] = p;
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
            double fixedSize = Math.max(1, order[fixed].length);
            double ownSize = Math.max(1, order[l].length);
            for (int v : order[l]) {
                int cnt = start[v + 1] - start[v];
                if (cnt == 0) {
                    key[v] = (pos[v] + 0.5) / ownSize;
                } else {
                    double sum = 0;
                    for (int p = start[v]; p < start[v + 1]; p++) {
                        sum += (pos[adj[p]] + 0.5) / fixedSize;
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
            int[] ord = order[l];
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
                int b = lnBox[v];
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
                    int b = lnBox[ord[p]];
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
                    if (lnBox[ord[p]] >= 0) {
                        mem[mi++] = ord[p];
                    }
                }
                Arrays.sort(mem, (a, b) -> {
                    int c = Integer.compare(lnBox[a], lnBox[b]);
                    if (c != 0) {
                        return c;
                    }
                    c = Double.compare(key[a], key[b]);
                    return c != 0 ? c : Integer.compare(pos[a], pos[b]);
                });
            }
            for (int s = 0; s < items; s++) {
                int ref = itemRef[idx[s]];
                if (ref >= 0) {
                    out[w++] = ref;
                } else {
                    int b = -1 - ref;
                    int lo = lowerBound(mem, b);
                    for (int q = lo; q < mem.length && lnBox[mem[q]] == b; q++) {
                        out[w++] = mem[q];
                    }
                }
            }
            for (int p = 0; p < k; p++) {
                int b = lnBox[ord[p]];
                if (b >= 0) {
                    blockItem[b] = -1;
                }
            }
            order[l] = out;
            for (int p = 0; p < k; p++) {
                pos[out[p]] = p;
            }
        }

        private int lowerBound(Integer[] mem, int box) {
            int lo = 0;
            int hi = mem.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (lnBox[mem[mid]] < box) {
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
            for (int l = 0; l + 1 < order.length; l++) {
                int[] pe = peByLayer[l];
                if (pe.length < 2) {
                    continue;
                }
                long[] pairs = new long[pe.length];
                for (int i = 0; i < pe.length; i++) {
                    pairs[i] = ((long) pos[peU[pe[i]]] << 32) | pos[peV[pe[i]]];
                }
                Arrays.sort(pairs);
                int size = order[l + 1].length;
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

        // ---------------------------------------------------------------- coordinates

        private void assignCoordinates() {
            titleHeight = StepBoxes.titleHeight(m);
            int nlay = order.length;
            colW = new double[nlay];
            colX = new double[nlay];
            for (int v = 0; v < nl; v++) {
                colW[lnLayer[v]] = Math.max(colW[lnLayer[v]], lnW[v]);
            }
            int nv = nl + 2 * nb;
            IntList ca = new IntList();
            IntList cb = new IntList();
            DoubleList cd = new DoubleList();
            for (int l = 0; l < nlay; l++) {
                int prev = -1;
                double prevOff = 0;
                boolean prevDummy = false;
                int cur = -1;
                int last = -1;
                for (int v : order[l]) {
                    int b = lnBox[v];
                    boolean dummy = lnKind[v] == DUMMY;
                    if (cur >= 0 && b != cur) {
                        ca.add(last);
                        cb.add(tv(cur) + 1);
                        cd.add(lnH[last] + GROUP_PAD);
                        prev = tv(cur) + 1;
                        prevOff = 0;
                        prevDummy = false;
                        cur = -1;
                    }
                    if (b >= 0) {
                        if (cur != b) {
                            if (prev >= 0) {
                                ca.add(prev);
                                cb.add(tv(b));
                                cd.add(prevOff + (prevDummy ? DUMMY_GAP : o.nodeGap()));
                            }
                            ca.add(tv(b));
                            cb.add(v);
                            cd.add(titleHeight + GROUP_PAD);
                            cur = b;
                        } else {
                            ca.add(last);
                            cb.add(v);
                            cd.add(lnH[last] + (dummy || lnKind[last] == DUMMY ? DUMMY_GAP : o.nodeGap()));
                        }
                        last = v;
                    } else {
                        if (prev >= 0) {
                            ca.add(prev);
                            cb.add(v);
                            cd.add(prevOff + (dummy || prevDummy ? DUMMY_GAP : o.nodeGap()));
                        }
                        prev = v;
                        prevOff = lnH[v];
                        prevDummy = dummy;
                    }
                }
                if (cur >= 0) {
                    ca.add(last);
                    cb.add(tv(cur) + 1);
                    cd.add(lnH[last] + GROUP_PAD);
                }
            }
            for (int b = 0; b < nb; b++) {
                ca.add(tv(b));
                cb.add(tv(b) + 1);
                cd.add(titleHeight + 2 * GROUP_PAD);
            }
            int ce = ca.size();
            int[] inStart = csrStart(nv, cb);
            int[] inArcs = csrFill(inStart, cb, ce);
            int[] outStart = csrStart(nv, ca);
            int[] outArcs = csrFill(outStart, ca, ce);

            // topological order of the constraints, preferring left columns first
            long[] prio = new long[nv];
            for (int v = 0; v < nl; v++) {
                prio[v] = ((long) (2 * lnLayer[v] + 1) << 32) + pos[v];
            }
            for (int b = 0; b < nb; b++) {
                prio[tv(b)] = ((long) (2 * minL[b] + 1) << 32) - 1;
                prio[tv(b) + 1] = (long) (2 * maxL[b] + 2) << 32;
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

            y = new double[nv];
            double[] centres = new double[16];
            for (int pass = 0; pass < 3; pass++) {
                for (int q = 0; q < nv; q++) {
                    int v = topo[q];
                    double val = 0;
                    if (pass > 0 && v < nl) {
                        int k = adjUpStart[v + 1] - adjUpStart[v];
                        if (k > 0) {
                            if (centres.length < k) {
                                centres = new double[k * 2];
                            }
                            for (int p = 0; p < k; p++) {
                                int u = adjUp[adjUpStart[v] + p];
                                centres[p] = y[u] + lnH[u] / 2;
                            }
                            Arrays.sort(centres, 0, k);
                            double med = k % 2 == 1 ? centres[k / 2] : (centres[k / 2 - 1] + centres[k / 2]) / 2;
                            val = Math.max(0, med - lnH[v] / 2);
                        }
                    }
                    for (int p = inStart[v]; p < inStart[v + 1]; p++) {
                        int a = inArcs[p];
                        val = Math.max(val, y[ca.get(a)] + cd.get(a));
                    }
                    y[v] = val;
                }
            }
            // columns: gaps widen with the vertical distance edges must cover between them
            double[] span = new double[nlay];
            for (int p = 0; p < peU.length; p++) {
                int l = lnLayer[peU[p]];
                span[l] = Math.max(span[l], Math.abs(centre(peU[p]) - centre(peV[p])));
            }
            double x = 0;
            for (int l = 0; l < nlay; l++) {
                colX[l] = x;
                double gap = Math.min(o.layerGap() * 2.5, Math.max(o.layerGap(), o.layerGap() * 0.5 + span[l] * 0.12));
                x += colW[l] + Math.ceil(gap);
            }
        }

        private int tv(int b) {
            return nl + 2 * b;
        }

        // ---------------------------------------------------------------- output

        private Layout output() {
            Rect[] nodeRect = new Rect[n];
            for (int i = 0; i < n; i++) {
                int v = lnOfStep[i];
                if (v >= 0) {
                    int l = lnLayer[v];
                    nodeRect[i] = new Rect(colX[l] + (colW[l] - lnW[v]) / 2, y[v], lnW[v], lnH[v]);
                }
            }
            Rect[] boxRect = new Rect[nb];
            for (int b = 0; b < nb; b++) {
                double x0 = colX[minL[b]] - GROUP_PAD;
                double x1 = colX[maxL[b]] + colW[maxL[b]] + GROUP_PAD;
                boxRect[b] = new Rect(x0, y[tv(b)], x1 - x0, y[tv(b) + 1] - y[tv(b)]);
            }
            List<List<Point>> edgePoints = new ArrayList<>(ne);
            int backs = 0;
            for (int k = 0; k < ne; k++) {
                int f = eFrom[k];
                int t = eTo[k];
                Rect fr = isBox(f) ? boxRect[boxNo[f]] : nodeRect[f];
                Rect tr = isBox(t) ? boxRect[boxNo[t]] : nodeRect[t];
                List<Point> pts = new ArrayList<>();
                if (route[k] == 2) {
                    if (f == t) {
                        pts.add(new Point(fr.right(), fr.centerY()));
                        pts.add(new Point(fr.right() + 14, fr.centerY()));
                        pts.add(new Point(fr.right() + 14, fr.y() - 12));
                        pts.add(new Point(fr.centerX(), fr.y() - 12));
                        pts.add(new Point(fr.centerX(), fr.y()));
                    } else {
                        double yb = Math.max(fr.bottom(), tr.bottom()) + 12 + 5 * (backs++ % 4);
                        pts.add(new Point(fr.centerX(), fr.bottom()));
                        pts.add(new Point(fr.centerX(), yb));
                        pts.add(new Point(tr.centerX(), yb));
                        pts.add(new Point(tr.centerX(), tr.bottom()));
                    }
                } else {
                    double sy = isBox(f) ? centre(lnOfStep[repLast[boxNo[f]]]) : fr.centerY();
                    double ty = isBox(t) ? centre(lnOfStep[repFirst[boxNo[t]]]) : tr.centerY();
                    pts.add(new Point(fr.right(), sy));
                    if (route[k] == 0 && dummyStart[k] >= 0) {
                        int from = fromLayer(k);
                        int to = toLayer(k);
                        for (int l = from + 1, d = dummyStart[k]; l < to; l++, d++) {
                            add(pts, new Point(colX[l], y[d]));
                            add(pts, new Point(colX[l] + colW[l], y[d]));
                        }
                    }
                    add(pts, new Point(tr.x(), ty));
                    if (pts.size() < 2) {
                        pts.add(pts.get(0));
                    }
                }
                edgePoints.add(pts);
            }

            // translate so that everything starts at the margin
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = 0;
            double maxY = 0;
            for (Rect r : nodeRect) {
                if (r != null) {
                    minX = Math.min(minX, r.x());
                    minY = Math.min(minY, r.y());
                    maxX = Math.max(maxX, r.right());
                    maxY = Math.max(maxY, r.bottom());
                }
            }
            for (Rect r : boxRect) {
                minX = Math.min(minX, r.x());
                minY = Math.min(minY, r.y());
                maxX = Math.max(maxX, r.right());
                maxY = Math.max(maxY, r.bottom());
            }
            for (List<Point> pts : edgePoints) {
                for (Point p : pts) {
                    minX = Math.min(minX, p.x());
                    minY = Math.min(minY, p.y());
                    maxX = Math.max(maxX, p.x());
                    maxY = Math.max(maxY, p.y());
                }
            }
            if (minX == Double.MAX_VALUE) {
                minX = 0;
                minY = 0;
            }
            double dx = MARGIN - minX;
            double dy = MARGIN - minY;

            List<LayoutNode> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (nodeRect[i] == null) {
                    continue;
                }
                PlannedStep s = steps.get(i);
                Rect r = move(nodeRect[i], dx, dy);
                String group = groupOf[i] >= 0 ? steps.get(groupOf[i]).id() : null;
                nodes.add(new LayoutNode(s.id(), s.label() == null ? s.id() : s.label(), lines.get(i), type(i),
                        outcome(s), Math.max(1, s.jobs()), group, layer[i], r));
            }
            List<LayoutGroup> groups = new ArrayList<>();
            for (int b = 0; b < nb; b++) {
                PlannedStep s = steps.get(boxStep[b]);
                Rect r = move(boxRect[b], dx, dy);
                String title = StepBoxes.groupTitle(s, m, r.width());
                groups.add(new LayoutGroup(s.id(), s.label() == null ? s.id() : s.label(), title, outcome(s), r,
                        titleHeight));
            }
            List<LayoutEdge> edges = new ArrayList<>();
            for (int k = 0; k < ne; k++) {
                List<Point> pts = new ArrayList<>();
                for (Point p : edgePoints.get(k)) {
                    pts.add(new Point(p.x() + dx, p.y() + dy));
                }
                LayoutEdge.Route r = route[k] == 0 ? LayoutEdge.Route.LAYERED
                        : route[k] == 1 ? LayoutEdge.Route.DIRECT : LayoutEdge.Route.BACK;
                PlanEdge e = eOrig[k];
                edges.add(new LayoutEdge(e.from(), e.to(), e.kind() == null ? EdgeKind.EXPLICIT : e.kind(),
                        e.allowFailure(), r, pts));
            }
            LayoutMetrics metrics = StepBoxes.metrics(m);
            double width = Math.ceil(maxX + dx + MARGIN);
            double height = Math.ceil(maxY + dy + MARGIN);
            return new Layout(nodes, groups, edges, width, height, n == 0 ? 0 : order.length, metrics);
        }

        private static Outcome outcome(PlannedStep s) {
            return s.outcome() == null ? Outcome.RUNS : s.outcome();
        }

        private double centre(int v) {
            return y[v] + lnH[v] / 2;
        }

        private static Rect move(Rect r, double dx, double dy) {
            return new Rect(r.x() + dx, r.y() + dy, r.width(), r.height());
        }

        private static void add(List<Point> pts, Point p) {
            if (pts.isEmpty() || !pts.get(pts.size() - 1).equals(p)) {
                pts.add(p);
            }
        }

        // ---------------------------------------------------------------- helpers

        private static int[] csrStart(int v, IntList keys) {
            int[] start = new int[v + 1];
            for (int i = 0; i < keys.size(); i++) {
                start[keys.get(i) + 1]++;
            }
            for (int i = 0; i < v; i++) {
                start[i + 1] += start[i];
            }
            return start;
        }

        /** Arc indices grouped by key, in insertion order. */
        private static int[] csrFill(int[] start, IntList keys, int count) {
            int[] out = new int[count];
            int[] at = Arrays.copyOf(start, start.length - 1);
            for (int i = 0; i < count; i++) {
                out[at[keys.get(i)]++] = i;
            }
            return out;
        }

        /** Values grouped by key, in insertion order. */
        private static int[] csrFillValues(int[] start, IntList keys, IntList values) {
            int[] out = new int[keys.size()];
            int[] at = Arrays.copyOf(start, start.length - 1);
            for (int i = 0; i < keys.size(); i++) {
                out[at[keys.get(i)]++] = values.get(i);
            }
            return out;
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    /** A growable double array. */
    private static final class DoubleList {
        private double[] a = new double[16];
        private int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        double get(int i) {
            return a[i];
        }
    }
}
