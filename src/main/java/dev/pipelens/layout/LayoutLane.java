package dev.pipelens.layout;

import java.util.List;

/**
 * A column the CI system draws steps in (a GitLab stage), with a header bar at the top. Lanes are ordered
 * left to right and do not overlap; the boundary between two lanes is where stage order is drawn, once,
 * instead of an edge from every step of one lane to every step of the next. A lane is as wide as its steps
 * need: a stage name longer than that wraps onto a second header line ({@code title}) instead of widening
 * the column.
 *
 * @param name         the lane's name (the stage name)
 * @param bounds       the whole column, header included
 * @param headerHeight height of the header bar at the top of {@code bounds}: the title lines, then a line
 *                     for the outcome counts
 * @param steps        ids of the steps drawn in the lane
 * @param title        the name as drawn in the header, in lines that fit {@code bounds} less
 *                     {@link #TEXT_INSET} (the last one ends in an ellipsis if the name was cut)
 */
public record LayoutLane(String name, Rect bounds, double headerHeight, List<String> steps, List<String> title) {

    /** Horizontal space the header keeps free around its text: 10 px on either side. */
    public static final double TEXT_INSET = 20;

    public LayoutLane {
        steps = List.copyOf(steps);
        title = title == null || title.isEmpty() ? List.of(name == null ? "" : name) : List.copyOf(title);
    }

    /** A lane whose name is drawn on one line. */
    public LayoutLane(String name, Rect bounds, double headerHeight, List<String> steps) {
        this(name, bounds, headerHeight, steps, List.of());
    }
}
