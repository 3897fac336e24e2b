package dev.pipelens.layout;

import dev.pipelens.model.Scenario;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.Plan;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElkLayoutTest {

    private static final Path VLLM = Path.of("../shared/corpus/buildkite/"
            + "vllm-project__vllm__.buildkite__release-pipeline.yaml__ce62f8ae");

    private final ElkLayout layout = new ElkLayout();

    @Test
    void releaseFixtureKeepsGroupsAroundChildrenAndGatesNextToWhatTheyGate() {
        Plan plan = PlanFixture.release();
        Layout l = layout.layout(plan);
        LayoutInvariants.check(l);
        assertEquals(Set.of("images", "docs"), l.groups().stream().map(LayoutGroup::id).collect(Collectors.toSet()));
        LayoutGroup images = l.group("images").orElseThrow();
        LayoutNode block = l.node("block-images").orElseThrow();
        assertTrue(block.bounds().right() < images.bounds().x(), "the gate is left of the group it holds");
        assertTrue(images.bounds().x() - block.bounds().right() <= 2 * ElkLayout.LAYER_GAP,
                "the gate sits in the column just before its group: " + block.bounds() + " " + images.bounds());
        assertTrue(l.node("images-wait").orElseThrow().isBar());
        assertEquals(List.of("Build wheel - CPU"), l.node("wheel-cpu").orElseThrow().lines());
        assertOrthogonalAndClean(l);
    }

    @Test
    void boxesHaveTheSameSizesAsTheOwnLayout() {
        Plan plan = PlanFixture.release();
        Layout elk = layout.layout(plan);
        Layout own = new LayeredLayout().layout(plan);
        for (LayoutNode n : own.nodes()) {
            LayoutNode e = elk.node(n.id()).orElseThrow();
            assertEquals(n.width(), e.width(), 1e-9, n.id());
            assertEquals(n.height(), e.height(), 1e-9, n.id());
            assertEquals(n.lines(), e.lines(), n.id());
        }
        assertEquals(own.metrics(), elk.metrics());
    }

    @Test
    void generatedGraphsWithCyclesStillLayOut() {
        for (long seed = 1; seed <= 5; seed++) {
            Layout l = layout.layout(PlanFixture.generated(60, seed));
            LayoutInvariants.check(l);
            assertEquals(0, LayoutQuality.of(l).throughBoxes(), "seed " + seed);
        }
    }

    @Test
    void independentStepsArePackedInsteadOfStackedInOneColumn() {
        PlanFixture f = new PlanFixture("many.yml");
        for (int i = 0; i < 40; i++) {
            f.step("s" + i, "Independent step number " + i, StepType.COMMAND, Outcome.RUNS);
        }
        Layout l = layout.layout(f.plan());
        LayoutInvariants.check(l);
        assertTrue(l.width() > l.height() / 2, "packed: " + l.width() + " x " + l.height());
        assertTrue(LayoutQuality.of(l).textAtFit() >= 11, "readable when fitted: " + LayoutQuality.of(l));
    }

    /** The pipeline of issue 11: the old layout had 56 crossings, 7 edges through boxes and 17 through groups. */
    @Test
    void vllmReleasePipelineHasNoEdgeThroughABoxAndFewCrossings() {
        Assumptions.assumeTrue(Files.isRegularFile(VLLM), "corpus not found at ../shared (see README)");
        PipelinePlanner planner = Pipelines.open(VLLM, null, YamlLimits.DEFAULT);
        Plan plan = planner.plan(Scenario.defaults());
        Layout l = PlanLayouts.base(GraphLayout.standard(), planner, plan);
        LayoutInvariants.check(l);
        LayoutQuality q = LayoutQuality.of(l);
        LayoutQuality raw = LayoutQuality.of(ElkLayout.raw().layout(PlanLayouts.unionPlan(planner, plan)));
        assertEquals(0, q.throughBoxes(), q.toString());
        assertEquals(0, q.throughGroups(), q.toString());
        assertTrue(q.crossings() <= Math.ceil(raw.crossings() * 1.25), q + " vs " + raw);
        assertTrue(q.area() <= 1.2 * raw.area(), q + " vs " + raw);
        assertTrue(q.textAtFit() >= raw.textAtFit() - 0.05, q + " vs " + raw);
        assertOrthogonalAndClean(l);
    }

    private static void assertOrthogonalAndClean(Layout l) {
        var boxes = l.nodesById();
        for (LayoutEdge e : l.edges()) {
            if (e.route() != LayoutEdge.Route.ORTHOGONAL) {
                continue;
            }
            List<Point> p = e.points();
            for (int i = 1; i < p.size(); i++) {
                Point a = p.get(i - 1);
                Point b = p.get(i);
                assertTrue(Math.abs(a.x() - b.x()) < 1e-6 || Math.abs(a.y() - b.y()) < 1e-6,
                        () -> "not orthogonal: " + e);
            }
            assertEquals(p.get(0).y(), p.get(1).y(), 1e-6, () -> "leaves horizontally: " + e);
            assertEquals(p.get(p.size() - 1).y(), p.get(p.size() - 2).y(), 1e-6, () -> "enters horizontally: " + e);
            LayoutNode from = boxes.get(e.from());
            LayoutNode to = boxes.get(e.to());
            if (from != null) {
                assertEquals(from.bounds().right(), p.get(0).x(), 1e-6, () -> "starts on the right side: " + e);
            }
            if (to != null) {
                assertEquals(to.bounds().x(), p.get(p.size() - 1).x(), 1e-6, () -> "ends on the left side: " + e);
            }
        }
    }
}
