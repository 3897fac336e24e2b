package dev.pipelens.layout;

import dev.pipelens.plan.EdgeKind;

import java.util.List;

/**
 * One drawn dependency: {@code to} waits for {@code from}. The polyline starts on the right side of
 * {@code from} (node or group box) and ends on the left side of {@code to}; renderers may smooth the
 * non-horizontal segments of {@link Route#LAYERED} and {@link Route#DIRECT} routes into curves.
 *
 * @param points at least two points, first at the source, last at the target
 */
public record LayoutEdge(String from, String to, EdgeKind kind, boolean allowFailure, Route route,
                         List<Point> points) {

    /** How the edge was routed. */
    public enum Route {
        /** Left to right through one point pair per layer crossed. */
        LAYERED,
        /** Left to right as one straight segment (a very long edge beyond the routing budget). */
        DIRECT,
        /** Horizontal and vertical segments only, routed around the boxes in between (ELK). */
        ORTHOGONAL,
        /** Closes a cycle: drawn as an orthogonal detour below its ends (x goes right to left). */
        BACK
    }

    public LayoutEdge {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("an edge needs at least two points");
        }
    }
}
