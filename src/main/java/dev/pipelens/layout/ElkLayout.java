package dev.pipelens.layout;

import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Lane;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The layout of {@link dev.pipelens.layout} built on ELK Layered (Eclipse Layout Kernel 0.12), left to
 * right: network-simplex layering (a gate lands right before what it gates), layer sweeps that move a
 * group's children as one block (groups are compound nodes, laid out together with the rest of the graph),
 * source order as the tie-breaker, and orthogonal edges that leave a box on its right side, enter on the
 * left and route around the boxes in between. Box sizes and label lines are the same as
 * {@link LayeredLayout}'s ({@link StepBoxes}), so both engines draw the same boxes.
 *
 * <p>With lanes (GitLab stages) each lane is one ELK partition, so its steps get columns of their own, in
 * lane order; a lane much taller than the others may be laid out again as several partitions side by side
 * (see {@code wrapTallLanes}), still under its one header.
 *
 * <p>Any failure inside ELK falls back to {@link LayeredLayout}, so a layout is always produced.
 */
public final class ElkLayout implements GraphLayout {

    /** Up to this many steps, crossing minimisation runs with thoroughness 20 instead of ELK's 7. */
    static final int THOROUGH_MAX_STEPS = 300;

    /** Horizontal space between two layers; orthogonal edges run their vertical segments in it. */
    static final double LAYER_GAP = 28;

    /**
     * Horizontal space between two layers when the steps are drawn in lanes (GitLab stages). Stage columns
     * rarely have edges between them (stage order is one barrier per boundary), so the gap only has to hold
     * that barrier; ELK still widens it where edges need room. gitlab-runner's eight stages, each one column
     * of unconnected jobs, are width-limited when fitted: with {@link #LAYER_GAP} they were 1,983 px wide
     * (10.5 px text at fit), ELK's default 20 px makes 1,927 px (10.8 px), this makes 1,899 px (11.0 px).
     */
    static final double LANE_GAP = 16;

    /** Lines a stage name may take in its lane's header before it is shortened with an ellipsis. */
    static final int MAX_LANE_TITLE_LINES = 2;

    private final LayoutOptions options;
    private final boolean tuned;
    private final boolean wrap;

    public ElkLayout() {
        this(LayoutOptions.defaults());
    }

    public ElkLayout(LayoutOptions options) {
        this(options, true);
    }

    private ElkLayout(LayoutOptions options, boolean tuned) {
        this(options, tuned, false);
    }

    private ElkLayout(LayoutOptions options, boolean tuned, boolean wrap) {
        this.options = Objects.requireNonNull(options, "options");
        this.tuned = tuned;
        this.wrap = wrap;
    }

    /** This layout with the long drawing cut into chunks stacked top to bottom ({@link ElkWrapping}). */
    ElkLayout wrapping() {
        return new ElkLayout(options, tuned, true);
    }

    /**
     * ELK Layered with its default settings (only direction, orthogonal routing and edges across group
     * borders set), on the same boxes: the reference the figures of {@code docs/layout.md} compare with.
     */
    public static ElkLayout raw() {
        return new ElkLayout(LayoutOptions.defaults(), false);
    }

    @Override
    public Layout layout(Plan plan) {
        return layout(plan, List.of());
    }

    @Override
    public Layout layout(Plan plan, List<Lane> lanes) {
        try {
            return new Run(plan, options, tuned, wrap, lanes == null ? List.of() : lanes).run();
        } catch (RuntimeException | LinkageError e) {
            return new LayeredLayout(options).layout(plan);
        }
    }

    /** One layout computation. */
    private static final class Run {
        private final Plan plan;
        private final LayoutOptions o;
        private final TextMeasurer m;
        private final Map<String, PlannedStep> steps = new LinkedHashMap<>();
        /** Step id to the id of the group box it is drawn in (top-level groups with children only). */
        private final Map<String, String> boxOf = new HashMap<>();
        private final Set<String> groupBoxes = new HashSet<>();
        private final Map<String, List<String>> lines = new HashMap<>();
        private final Map<String, ElkNode> elk = new HashMap<>();
        private final double titleHeight;
        private final boolean tuned;
        private final boolean wrap;
        private final List<Lane> lanes;
        private final Map<String, Integer> laneOf = new HashMap<>();
        private double laneHeader;
        /** Step id to the ELK partition (column group) it is laid out in. */
        private Map<String, Integer> partitionOf = Map.of();

