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
     * {@link #ELK_MAX_ELEMENTS} steps plus edges, the own {@link LayeredLayout} beyond, where ELK's
     * super-linear passes would take seconds.
     */
    static GraphLayout standard() {
        return standard(LayoutOptions.defaults());
    }

    /** {@link #standard()} with {@code options}. */
    static GraphLayout standard(LayoutOptions options) {
        ElkLayout elk = new ElkLayout(options);
        LayeredLayout own = new LayeredLayout(options);
        return new GraphLayout() {
            @Override
            public Layout layout(Plan plan) {
                return layout(plan, List.of());
            }

            @Override
            public Layout layout(Plan plan, List<Lane> lanes) {
                return plan.steps().size() + plan.edges().size() <= ELK_MAX_ELEMENTS ? elk.layout(plan, lanes)
                        : own.layout(plan);
            }
        };
    }

    /** Above this many steps plus edges {@link #standard()} uses the own layout. */
    int ELK_MAX_ELEMENTS = 1500;
}
