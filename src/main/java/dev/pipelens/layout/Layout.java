package dev.pipelens.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished drawing of a plan: nodes in plan source order (group steps that have children are group
 * boxes instead), group boxes in source order, edges in plan order, and the total size. Coordinates are
 * pixels at scale 1 with the origin at the top left; everything lies within {@code [0,width] x [0,height]}.
 * {@code lanes} are the CI system's own columns (GitLab stages), empty when it has none.
 */
public record Layout(List<LayoutNode> nodes, List<LayoutGroup> groups, List<LayoutEdge> edges, double width,
                     double height, int layers, LayoutMetrics metrics, List<LayoutLane> lanes) {

    public Layout {
        nodes = List.copyOf(nodes);
        groups = List.copyOf(groups);
        edges = List.copyOf(edges);
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }

    /** A layout without lanes. */
    public Layout(List<LayoutNode> nodes, List<LayoutGroup> groups, List<LayoutEdge> edges, double width,
                  double height, int layers, LayoutMetrics metrics) {
        this(nodes, groups, edges, width, height, layers, metrics, List.of());
    }

    public Optional<LayoutNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<LayoutGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** Nodes by id, in source order. */
    public Map<String, LayoutNode> nodesById() {
        Map<String, LayoutNode> m = new LinkedHashMap<>();
        for (LayoutNode n : nodes) {
            m.put(n.id(), n);
        }
        return m;
    }
}