        Run(Plan plan, LayoutOptions o, boolean tuned, boolean wrap, List<Lane> lanes) {
            this.plan = plan;
            this.tuned = tuned;
            this.wrap = wrap;
            this.lanes = lanes;
            for (int i = 0; i < lanes.size(); i++) {
                for (String id : lanes.get(i).steps()) {
                    laneOf.putIfAbsent(id, i);
                }
            }
            this.o = o;
            this.m = o.measurer();
            this.titleHeight = StepBoxes.titleHeight(m);
        }

        Layout run() {
            readSteps();
            laneHeader = lanes.isEmpty() ? 0 : Math.ceil((laneTitleRows() + 1) * m.lineHeight() + 10);
            Layout first = layout(laneOf);
            if (!tuned || lanes.isEmpty()) {
                return first;
            }
            Map<String, Integer> wrapped = wrapTallLanes(first);
            if (wrapped == null) {
                return first;
            }
            Layout second = layout(wrapped);
            LayoutQuality a = LayoutQuality.of(first);
            LayoutQuality b = LayoutQuality.of(second);
            boolean better = b.textAtFit() > a.textAtFit() + 0.01 && b.area() <= a.area()
                    && b.crossings() <= a.crossings() && b.throughBoxes() <= a.throughBoxes()
                    && b.throughGroups() <= a.throughGroups();
            return better ? second : first;
        }

        /** One ELK run with the steps in {@code partition}'s columns (lanes, or their sub-columns). */
        private Layout layout(Map<String, Integer> partition) {
            elk.clear();
            partitionOf = partition;
            ElkNode root = ElkGraphUtil.createGraph();
            configure(root);
            for (PlannedStep s : steps.values()) {
                if (boxOf.containsKey(s.id())) {
                    continue;
                }
                addNode(root, s);
            }
            for (PlannedStep s : steps.values()) {
                String box = boxOf.get(s.id());
                if (box != null) {
                    addNode(elk.get(box), s);
                }
            }
            List<PlanEdge> drawn = new ArrayList<>();
            Map<PlanEdge, ElkEdge> elkEdges = new HashMap<>();
            Set<List<String>> seen = new HashSet<>();
            for (PlanEdge e : plan.edges()) {
                if (e == null || e.from() == null || e.to() == null || !steps.containsKey(e.from())
                        || !steps.containsKey(e.to()) || !seen.add(List.of(e.from(), e.to()))) {
                    continue;
                }
                if (e.kind() == EdgeKind.IMPLICIT && laneOf.containsKey(e.from()) && laneOf.containsKey(e.to())
                        && !laneOf.get(e.from()).equals(laneOf.get(e.to()))) {
                    continue; // stage order: drawn once per lane boundary, not once per pair of steps
                }
                drawn.add(e);
                if (!e.from().equals(e.to()) && !nested(e.from(), e.to()) && !nested(e.to(), e.from())) {
                    ElkEdge ee = ElkGraphUtil.createSimpleEdge(elk.get(e.from()), elk.get(e.to()));
                    ElkGraphUtil.updateContainment(ee);
                    elkEdges.put(e, ee);
                }
            }
            new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
            return output(root, drawn, elkEdges);
        }

