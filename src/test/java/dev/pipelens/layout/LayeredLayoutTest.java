package dev.pipelens.layout;

import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayeredLayoutTest {

    private final LayeredLayout layout = new LayeredLayout();

    @Test
    void chainRunsLeftToRightOneLayerPerStep() {
        Layout l = layout.layout(PlanFixture.chain());
        LayoutInvariants.check(l);
        assertEquals(3, l.layers());
        assertEquals(List.of(0, 1, 2), l.nodes().stream().map(LayoutNode::layer).collect(Collectors.toList()));
        LayoutNode a = l.node("a").orElseThrow();
        LayoutNode b = l.node("b").orElseThrow();
        assertTrue(a.bounds().right() < b.x());
        assertEquals(a.bounds().centerY(), b.bounds().centerY(), 1e-6, "a chain is straight");
        assertEquals(EdgeKind.IMPLICIT, l.edges().get(1).kind());
    }

    @Test
    void releasePipelineKeepsGroupsAroundTheirChildren() {
        Plan plan = PlanFixture.release();
        Layout l = layout.layout(plan);
        LayoutInvariants.check(l);
        assertEquals(Set.of("images", "docs"), l.groups().stream().map(LayoutGroup::id).collect(Collectors.toSet()));
        assertTrue(l.node("images").isEmpty(), "a group with children is a box, not a node");
        assertEquals(plan.steps().size() - 2, l.nodes().size());
        // a step that depends on a whole group sits right of all its children
        LayoutNode wait2 = l.node("wait-2").orElseThrow();
        for (LayoutNode n : l.nodes()) {
            if ("images".equals(n.group()) || "docs".equals(n.group())) {
                assertTrue(n.layer() < wait2.layer(), n.id());
            }
        }
        LayoutGroup images = l.group("images").orElseThrow();
        LayoutNode block = l.node("block-images").orElseThrow();
        assertTrue(block.bounds().right() < images.bounds().x(), "the gate is left of the group it holds");
        // edges to and from groups end on the group box
        var edge = l.edges().stream().filter(e -> e.to().equals("images")).findFirst().orElseThrow();
        assertEquals(images.bounds().x(), edge.points().get(edge.points().size() - 1).x(), 1e-6);
        // waits are bars, labels lose their emoji shortcodes
        assertTrue(l.node("images-wait").orElseThrow().isBar());
        assertEquals(List.of("Build wheel - CPU"), l.node("wheel-cpu").orElseThrow().lines());
        assertEquals(":linux: Build wheel - CPU", l.node("wheel-cpu").orElseThrow().label());
        assertEquals(2, l.node("image").orElseThrow().jobs());
        // the dangling edge is dropped
        assertTrue(l.edges().stream().noneMatch(e -> e.from().equals("missing-step")));
    }

    @Test
    void sameInputGivesSameCoordinates() {
        assertEquals(layout.layout(PlanFixture.release()), layout.layout(PlanFixture.release()));
        Plan big = PlanFixture.generated(400, 3);
        assertEquals(layout.layout(big), new LayeredLayout().layout(big));
    }

    @Test
    void cyclesAreBrokenNotFatal() {
        Plan plan = new PlanFixture("cycle.yml")
                .cmd("a", "A", Outcome.NEVER).cmd("b", "B", Outcome.NEVER).cmd("c", "C", Outcome.NEVER)
                .cmd("d", "D", Outcome.RUNS)
                .edge("a", "b").edge("b", "c").edge("c", "a").edge("c", "d").edge("d", "d")
                .plan();
        Layout l = layout.layout(plan);
        LayoutInvariants.check(l);
        assertEquals(4, l.nodes().size());
        assertEquals(5, l.edges().size());
        long back = l.edges().stream().filter(e -> e.route() == LayoutEdge.Route.BACK).count();
        assertEquals(2, back, "one edge of the cycle and the self loop");
    }

    @Test
    void cyclesThroughGroupsAndOddGroupReferencesDoNotCrash() {
        Plan plan = new PlanFixture("odd.yml")
                .group("g", "G", Outcome.RUNS)
                .cmd("c1", "child 1", Outcome.RUNS)
                .cmd("c2", "child 2", Outcome.RUNS)
                .in(null)
                .cmd("x", "X", Outcome.RUNS)
                .step("g2", "nested", StepType.GROUP, Outcome.RUNS)
                .in("g2").cmd("c3", "in nested", Outcome.RUNS)
                .in("x").cmd("c4", "group is a command", Outcome.RUNS)
                .in("nowhere").cmd("c5", "unknown group", Outcome.RUNS)
                .in(null).cmd("c1", "duplicate id", Outcome.RUNS)
                .step("empty", "empty group", StepType.GROUP, Outcome.SKIPPED)
                .edge("c1", "g").edge("g", "c2").edge("x", "g").edge("g", "x").edge("g", "g")
                .edge("g2", "c3").edge("empty", "x")
                .plan();
        Layout l = layout.layout(plan);
        LayoutInvariants.check(l);
        assertTrue(l.node("empty").isPresent(), "a group without children is drawn as a node");
        assertEquals(1, l.nodes().stream().filter(n -> n.id().equals("c1")).count());
    }

    @Test
    void emptyAndEdgelessPlansLayOut() {
        Layout empty = layout.layout(new PlanFixture("empty.yml").plan());
        assertTrue(empty.nodes().isEmpty());
        assertTrue(empty.width() > 0 && empty.height() > 0);
        Layout one = layout.layout(new PlanFixture("one.yml").cmd("a", null, Outcome.RUNS).plan());
        assertEquals(List.of("a"), one.nodes().get(0).lines(), "a missing label falls back to the id");
        LayoutInvariants.check(one);
    }

    @Test
    void skippedStepsFollowTheStepBeforeThem() {
        Plan plan = new PlanFixture("skip.yml")
                .cmd("a", "A", Outcome.RUNS).cmd("b", "B", Outcome.RUNS)
                .step("w", "wait", StepType.WAIT, Outcome.RUNS)
                .cmd("c", "C", Outcome.RUNS)
                .cmd("s", "skipped after c", Outcome.SKIPPED)
                .edge("a", "b").implicit("b", "w").implicit("w", "c")
                .plan();
        Layout l = layout.layout(plan);
        assertEquals(l.node("c").orElseThrow().layer(), l.node("s").orElseThrow().layer());
    }

    @Test
    void barrierOfFiveHundredByFiveHundredStaysThreeLayers() {
        PlanFixture f = new PlanFixture("barrier.yml");
        for (int i = 0; i < 500; i++) {
            f.cmd("a" + i, "before " + i, Outcome.RUNS);
        }
        f.step("w", "wait", StepType.WAIT, Outcome.RUNS);
        for (int i = 0; i < 500; i++) {
            f.cmd("b" + i, "after " + i, Outcome.GATED);
        }
        for (int i = 0; i < 500; i++) {
            f.implicit("a" + i, "w").implicit("w", "b" + i);
        }
        Layout l = layout.layout(f.plan());
        assertEquals(3, l.layers());
        assertTrue(l.edges().stream().allMatch(e -> e.route() == LayoutEdge.Route.LAYERED && e.points().size() == 2));
        LayoutInvariants.check(l);
    }

    @Test
    void longEdgesPastTheBudgetAreDrawnStraight() {
        PlanFixture f = new PlanFixture("fan.yml");
        for (int i = 0; i < 40; i++) {
            f.cmd("c" + i, "C " + i, Outcome.RUNS);
            if (i > 0) {
                f.edge("c" + (i - 1), "c" + i).edge("c0", "c" + i);
            }
        }
        Layout l = new LayeredLayout(LayoutOptions.defaults().withMaxBendPoints(10)).layout(f.plan());
        LayoutInvariants.check(l);
        assertTrue(l.edges().stream().anyMatch(e -> e.route() == LayoutEdge.Route.DIRECT));
        assertEquals(40, l.layers());
    }

    @Test
    void generatedThousandStepPlanKeepsItsStructure() {
        Plan plan = PlanFixture.generated(1000, 42);
        Layout l = layout.layout(plan);
        long groups = plan.steps().stream().filter(s -> s.type() == StepType.GROUP).count();
        assertEquals(plan.steps().size() - groups, l.nodes().size());
        assertEquals(groups, l.groups().size());
        assertEquals(plan.edges().size(), l.edges().size());
        assertFalse(l.edges().stream().anyMatch(e -> e.route() == LayoutEdge.Route.BACK), "the plan has no cycle");
        LayoutInvariants.check(l);
    }

    @Test
    void labelsWrapAndShorten() {
        TextMeasurer m = TextMeasurer.estimate(13);
        assertEquals("Deploy", LabelText.display(":rocket: Deploy :tada:", "id"));
        assertEquals(":rocket:", LabelText.display(":rocket:", "id"), "nothing left: keep the shortcode");
        assertEquals("a b", LabelText.display("a\t\u0001 b", "id"));
        assertEquals("id", LabelText.display("  ", "id"));
        List<String> lines = LabelText.wrap("one two three four five six seven eight nine ten eleven twelve "
                + "thirteen fourteen fifteen sixteen seventeen", m, 120, 2);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith(LabelText.ELLIPSIS));
        for (String line : lines) {
            assertTrue(m.width(line) <= 120, line);
        }
        assertEquals(List.of("first", "second"), LabelText.wrap("first\nsecond", m, 200, 3));
        List<String> hard = LabelText.wrap("x".repeat(300), m, 100, 2);
        assertEquals(2, hard.size());
    }
}
