package dev.pipelens.layout;

import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of the own layered layout: step boxes centred in their columns, group boxes around the
 * columns their children span (from the top and bottom constraints {@link CoordinateAssignment} placed),
 * the edge polylines of {@link EdgePolylines}, everything moved to start at the margin, as an immutable
 * {@link Layout}.
 */
final class LayoutAssembly {

    private final LayeredGraph g;

    LayoutAssembly(LayeredGraph g) {
        this.g = g;
    }

    Layout layout() {
        Rect[] nodeRect = new Rect[g.n];
        for (int i = 0; i < g.n; i++) {
            int v = g.lnOfStep[i];
            if (v >= 0) {
                int l = g.lnLayer[v];
                nodeRect[i] = new Rect(g.colX[l] + (g.colW[l] - g.lnW[v]) / 2, g.y[v], g.lnW[v], g.lnH[v]);
            }
        }
        Rect[] boxRect = new Rect[g.nb];
        for (int b = 0; b < g.nb; b++) {
            double x0 = g.colX[g.minL[b]] - LayeredLayout.GROUP_PAD;
            double x1 = g.colX[g.maxL[b]] + g.colW[g.maxL[b]] + LayeredLayout.GROUP_PAD;
            boxRect[b] = new Rect(x0, g.y[g.tv(b)], x1 - x0, g.y[g.tv(b) + 1] - g.y[g.tv(b)]);
        }
        List<List<Point>> edgePoints = new EdgePolylines(g).route(nodeRect, boxRect);

        // translate so that everything starts at the margin
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (Rect r : nodeRect) {
            if (r != null) {
                minX = Math.min(minX, r.x());
                minY = Math.min(minY, r.y());
                maxX = Math.max(maxX, r.right());
                maxY = Math.max(maxY, r.bottom());
            }
        }
        for (Rect r : boxRect) {
            minX = Math.min(minX, r.x());
            minY = Math.min(minY, r.y());
            maxX = Math.max(maxX, r.right());
            maxY = Math.max(maxY, r.bottom());
        }
        for (List<Point> pts : edgePoints) {
            for (Point p : pts) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        if (minX == Double.MAX_VALUE) {
            minX = 0;
            minY = 0;
        }
        double dx = LayeredLayout.MARGIN - minX;
        double dy = LayeredLayout.MARGIN - minY;

        List<LayoutNode> nodes = new ArrayList<>();
        for (int i = 0; i < g.n; i++) {
            if (nodeRect[i] == null) {
                continue;
            }
            PlannedStep s = g.steps.get(i);
            Rect r = move(nodeRect[i], dx, dy);
            String group = g.groupOf[i] >= 0 ? g.steps.get(g.groupOf[i]).id() : null;
            nodes.add(new LayoutNode(s.id(), s.label() == null ? s.id() : s.label(), g.lines.get(i), g.type(i),
                    outcome(s), Math.max(1, s.jobs()), group, g.layer[i], r));
        }
        List<LayoutGroup> groups = new ArrayList<>();
        for (int b = 0; b < g.nb; b++) {
            PlannedStep s = g.steps.get(g.boxStep[b]);
            Rect r = move(boxRect[b], dx, dy);
            String title = StepBoxes.groupTitle(s, g.m, r.width());
            groups.add(new LayoutGroup(s.id(), s.label() == null ? s.id() : s.label(), title, outcome(s), r,
                    g.titleHeight));
        }
        List<LayoutEdge> edges = new ArrayList<>();
        for (int k = 0; k < g.ne; k++) {
            List<Point> pts = new ArrayList<>();
            for (Point p : edgePoints.get(k)) {
                pts.add(new Point(p.x() + dx, p.y() + dy));
            }
            PlanEdge e = g.eOrig[k];
            edges.add(new LayoutEdge(e.from(), e.to(), e.kind() == null ? EdgeKind.EXPLICIT : e.kind(),
                    e.allowFailure(), g.route[k], pts));
        }
        LayoutMetrics metrics = StepBoxes.metrics(g.m);
        double width = Math.ceil(maxX + dx + LayeredLayout.MARGIN);
        double height = Math.ceil(maxY + dy + LayeredLayout.MARGIN);
        return new Layout(nodes, groups, edges, width, height, g.n == 0 ? 0 : g.order.length, metrics);
    }

    private static Outcome outcome(PlannedStep s) {
        return s.outcome() == null ? Outcome.RUNS : s.outcome();
    }

    private static Rect move(Rect r, double dx, double dy) {
        return new Rect(r.x() + dx, r.y() + dy, r.width(), r.height());
    }
}
