package dev.pipelens.layout;

import java.util.List;

/**
 * A column the CI system draws steps in (a GitLab stage), with a header bar at the top. Lanes are ordered
 * left to right and do not overlap; the boundary between two lanes is where stage order is drawn, once,
 * instead of an edge from every step of one lane to every step of the next.
 *
 * @param name         the lane's name (the stage name)
 * @param bounds       the whole column, header included
 * @param headerHeight height of the header bar at the top of {@code bounds}
 * @param steps        ids of the steps drawn in the lane
 */
public record LayoutLane(String name, Rect bounds, double headerHeight, List<String> steps) {

    public LayoutLane {
        steps = List.copyOf(steps);
    }
}
