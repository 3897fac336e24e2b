package dev.pipelens.layout;

import dev.pipelens.plan.Plan;

/**
 * A home-made Sugiyama layout, left to right, the fallback for graphs too large for ELK. One run builds a
 * {@link LayeredGraph} (steps, group boxes, deduplicated edges) and passes it through one class per phase:
 * <ol>
 * <li>{@link LayerAssignment}: cycle breaking (a depth-first search in source order ignores the edges that
 *     close a cycle) and columns by longest path, groups as entry and exit vertices around their children,
 *     sources pulled right, steps without edges next to the step before them;</li>
 * <li>{@link DummyNodeInsertion}: one dummy node per column a long edge crosses, shortest first, up to a
 *     budget ({@link LayoutOptions#maxBendPoints()}); the rest are drawn straight, so fan-outs over many
 *     columns cannot blow up;</li>
 * <li>{@link CrossingReduction}: barycenter sweeps keeping the best order by exact crossing count, group
 *     members contiguous and groups in source order, so group boxes never overlap;</li>
 * <li>{@link CoordinateAssignment}: column widths and gaps, and vertical positions by a longest-path pass
 *     over "below" constraints with each node pulled towards the median of its predecessors;</li>
 * <li>{@link EdgePolylines} and {@link LayoutAssembly}: edge polylines, step and group boxes, the result.</li>
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
        LayeredGraph g = new LayeredGraph(plan, options);
        new LayerAssignment(g).assign();
        new DummyNodeInsertion(g).insert();
        new CrossingReduction(g).reduce();
        new CoordinateAssignment(g).assign();
        return new LayoutAssembly(g).layout();
    }

    /** Width of the job-count badge drawn at the right of a box, 0 for one job. */
    public static double badgeWidth(TextMeasurer m, int jobs) {
        return jobs > 1 ? m.width(badgeText(jobs)) + 12 : 0;
    }

    /** The job-count badge text. */
    public static String badgeText(int jobs) {
        return "\u00d7" + jobs;
    }
}
