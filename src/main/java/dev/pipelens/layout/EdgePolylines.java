package dev.pipelens.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Edge polylines of the own layered layout, in the coordinates {@link CoordinateAssignment} gave: a layered
 * edge runs from the right of its source through each dummy node's column to the left of its target (for a
 * group end, at the height of the group's first or last child), a direct edge straight, a back edge below
 * both boxes (staggered so parallel ones stay apart) and a self-loop over the top of its box.
 */
final class EdgePolylines {

    private final LayeredGraph g;

    EdgePolylines(LayeredGraph g) {
        this.g = g;
    }

    /** One polyline per drawn edge of {@code g}, in edge order. */
    List<List<Point>> route(Rect[] nodeRect, Rect[] boxRect) {
        List<List<Point>> edgePoints = new ArrayList<>(g.ne);
        int backs = 0;
        for (int k = 0; k < g.ne; k++) {
            int f = g.eFrom[k];
            int t = g.eTo[k];
            Rect fr = g.isBox(f) ? boxRect[g.boxNo[f]] : nodeRect[f];
            Rect tr = g.isBox(t) ? boxRect[g.boxNo[t]] : nodeRect[t];
            List<Point> pts = new ArrayList<>();
            if (g.route[k] == LayoutEdge.Route.BACK) {
                if (f == t) {
                    pts.add(new Point(fr.right(), fr.centerY()));
                    pts.add(new Point(fr.right() + 14, fr.centerY()));
                    pts.add(new Point(fr.right() + 14, fr.y() - 12));
                    pts.add(new Point(fr.centerX(), fr.y() - 12));
                    pts.add(new Point(fr.centerX(), fr.y()));
                } else {
                    double yb = Math.max(fr.bottom(), tr.bottom()) + 12 + 5 * (backs++ % 4);
                    pts.add(new Point(fr.centerX(), fr.bottom()));
                    pts.add(new Point(fr.centerX(), yb));
                    pts.add(new Point(tr.centerX(), yb));
                    pts.add(new Point(tr.centerX(), tr.bottom()));
                }
            } else {
                double sy = g.isBox(f) ? g.centre(g.lnOfStep[g.repLast[g.boxNo[f]]]) : fr.centerY();
                double ty = g.isBox(t) ? g.centre(g.lnOfStep[g.repFirst[g.boxNo[t]]]) : tr.centerY();
                pts.add(new Point(fr.right(), sy));
                if (g.route[k] == LayoutEdge.Route.LAYERED && g.dummyStart[k] >= 0) {
                    int from = g.fromLayer(k);
                    int to = g.toLayer(k);
                    for (int l = from + 1, d = g.dummyStart[k]; l < to; l++, d++) {
                        add(pts, new Point(g.colX[l], g.y[d]));
                        add(pts, new Point(g.colX[l] + g.colW[l], g.y[d]));
                    }
                }
                add(pts, new Point(tr.x(), ty));
                if (pts.size() < 2) {
                    pts.add(pts.get(0));
                }
            }
            edgePoints.add(pts);
        }
        return edgePoints;
    }

    private static void add(List<Point> pts, Point p) {
        if (pts.isEmpty() || !pts.get(pts.size() - 1).equals(p)) {
            pts.add(p);
        }
    }
}
