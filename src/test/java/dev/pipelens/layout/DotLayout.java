package dev.pipelens.layout;

import dev.pipelens.plan.Plan;

/** Graphviz {@code dot} as a reference layout for {@link LayoutReport}, when {@code dot} is installed. */
final class DotLayout {

    private DotLayout() {
    }

    static boolean available() {
        return false;
    }

    static Layout layout(Plan plan) {
        return null;
    }
}
