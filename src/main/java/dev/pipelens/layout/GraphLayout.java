package dev.pipelens.layout;

import dev.pipelens.plan.Plan;

/** Places a plan's steps, groups and edges on a plane. Implementations are stateless and thread-safe. */
public interface GraphLayout {

    /**
     * Lays out {@code plan}. Never throws for bad graphs: cycles are broken (the broken edges come back
     * with {@link LayoutEdge.Route#BACK}), edges naming unknown steps are left out.
     */
    Layout layout(Plan plan);
}
