package dev.pipelens.layout;

import dev.pipelens.plan.Lane;
import dev.pipelens.plan.Plan;

import java.util.List;

/** Places a plan's steps, groups and edges on a plane. Implementations are stateless and thread-safe. */
public interface GraphLayout {

    /**
     * Lays out {@code plan}. Never throws for bad graphs: cycles are broken (the broken edges come back
     * with {@link LayoutEdge.Route#BACK}), edges naming unknown steps are left out.
     */
    Layout layout(Plan plan);

    /**
     * Lays out {@code plan} in {@code lanes} (see {@link dev.pipelens.plan.PipelinePlanner#lanes}): each lane
     * a column of its own, in order, and the implicit edges between lanes (stage order) left to the lane
     * boundaries instead of drawn one by one. Engines that cannot draw lanes lay the plan out as usual.
     */
    default Layout layout(Plan plan, List<Lane> lanes) {
        return layout(plan);
    }

    /**
     * The layout every drawing uses (window, PNG/SVG export, bench): ELK Layered up to
     * {@link #ELK_MAX_ELEMENTS} steps plus edges ({@link #ELK_MAX_ELEMENTS_DENSE} in lanes or dense), the own
     * {@link LayeredLayout} beyond, where ELK takes seconds. Without lanes, a drawing more than
     * {@link #MAX_SIDE} on a side is laid out again with ELK's graph wrapping ({@link ElkWrapping}), which cuts
     * it into chunks stacked top to bottom, and above {@link #ELK_MAX_UNWRAPPED} it is wrapped straight away,
     * so a 1,000-step pipeline fits a PNG at full size.
     */
    static GraphLayout standard() {
        return standard(LayoutOptions.defaults());
    }

    /** {@link #standard()} with {@code options}. */
    static GraphLayout standard(LayoutOptions options) {
        ElkLayout elk = new ElkLayout(options);
        ElkLayout wrapped = elk.wrapping();
        LayeredLayout own = new LayeredLayout(options);
        return new GraphLayout() {
            @Override
            public Layout layout(Plan plan) {
                return layout(plan, List.of());
            }

            @Override
            public Layout layout(Plan plan, List<Lane> lanes) {
                if (!elkCanDraw(plan, lanes)) {
                    return own.layout(plan);
                }
                int elements = plan.steps().size() + plan.edges().size();
                if (!lanes.isEmpty()) {
                    return elk.layout(plan, lanes); // a wrap would cut the stage columns apart
                }
                if (elements > ELK_MAX_UNWRAPPED) {
                    return backOnlyOnCycles(wrapped.layout(plan, lanes)); // too long in one row, as a rule
                }
                Layout l = elk.layout(plan, lanes);
                if (l.width() <= MAX_SIDE && l.height() <= MAX_SIDE) {
                    return l;
                }
                Layout w = wrapped.layout(plan, lanes);
                return Math.max(w.width(), w.height()) < Math.max(l.width(), l.height()) ? backOnlyOnCycles(w) : l;
            }
        };
    }

    /**
     * Whether ELK draws {@code plan} in reasonable time: up to {@link #ELK_MAX_ELEMENTS} steps plus edges for a
     * sparse plan without lanes (at most {@link #SPARSE_EDGES_PER_STEP} edges per step, as pipelines are), up to
     * {@link #ELK_MAX_ELEMENTS_DENSE} otherwise.
     */
    static boolean elkCanDraw(Plan plan, List<Lane> lanes) {
        int steps = plan.steps().size();
        int edges = plan.edges().size();
        boolean sparse = lanes.isEmpty() && edges <= SPARSE_EDGES_PER_STEP * steps;
        return steps + edges <= (sparse ? ELK_MAX_ELEMENTS : ELK_MAX_ELEMENTS_DENSE);
    }

    /**
     * A wrapped layout with only the edges inside a cycle left {@link LayoutEdge.Route#BACK}: ELK's edges are
     * BACK when they end left of where they start, which every edge that wraps to the next chunk does, and
     * those are ordinary edges, not cycle breakers (which the drawing dots and the legend names).
     */
    static Layout backOnlyOnCycles(Layout wrapped) {
        List<String> ids = new java.util.ArrayList<>();
        wrapped.nodes().forEach(n -> ids.add(n.id()));
        wrapped.groups().forEach(g -> ids.add(g.id()));
        List<dev.pipelens.graph.Link> links = new java.util.ArrayList<>();
        wrapped.edges().forEach(e -> links.add(new dev.pipelens.graph.Link(e.from(), e.to())));
        java.util.Map<String, Integer> cycleOf = new java.util.HashMap<>();
        List<List<String>> cycles = new dev.pipelens.graph.StepGraph(ids, links).cycles();
        for (int i = 0; i < cycles.size(); i++) {
            for (String id : cycles.get(i)) {
                cycleOf.putIfAbsent(id, i);
            }
        }
        List<LayoutEdge> edges = new java.util.ArrayList<>(wrapped.edges().size());
        for (LayoutEdge e : wrapped.edges()) {
            Integer c = cycleOf.get(e.from());
            boolean onCycle = e.from().equals(e.to()) || c != null && c.equals(cycleOf.get(e.to()));
            edges.add(e.route() != LayoutEdge.Route.BACK || onCycle ? e : new LayoutEdge(e.from(), e.to(), e.kind(),
                    e.allowFailure(), LayoutEdge.Route.ORTHOGONAL, e.points()));
        }
        return new Layout(wrapped.nodes(), wrapped.groups(), edges, wrapped.width(), wrapped.height(),
                wrapped.layers(), wrapped.metrics(), wrapped.lanes());
    }

    /**
     * Above this many steps plus edges (and no lanes) {@link #standard()} asks ELK for the wrapped layout
     * straight away instead of trying the unwrapped one first: such drawings are far wider than a PNG (the
     * 1,000-step pipeline's 2,145: 27,796 px), and ELK only wraps a drawing wider than
     * {@link ElkWrapping#ASPECT_RATIO} times its height.
     */
    int ELK_MAX_UNWRAPPED = 1500;

    /**
     * Above this many steps plus edges {@link #standard()} uses the own layout. ELK Layered takes about
     * 0.3 s (0.5 s wrapped) on the 1,000-step synthetic pipeline's 2,145 and 0.6 s on the 3,000-step one's
     * 6,400 once warm, 2 s on a cold JVM; 10,000 steps (about 21,000) take it 1.5 s warm and 7 s cold, where
     * the own layout takes 0.15 s.
     */
    int ELK_MAX_ELEMENTS = 5000;

    /**
     * The limit for a plan drawn in lanes (GitLab stages) or a dense one. ELK keeps lanes apart with ordering
     * constraints between the steps of neighbouring lanes, and its network-simplex layering slows down with
     * their number: 1,000 jobs in five stages take it 4 to 6 s, 2,000 jobs three minutes. A dense plan's long
     * edges fill ELK's layers with dummy nodes: 500 steps each depending on 8 random earlier ones (4,316
     * elements) took it more than two minutes, the own layout 0.24 s.
     */
    int ELK_MAX_ELEMENTS_DENSE = 1500;

    /** Most edges per step for which a plan counts as sparse (the 1,000-step synthetic pipeline has 1.15). */
    double SPARSE_EDGES_PER_STEP = 1.5;

    /**
     * Longest side, in drawing pixels, of a drawing {@link #standard()} leaves unwrapped: a PNG at scale 1 may
     * be 16,384 px on a side ({@code export.PngExporter.MAX_SIDE}), less the page's header and legend.
     */
    double MAX_SIDE = 16_000;
}
