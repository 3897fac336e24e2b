package dev.pipelens.layout;

import dev.pipelens.model.StepType;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working graph of one run of the own layered layout ({@link LayeredLayout}), array based: the steps and
 * their group boxes, the drawn edges (deduplicated, both ends known), and what each phase adds: columns
 * ({@link LayerAssignment}), the layered nodes and edges ({@link DummyNodeInsertion}), the order in each column
 * ({@link CrossingReduction}) and the coordinates ({@link CoordinateAssignment}). {@link LayoutAssembly} turns
 * it into a {@link Layout}. All state is local to one run.
 */
final class LayeredGraph {

    final LayoutOptions o;
    final TextMeasurer m;
    final Plan plan;

    // steps in source order (first of each id); a group with children is a box, numbered 0..nb-1
    final List<PlannedStep> steps = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();
    int n;
    int[] groupOf;
    int[] boxNo;
    int[] boxStep;
    int nb;
    int[][] children;
    List<List<String>> lines;

    // drawn edges (deduplicated, both ends known)
    int ne;
    int[] eFrom;
    int[] eTo;
    PlanEdge[] eOrig;

    // LayerAssignment: column of each step (and of the groups' entry/exit vertices), each box's column span
    int[] layer;
    int[] minL;
    int[] maxL;
    int layers;
    // per box a child in its first and one in its last column, where edges to and from the group attach
    int[] repFirst;
    int[] repLast;

    // DummyNodeInsertion: the layered nodes (steps, fillers, dummies) with their column, box (-1: none), kind,
    // what they stand for (step, box or edge), size, first sort key; and the layered node of each step
    int nl;
    int[] lnLayer;
    int[] lnBox;
    NodeKind[] lnKind;
    int[] lnRef;
    double[] lnW;
    double[] lnH;
    double[] lnInit;
    int[] lnOfStep;
    // DummyNodeInsertion: per drawn edge its route and its first dummy node (-1: none)
    int[] dummyStart;
    LayoutEdge.Route[] route;

    // DummyNodeInsertion: layered edges, as predecessor / successor lists and by column of their source
    int[] adjUpStart;
    int[] adjUp;
    int[] adjDownStart;
    int[] adjDown;
    int[] peU;
    int[] peV;
    int[][] peByLayer;

    // CrossingReduction: the nodes of each column top to bottom, and each node's place in its column
    int[][] order;
    int[] pos;

    // CoordinateAssignment: column left and width; top of each layered node, then per box its top and bottom
    double[] colX;
    double[] colW;
    double[] y;
    double titleHeight;

    LayeredGraph(Plan plan, LayoutOptions o) {
        this.plan = plan;
        this.o = o;
        this.m = o.measurer();
        readSteps();
        readEdges();
    }

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

    boolean isBox(int i) {
        return boxNo[i] >= 0;
    }

    StepType type(int i) {
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

    int fromLayer(int k) {
        int f = eFrom[k];
        return isBox(f) ? maxL[boxNo[f]] : layer[f];
    }

    int toLayer(int k) {
        int t = eTo[k];
        return isBox(t) ? minL[boxNo[t]] : layer[t];
    }

    int tv(int b) {
        return nl + 2 * b;
    }

    double centre(int v) {
        return y[v] + lnH[v] / 2;
    }
}
