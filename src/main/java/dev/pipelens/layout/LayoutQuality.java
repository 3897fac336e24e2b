package dev.pipelens.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures that say how readable a {@link Layout} is, measured the same way for every engine (the figures in
 * {@code docs/layout.md}).
 *
 * @param steps          boxes and bars drawn
 * @param edges          edges drawn
 * @param crossings      pairs of edges (with no end in common) whose polylines cross
 * @param throughBoxes   edges with a segment through a step box that is neither of their ends
 * @param throughGroups  edges with a segment through a group box that holds neither of their ends
 * @param width          drawing width
 * @param height         drawing height
 * @param textAtFit      label font size in screen pixels when the whole drawing is fitted into a
 *                       1600 x 900 viewport (never more than the font size itself)
 */
public record LayoutQuality(int steps, int edges, long crossings, int throughBoxes, int throughGroups,
                            double width, double height, double textAtFit) {

    /** The viewport {@link #textAtFit} fits into. */
    public static final double FIT_WIDTH = 1600;
    public static final double FIT_HEIGHT = 900;

    public double area() {
        return width * height;
    }

    /** Measures {@code l}. Quadratic in edges; meant for reports and tests, not for drawing. */
    public static LayoutQuality of(Layout l) {
        List<double[][]> segs = new ArrayList<>();
        for (LayoutEdge e : l.edges()) {
            List<Point> p = e.points();
            double[][] s = new double[p.size()][];
            for (int i = 0; i < p.size(); i++) {
                s[i] = new double[] {p.get(i).x(), p.get(i).y()};
            }
            segs.add(s);
        }
        Map<String, String> groupOf = new HashMap<>();
        for (LayoutNode n : l.nodes()) {
            if (n.group() != null) {
                groupOf.put(n.id(), n.group());
            }
        }
        List<LayoutEdge> es = l.edges();
        long crossings = 0;
        for (int i = 0; i < es.size(); i++) {
            LayoutEdge a = es.get(i);
            for (int j = i + 1; j < es.size(); j++) {
                LayoutEdge b = es.get(j);
                if (a.from().equals(b.from()) || a.from().equals(b.to()) || a.to().equals(b.from())
                        || a.to().equals(b.to())) {
                    continue;
                }
                if (cross(segs.get(i), segs.get(j))) {
                    crossings++;
                }
            }
        }
        int throughBoxes = 0;
        int throughGroups = 0;
        for (int i = 0; i < es.size(); i++) {
            LayoutEdge e = es.get(i);
            double[][] s = segs.get(i);
            for (LayoutNode n : l.nodes()) {
                if (!n.id().equals(e.from()) && !n.id().equals(e.to()) && hits(s, n.bounds())) {
                    throughBoxes++;
                    break;
                }
            }
            for (LayoutGroup g : l.groups()) {
                boolean own = g.id().equals(e.from()) || g.id().equals(e.to()) || g.id().equals(groupOf.get(e.from()))
                        || g.id().equals(groupOf.get(e.to()));
                if (!own && hits(s, g.bounds())) {
                    throughGroups++;
                    break;
                }
            }
        }
        double w = Math.max(1, l.width());
        double h = Math.max(1, l.height());
        double scale = Math.min(1, Math.min(FIT_WIDTH / w, FIT_HEIGHT / h));
        double font = l.metrics() == null ? 13 : l.metrics().fontSize();
        return new LayoutQuality(l.nodes().size(), es.size(), crossings, throughBoxes, throughGroups, l.width(),
                l.height(), font * scale);
    }

    private static boolean cross(double[][] a, double[][] b) {
        for (int i = 1; i < a.length; i++) {
            for (int j = 1; j < b.length; j++) {
                if (properCross(a[i - 1], a[i], b[j - 1], b[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether two segments cross at one point inside both (touching and overlapping do not count). */
    static boolean properCross(double[] p1, double[] p2, double[] q1, double[] q2) {
        double d1 = orient(q1, q2, p1);
        double d2 = orient(q1, q2, p2);
        double d3 = orient(p1, p2, q1);
        double d4 = orient(p1, p2, q2);
        double eps = 1e-6;
        return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))
                && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
    }

    private static double orient(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    }

    /** Whether a polyline passes through the inside of {@code r} (shrunk by 2 px so grazing does not count). */
    static boolean hits(double[][] pts, Rect r) {
        double x0 = r.x() + 2;
        double y0 = r.y() + 2;
        double x1 = r.right() - 2;
        double y1 = r.bottom() - 2;
        if (x1 <= x0 || y1 <= y0) {
            return false;
        }
        for (int i = 1; i < pts.length; i++) {
            if (clip(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1], x0, y0, x1, y1)) {
                return true;
            }
        }
        return false;
    }

    /** Liang-Barsky: whether the segment meets the open rectangle. */
    private static boolean clip(double ax, double ay, double bx, double by, double x0, double y0, double x1,
                                double y1) {
        double t0 = 0;
        double t1 = 1;
        double dx = bx - ax;
        double dy = by - ay;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] <= 0) {
                    return false;
                }
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t1 - t0 > 1e-9;
    }
}
