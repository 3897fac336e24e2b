package dev.pipelens.layout;

import dev.pipelens.cli.SyntheticPipeline;
import dev.pipelens.export.ExportOptions;
import dev.pipelens.export.PngExporter;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated 1,000-step pipelines (what {@code pipelens bench} plans) drawn by the production engine choice
 * ({@link PlanLayouts#drawing}, as the window and {@code pipelens export} draw them) fit a PNG at scale 1 and
 * stay a clean drawing. Not timed: {@code pipelens bench} measures how long it takes.
 */
class HugeGraphLayoutTest {

    @TempDir
    Path dir;

    @Test
    void buildkiteThousandStepsIsWrappedIntoAPngAtFullSize() throws IOException {
        Drawing d = draw("pipeline.yml", SyntheticPipeline.buildkite(1000));
        Layout unwrapped = PlanLayouts.base(new ElkLayout(), d.planner, d.plan);
        assertTrue(unwrapped.width() > GraphLayout.MAX_SIDE,
                "the case this guards: unwrapped, the drawing is too wide for a PNG (" + unwrapped.width() + " px)");
        assertFitsPng(d);
        assertEquals(d.plan.steps().size() - d.layout.groups().size(), d.layout.nodes().size(), "every step placed");
        LayoutInvariants.checkBoxes(d.layout);
        assertClean(d.layout);
        assertEdgesReadLeftToRight(d.layout);
        assertEquals(List.of(), backEdges(d.layout), "no cycle here, so no edge is drawn as a cycle breaker");
    }

    private static List<List<String>> backEdges(Layout l) {
        return l.edges().stream().filter(e -> e.route() == LayoutEdge.Route.BACK)
                .map(e -> List.of(e.from(), e.to())).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    @Test
    void gitLabThousandJobsFitsAPngAtFullSize() throws IOException {
        Drawing d = draw(".gitlab-ci.yml", SyntheticPipeline.gitlab(1000));
        assertFitsPng(d);
        assertEquals(5, d.layout.lanes().size(), "still drawn in stage columns");
        LayoutInvariants.check(d.layout);
        assertClean(d.layout);
    }

    @Test
    void drawingsThatFitAreNotWrapped() throws IOException {
        Drawing d = draw("pipeline.yml", SyntheticPipeline.buildkite(300));
        Layout plain = PlanLayouts.restyle(PlanLayouts.base(new ElkLayout(), d.planner, d.plan), d.plan);
        assertTrue(plain.width() <= GraphLayout.MAX_SIDE && plain.height() <= GraphLayout.MAX_SIDE, "fits unwrapped");
        assertEquals(plain.width(), d.layout.width(), 1e-9);
        assertEquals(plain.height(), d.layout.height(), 1e-9);
        LayoutInvariants.check(d.layout);
    }

    @Test
    void denseOrLanedPlansAboveFifteenHundredElementsKeepTheOwnLayout() throws IOException {
        Drawing d = draw("pipeline.yml", SyntheticPipeline.buildkite(1000));
        assertTrue(GraphLayout.elkCanDraw(PlanLayouts.unionPlan(d.planner, d.plan), List.of()), "sparse: ELK");
        List<dev.pipelens.plan.PlannedStep> steps = new java.util.ArrayList<>();
        List<dev.pipelens.plan.PlanEdge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            steps.add(new dev.pipelens.plan.PlannedStep("d" + i, null, "d" + i, dev.pipelens.model.StepType.COMMAND,
                    null, dev.pipelens.plan.Outcome.RUNS, 1, List.of(), List.of(), null, null));
            for (int k = 1; k <= 8 && k <= i; k++) {
                edges.add(new dev.pipelens.plan.PlanEdge("d" + (i - k * 7 % (i + 1)), "d" + i,
                        dev.pipelens.plan.EdgeKind.EXPLICIT, false));
            }
        }
        Plan dense = new Plan(null, null, null, true, List.of(), steps, edges, List.of());
        assertTrue(steps.size() + edges.size() < GraphLayout.ELK_MAX_ELEMENTS);
        assertTrue(!GraphLayout.elkCanDraw(dense, List.of()), "8 edges a step: the own layout");
        List<dev.pipelens.plan.PlannedStep> more = new java.util.ArrayList<>(steps);
        for (int i = 500; i < 1000; i++) {
            more.add(new dev.pipelens.plan.PlannedStep("d" + i, null, "d" + i, dev.pipelens.model.StepType.COMMAND,
                    null, dev.pipelens.plan.Outcome.RUNS, 1, List.of(), List.of(), null, null));
        }
        Plan sparse = new Plan(null, null, null, true, List.of(), more, edges.subList(0, 600), List.of());
        assertTrue(GraphLayout.elkCanDraw(sparse, List.of()));
        assertTrue(!GraphLayout.elkCanDraw(sparse, List.of(new dev.pipelens.plan.Lane("build", List.of("d0")))),
                "in lanes: the old limit of 1,500");
    }

    @Test
    void onlyEdgesOnACycleStayCycleBreakersInAWrappedDrawing() {
        List<LayoutNode> nodes = new java.util.ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            nodes.add(new LayoutNode(id, id, List.of(id), dev.pipelens.model.StepType.COMMAND,
                    dev.pipelens.plan.Outcome.RUNS, 1, null, 0, new Rect(10, 10, 20, 20), List.of()));
        }
        List<Point> leftwards = List.of(new Point(30, 20), new Point(10, 20));
        List<LayoutEdge> edges = List.of(
                new LayoutEdge("a", "b", dev.pipelens.plan.EdgeKind.EXPLICIT, false, LayoutEdge.Route.ORTHOGONAL, leftwards),
                new LayoutEdge("b", "a", dev.pipelens.plan.EdgeKind.EXPLICIT, false, LayoutEdge.Route.BACK, leftwards),
                new LayoutEdge("b", "c", dev.pipelens.plan.EdgeKind.IMPLICIT, false, LayoutEdge.Route.BACK, leftwards),
                new LayoutEdge("d", "d", dev.pipelens.plan.EdgeKind.EXPLICIT, false, LayoutEdge.Route.BACK, leftwards));
        Layout l = GraphLayout.backOnlyOnCycles(new Layout(nodes, List.of(), edges, 100, 100, 1, null));
        assertEquals(List.of(List.of("b", "a"), List.of("d", "d")), backEdges(l));
        assertEquals(LayoutEdge.Route.ORTHOGONAL, l.edges().get(2).route(), "b -> c only wraps");
        assertEquals(edges.get(2).points(), l.edges().get(2).points());
    }

    private record Drawing(PipelinePlanner planner, Plan plan, Layout layout) {
    }

    private Drawing draw(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        PipelinePlanner planner = Pipelines.open(file, null, YamlLimits.DEFAULT);
        Plan plan = planner.plan(Scenario.defaults());
        return new Drawing(planner, plan, PlanLayouts.drawing(planner, plan));
    }

    private static void assertFitsPng(Drawing d) {
        int[] px = PngExporter.imageSize(d.plan, d.layout, ExportOptions.defaults());
        assertTrue(px[0] <= PngExporter.MAX_SIDE && px[1] <= PngExporter.MAX_SIDE
                && (long) px[0] * px[1] <= PngExporter.MAX_PIXELS, () -> "PNG at scale 1 is " + px[0] + " x " + px[1]);
    }

    private static void assertClean(Layout l) {
        LayoutQuality q = LayoutQuality.of(l);
        assertEquals(0, q.throughBoxes(), "edges through a step box they do not connect");
        assertEquals(0, q.throughGroups(), "edges through a group they do not belong to");
    }

    /**
     * Even where an edge wraps back to the next chunk, it leaves its source on the right side and comes into
     * its target from the left, so the arrow still says which way it goes.
     */
    private static void assertEdgesReadLeftToRight(Layout l) {
        Map<String, Rect> box = new HashMap<>();
        l.nodes().forEach(n -> box.put(n.id(), n.bounds()));
        l.groups().forEach(g -> box.put(g.id(), g.bounds()));
        int wrapped = 0;
        for (LayoutEdge e : l.edges()) {
            if (e.route() == LayoutEdge.Route.BACK) {
                continue;
            }
            List<Point> p = e.points();
            Point first = p.get(0);
            Point last = p.get(p.size() - 1);
            Point beforeLast = p.get(p.size() - 2);
            assertEquals(box.get(e.from()).right(), first.x(), 1, () -> "leaves its source's right side: " + e);
            assertEquals(box.get(e.to()).x(), last.x(), 1, () -> "enters its target's left side: " + e);
            assertTrue(beforeLast.x() < last.x() && Math.abs(beforeLast.y() - last.y()) < 1e-6,
                    () -> "comes in horizontally from the left: " + e);
            if (last.x() < first.x()) {
                wrapped++;
            }
        }
        assertTrue(wrapped > 0, "some edges wrap to the next chunk");
    }
}