        private void configure(ElkNode root) {
            root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
            root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
            root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
            // edges into and out of groups need the whole hierarchy laid out at once; without groups, ELK
            // packs unconnected parts side by side instead of stacking every independent step in one column
            root.setProperty(CoreOptions.HIERARCHY_HANDLING, groupBoxes.isEmpty() ? HierarchyHandling.SEPARATE_CHILDREN
                    : HierarchyHandling.INCLUDE_CHILDREN);
            root.setProperty(CoreOptions.PADDING, new ElkPadding(StepBoxes.MARGIN + laneHeader, StepBoxes.MARGIN,
                    StepBoxes.MARGIN, StepBoxes.MARGIN));
            // lanes: each lane's steps in columns of their own, lanes in order (packing parts would mix them)
            root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, !laneOf.isEmpty());
            root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, laneOf.isEmpty());
            if (!tuned) {
                return;
            }
            root.setProperty(LayeredOptions.SPACING_NODE_NODE, o.nodeGap());
            root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, laneOf.isEmpty() ? LAYER_GAP : LANE_GAP);
            root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
            root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 6.0);
            root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 10.0);
            root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
            root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
            root.setProperty(LayeredOptions.ASPECT_RATIO, 1600.0 / 900.0);
            root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_COMPONENTS, org.eclipse.elk.alg.layered.components.ComponentOrderingStrategy.MODEL_ORDER);
            // more crossing-minimisation restarts where they are cheap: on the corpus this takes uv's release
            // workflow from 9 crossings to 6 (ELK's defaults: 7) and agent-stack-k8s from 7 to 6, and changes no
            // other file; above a few hundred steps the default keeps the layout time as measured
            if (steps.size() <= THOROUGH_MAX_STEPS) {
                root.setProperty(LayeredOptions.THOROUGHNESS, 20);
            }
            if (wrap) {
                ElkWrapping.configure(root);
            }
        }

        private void readSteps() {
            for (PlannedStep s : plan.steps()) {
                if (s != null && s.id() != null) {
                    steps.putIfAbsent(s.id(), s);
                }
            }
            // one level of group boxes, as LayeredLayout draws them: a group inside a group is a plain box in
            // its top group, and a group in a cycle of groups is no box
            for (PlannedStep s : steps.values()) {
                String top = topGroup(s);
                if (top != null) {
                    boxOf.put(s.id(), top);
                    groupBoxes.add(top);
                }
            }
            boxOf.keySet().removeIf(groupBoxes::contains);
            groupBoxes.removeIf(g -> !boxOf.containsValue(g));
            for (PlannedStep s : steps.values()) {
                lines.put(s.id(), groupBoxes.contains(s.id()) ? List.of() : StepBoxes.lines(s, m, o));
            }
        }

        private String topGroup(PlannedStep s) {
            String top = null;
            PlannedStep cur = s;
            for (int guard = 0; guard <= steps.size(); guard++) {
                PlannedStep parent = cur.group() == null ? null : steps.get(cur.group());
                if (parent == null || StepBoxes.type(parent) != StepType.GROUP) {
                    return top;
                }
                if (parent.id().equals(s.id())) {
                    return null;
                }
                top = parent.id();
                cur = parent;
            }
            return null;
        }

        /** Whether {@code inner} is drawn inside the group box {@code outer}. */
        private boolean nested(String inner, String outer) {
            return outer.equals(boxOf.get(inner));
        }

        private void addNode(ElkNode parent, PlannedStep s) {
            ElkNode n = ElkGraphUtil.createNode(parent);
            n.setIdentifier(s.id());
            if (groupBoxes.contains(s.id())) {
                double p = StepBoxes.GROUP_PAD;
                n.setProperty(CoreOptions.PADDING, new ElkPadding(titleHeight + p, p, p, p));
                n.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(
                        o.minNodeWidth() + 2 * p, titleHeight + 2 * p));
                n.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS,
                        java.util.EnumSet.of(org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
            } else {
                double[] wh = StepBoxes.size(s, lines.get(s.id()), m, o);
                n.setDimensions(wh[0], wh[1]);
            }
            if (!laneOf.isEmpty() && n.getParent().getParent() == null) {
                Integer column = partitionOf.get(s.id());
                n.setProperty(LayeredOptions.PARTITIONING_PARTITION, column == null ? Integer.MAX_VALUE / 2 : column);
            }
            elk.put(s.id(), n);
        }

        private Layout output(ElkNode root, List<PlanEdge> drawn, Map<PlanEdge, ElkEdge> elkEdges) {
            Map<String, Rect> rect = new HashMap<>();
            for (PlannedStep s : steps.values()) {
                ElkNode n = elk.get(s.id());
                double[] xy = absolute(n);
                rect.put(s.id(), new Rect(xy[0], xy[1], n.getWidth(), n.getHeight()));
            }
            Map<String, Integer> layerOf = layers(rect);
            List<LayoutNode> nodes = new ArrayList<>();
            List<LayoutGroup> groups = new ArrayList<>();
            for (PlannedStep s : steps.values()) {
                Rect r = rect.get(s.id());
                String label = s.label() == null ? s.id() : s.label();
                Outcome outcome = s.outcome() == null ? Outcome.RUNS : s.outcome();
                if (groupBoxes.contains(s.id())) {
                    groups.add(new LayoutGroup(s.id(), label, StepBoxes.groupTitle(s, m, r.width()), outcome, r,
                            titleHeight));
                } else {
                    nodes.add(new LayoutNode(s.id(), label, lines.get(s.id()), StepBoxes.type(s), outcome,
                            Math.max(1, s.jobs()), boxOf.get(s.id()), layerOf.getOrDefault(s.id(), 0), r));
                }
            }
            List<LayoutEdge> edges = new ArrayList<>();
            double maxX = root.getWidth();
            double maxY = root.getHeight();
            for (PlanEdge e : drawn) {
                Rect a = rect.get(e.from());
                Rect b = rect.get(e.to());
                EdgeKind kind = e.kind() == null ? EdgeKind.EXPLICIT : e.kind();
                ElkEdge ee = elkEdges.get(e);
                List<Point> pts = ee == null ? fallbackRoute(a, b) : points(ee);
                if (pts.size() < 2) {
                    pts = fallbackRoute(a, b);
                }
                Point first = pts.get(0);
                Point last = pts.get(pts.size() - 1);
                boolean back = e.from().equals(e.to()) || last.x() < first.x() - 0.5;
                for (Point p : pts) {
                    maxX = Math.max(maxX, p.x() + StepBoxes.MARGIN);
                    maxY = Math.max(maxY, p.y() + StepBoxes.MARGIN);
                }
                edges.add(new LayoutEdge(e.from(), e.to(), kind, e.allowFailure(),
                        back ? LayoutEdge.Route.BACK : LayoutEdge.Route.ORTHOGONAL, pts));
            }
            int layerCount = layerOf.values().stream().mapToInt(i -> i + 1).max().orElse(0);
            return new Layout(nodes, groups, edges, Math.ceil(maxX), Math.ceil(maxY), layerCount,
                    StepBoxes.metrics(m), lanes(rect, maxY));
        }

        /** Lane columns: each spans its steps, neighbours meet half-way between them. */
        private List<LayoutLane> lanes(Map<String, Rect> rect, double height) {
            List<double[]> spans = new ArrayList<>();
            List<Lane> shown = new ArrayList<>();
            for (Lane lane : lanes) {
                double x0 = Double.MAX_VALUE;
                double x1 = -Double.MAX_VALUE;
                for (String id : lane.steps()) {
                    Rect r = rect.get(id);
                    if (r != null) {
                        x0 = Math.min(x0, r.x());
                        x1 = Math.max(x1, r.right());
                    }
                }
                if (x0 <= x1) {
                    spans.add(new double[] {x0, x1}); // a stage's name wraps in its column, never widens it
                    shown.add(lane);
                }
            }
            List<LayoutLane> out = new ArrayList<>();
            double top = StepBoxes.MARGIN / 2;
            for (int i = 0; i < spans.size(); i++) {
                double left = i == 0 ? spans.get(i)[0] - StepBoxes.MARGIN / 2
                        : (spans.get(i - 1)[1] + spans.get(i)[0]) / 2;
                double right = i == spans.size() - 1 ? spans.get(i)[1] + StepBoxes.MARGIN / 2
                        : (spans.get(i)[1] + spans.get(i + 1)[0]) / 2;
                int rows = (int) Math.round((laneHeader - 10) / m.lineHeight()) - 1;
                out.add(new LayoutLane(shown.get(i).name(), new Rect(left, top, Math.max(1, right - left),
                        height - top - StepBoxes.MARGIN / 2), laneHeader, shown.get(i).steps(),
                        laneTitle(shown.get(i).name(), right - left, rows)));
            }
            return out;
        }

        /**
         * Partitions that wrap the tallest stages into side-by-side sub-columns under their one header, or null
         * when that would not let the drawing be fitted larger. A tall stage makes a fitted drawing small
         * while the other stages' columns stay mostly empty below their few jobs (gitlabhq: 37 boxes in
         * "test", at most 4 in the other stages). The tallest stage is wrapped into one more column while
         * that, estimated from {@code first}'s boxes, makes the text at fit larger without making the drawing
         * larger; only stages with no edge between two of their own jobs wrap, in source order.
         */
        private Map<String, Integer> wrapTallLanes(Layout first) {
            Map<String, Rect> box = new HashMap<>();
            double top = Double.MAX_VALUE;
            double bottom = 0;
            double fixed = 0; // bottom of the boxes in no lane, which stay where they are
            for (LayoutNode node : first.nodes()) {
                box.put(node.id(), node.bounds());
                top = Math.min(top, node.bounds().y());
                bottom = Math.max(bottom, node.bounds().bottom());
                if (!laneOf.containsKey(node.id())) {
                    fixed = Math.max(fixed, node.bounds().bottom());
                }
            }
            int n = lanes.size();
            List<List<String>> ids = new ArrayList<>();
            List<List<Rect>> rects = new ArrayList<>();
            boolean[] wrappable = new boolean[n];
            double[] span = new double[n];
            for (int i = 0; i < n; i++) {
                List<String> is = new ArrayList<>();
                List<Rect> rs = new ArrayList<>();
                wrappable[i] = true;
                double x0 = Double.MAX_VALUE;
                double x1 = -Double.MAX_VALUE;
                for (String id : lanes.get(i).steps()) {
                    if (!Objects.equals(laneOf.get(id), i)) {
                        continue;
                    }
                    Rect r = box.get(id);
                    if (r == null) {
                        wrappable[i] = false; // a group box
                        continue;
                    }
                    is.add(id);
                    rs.add(r);
                    x0 = Math.min(x0, r.x());
                    x1 = Math.max(x1, r.right());
                }
                ids.add(is);
                rects.add(rs);
                span[i] = Math.max(0, x1 - x0);
            }
            for (PlanEdge e : plan.edges()) {
                Integer a = e == null || e.from() == null || e.from().equals(e.to()) ? null : laneOf.get(e.from());
                if (a != null && a.equals(laneOf.get(e.to()))) {
                    wrappable[a] = false; // an edge inside a stage: its jobs are layered, not wrapped
                }
            }
            // estimates: every stage's jobs stacked from the top without gaps (ELK may have pulled a job down
            // next to what it needs; it does so again after the wrap, and the real layouts are compared after)
            double below = first.height() - bottom;
            int[] k = new int[n];
            java.util.Arrays.fill(k, 1);
            double w = first.width();
            double h = first.height();
            boolean any = false;
            while (fit(w, h) < 1) {
                int tallest = -1;
                double tallestHeight = -1;
                for (int i = 0; i < n; i++) {
                    double lh = wrapped(rects.get(i), k[i])[1];
                    if (lh > tallestHeight) {
                        tallest = i;
                        tallestHeight = lh;
                    }
                }
                if (tallest < 0 || !wrappable[tallest] || k[tallest] >= rects.get(tallest).size()) {
                    break;
                }
                int[] next = k.clone();
                next[tallest]++;
                double w2 = first.width();
                double h2 = fixed + below;
                for (int i = 0; i < n; i++) {
                    double[] wh = wrapped(rects.get(i), next[i]);
                    w2 += next[i] == 1 ? 0 : wh[0] - span[i];
                    h2 = Math.max(h2, top + wh[1] + below);
                }
                if (fit(w2, h2) <= fit(w, h) + 1e-9 || w2 * h2 > w * h) {
                    break;
                }
                k = next;
                w = w2;
                h = h2;
                any = true;
            }
            if (!any) {
                return null;
            }
            Map<String, Integer> out = new HashMap<>(laneOf);
            int column = 0;
            for (int i = 0; i < n; i++) {
                int per = (ids.get(i).size() + k[i] - 1) / k[i];
                for (int j = 0; j < ids.get(i).size(); j++) {
                    out.put(ids.get(i).get(j), column + j / Math.max(1, per));
                }
                column += k[i];
            }
            return out;
        }

        /** Width and height of {@code boxes} (in order) in {@code columns} columns of equal count. */
        private double[] wrapped(List<Rect> boxes, int columns) {
            int per = (boxes.size() + columns - 1) / columns;
            double width = 0;
            double height = 0;
            for (int start = 0; start < boxes.size(); start += per) {
                double cw = 0;
                double ch = 0;
                for (Rect r : boxes.subList(start, Math.min(boxes.size(), start + per))) {
                    cw = Math.max(cw, r.width());
                    ch += (ch > 0 ? o.nodeGap() : 0) + r.height();
                }
                width += (width > 0 ? LANE_GAP : 0) + cw;
                height = Math.max(height, ch);
            }
            return new double[] {width, height};
        }

        private static double fit(double w, double h) {
            return Math.min(1, Math.min(LayoutQuality.FIT_WIDTH / Math.max(1, w), LayoutQuality.FIT_HEIGHT
                    / Math.max(1, h)));
        }

        /**
         * Rows of the lane headers' name part: 1, or {@link #MAX_LANE_TITLE_LINES} when some stage's name does
         * not fit one line over its narrowest possible column (its widest job, plus the gap on either side).
         */
        private int laneTitleRows() {
            int rows = 1;
            for (Lane lane : lanes) {
                double widest = o.minNodeWidth();
                for (String id : lane.steps()) {
                    PlannedStep s = steps.get(id);
                    if (s != null && !groupBoxes.contains(id) && !boxOf.containsKey(id)) {
                        widest = Math.max(widest, StepBoxes.size(s, lines.get(id), m, o)[0]);
                    }
                }
                rows = Math.max(rows, laneTitle(lane.name(), widest + Math.min(LANE_GAP, StepBoxes.MARGIN),
                        MAX_LANE_TITLE_LINES).size());
            }
            return rows;
        }

        /** A stage's name in lines that fit a header over a lane {@code width} wide (as the renderer draws it). */
        private List<String> laneTitle(String name, double width, int maxLines) {
            TextMeasurer bold = new TextMeasurer() {
                @Override
                public double width(String text) {
                    return m.width(text) * 1.1;
                }

                @Override
                public double fontSize() {
                    return m.fontSize();
                }
            };
            String text = name == null ? "" : name.strip().replaceAll("\\s+", " ");
            return LabelText.wrap(text, bold, Math.max(10, width - LayoutLane.TEXT_INSET), Math.max(1, maxLines));
        }

        /** A self loop, or an edge between a group and its own child: a short hook on the right. */
        private static List<Point> fallbackRoute(Rect a, Rect b) {
            if (a == b || a.equals(b)) {
                return List.of(new Point(a.right(), a.centerY()), new Point(a.right() + 14, a.centerY()),
                        new Point(a.right() + 14, a.y() - 12), new Point(a.centerX(), a.y() - 12),
                        new Point(a.centerX(), a.y()));
            }
            return List.of(new Point(a.right(), a.centerY()), new Point(b.x(), b.centerY()));
        }

        private static List<Point> points(ElkEdge ee) {
            List<Point> pts = new ArrayList<>();
            if (ee.getSections().isEmpty()) {
                return pts;
            }
            double[] off = absolute(ee.getContainingNode());
            for (ElkEdgeSection sec : ee.getSections()) {
                add(pts, sec.getStartX() + off[0], sec.getStartY() + off[1]);
                for (ElkBendPoint bp : sec.getBendPoints()) {
                    add(pts, bp.getX() + off[0], bp.getY() + off[1]);
                }
                add(pts, sec.getEndX() + off[0], sec.getEndY() + off[1]);
            }
            return pts;
        }

        private static void add(List<Point> pts, double x, double y) {
            Point p = new Point(x, y);
            if (pts.isEmpty() || !pts.get(pts.size() - 1).equals(p)) {
                pts.add(p);
            }
        }

        /** Top-left corner of {@code n} in root coordinates (the root itself is at 0,0). */
        private static double[] absolute(ElkNode n) {
            double x = 0;
            double y = 0;
            for (ElkNode cur = n; cur != null && cur.getParent() != null; cur = cur.getParent()) {
                x += cur.getX();
                y += cur.getY();
            }
            return new double[] {x, y};
        }

        /**
         * Column numbers from the drawing: boxes sorted by x share a column while they all overlap one
         * vertical line, so two boxes of one column never overlap vertically.
         */
        private Map<String, Integer> layers(Map<String, Rect> rect) {
            List<String> ids = new ArrayList<>();
            for (String id : steps.keySet()) {
                if (!groupBoxes.contains(id)) {
                    ids.add(id);
                }
            }
            ids.sort(Comparator.comparingDouble(id -> rect.get(id).x()));
            Map<String, Integer> out = new HashMap<>();
            int layer = -1;
            double minRight = Double.NEGATIVE_INFINITY;
            for (String id : ids) {
                Rect r = rect.get(id);
                if (r.x() >= minRight) {
                    layer++;
                    minRight = r.right();
                } else {
                    minRight = Math.min(minRight, r.right());
                }
                out.put(id, layer);
            }
            return out;
        }
    }
}
