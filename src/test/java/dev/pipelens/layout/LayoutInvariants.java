package dev.pipelens.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Geometric checks every layout must pass. */
public final class LayoutInvariants {

    private LayoutInvariants() {
    }

    public static void check(Layout layout) {
        checkBoxes(layout);
        // edges: left to right except the cycle breakers
        for (LayoutEdge e : layout.edges()) {
            List<Point> pts = e.points();
            if (e.route() != LayoutEdge.Route.BACK) {
                assertTrue(pts.get(0).x() < pts.get(pts.size() - 1).x(), () -> "not left to right: " + e);
                for (int i = 1; i < pts.size(); i++) {
                    assertTrue(pts.get(i).x() >= pts.get(i - 1).x() - 1e-6, () -> "goes back left: " + e);
                }
            }
        }
    }

    /**
     * Everything {@link #check} asks but that edges run left to right all the way: boxes on the page, inside
     * their group and apart, groups apart, edge points on the page. A wrapped drawing
     * ({@link GraphLayout#standard()} on a huge graph) passes this, not {@link #check}: an edge that crosses a
     * cut runs back left to the start of the next chunk.
     */
    public static void checkBoxes(Layout layout) {
        Rect page = new Rect(0, 0, layout.width(), layout.height());
        Map<String, LayoutGroup> groups = new HashMap<>();
        for (LayoutGroup g : layout.groups()) {
            groups.put(g.id(), g);
            assertTrue(page.contains(g.bounds()), () -> "group outside the page: " + g);
        }
        // nodes: inside the page, inside their group, never overlapping another node in the same layer
        Map<Integer, List<LayoutNode>> byLayer = new HashMap<>();
        for (LayoutNode n : layout.nodes()) {
            assertTrue(page.contains(n.bounds()), () -> "node outside the page: " + n);
            assertTrue(n.width() > 0 && n.height() > 0, () -> "empty node " + n);
            byLayer.computeIfAbsent(n.layer(), k -> new java.util.ArrayList<>()).add(n);
            if (n.group() != null) {
                LayoutGroup g = groups.get(n.group());
                assertTrue(g != null, () -> "node in unknown group " + n);
                assertTrue(g.bounds().contains(n.bounds()), () -> n.id() + " not inside group " + g);
                assertTrue(n.y() >= g.bounds().y() + g.titleHeight() - 1e-6, () -> n.id() + " under the title bar");
            } else {
                for (LayoutGroup g : layout.groups()) {
                    assertFalse(g.bounds().overlaps(n.bounds()), () -> n.id() + " overlaps group " + g.id());
                }
            }
        }
        for (List<LayoutNode> col : byLayer.values()) {
            col.sort(java.util.Comparator.comparingDouble(LayoutNode::y));
            for (int i = 1; i < col.size(); i++) {
                LayoutNode a = col.get(i - 1);
                LayoutNode b = col.get(i);
                assertTrue(b.y() >= a.y() + a.height(), () -> a.id() + " overlaps " + b.id());
            }
        }
        for (int i = 0; i < layout.groups().size(); i++) {
            for (int j = i + 1; j < layout.groups().size(); j++) {
                Rect a = layout.groups().get(i).bounds();
                Rect b = layout.groups().get(j).bounds();
                assertFalse(a.overlaps(b), "group boxes overlap: " + a + " " + b);
            }
        }
        // every edge point on the page
        for (LayoutEdge e : layout.edges()) {
            for (Point p : e.points()) {
                if (p.x() < -1e-6 || p.y() < -1e-6 || p.x() > layout.width() + 1e-6 || p.y() > layout.height() + 1e-6) {
                    fail("edge point off the page: " + e);
                }
            }
        }
        assertEquals(layout.nodes().size(), layout.nodesById().size(), "duplicate node ids");
    }
}
