package dev.pipelens.gui.graph;

import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutEdge;
import dev.pipelens.layout.LayoutGroup;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.PlanLayouts;
import dev.pipelens.layout.Point;
import dev.pipelens.layout.Rect;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLoader;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zoomed out below readable labels the graph draws each group as one summary box with its counts; zoomed
 * back in it draws every box again (issue 11). On the bundled sample and the vLLM release pipeline.
 */
@ExtendWith(ApplicationExtension.class)
class GroupSummaryTest {

    static final Path SAMPLE = Path.of("samples/buildkite/release.yml");
    static final Path VLLM = Path.of("../shared/corpus/buildkite/"
            + "vllm-project__vllm__.buildkite__release-pipeline.yaml__ce62f8ae");

    private GraphView graph;

    @Start
    void start(Stage stage) {
        graph = new GraphView();
        stage.setScene(new Scene(graph, 1000, 700));
        stage.show();
    }

    private record Drawn(Plan plan, Layout layout) {
    }

    private static Drawn drawing(Path file) throws Exception {
        PipelinePlanner planner = Pipelines.open(file, new YamlLoader().parse(Files.readString(file),
                file.toString()), null);
        Plan plan = planner.plan(Scenario.defaults());
        return new Drawn(plan, PlanLayouts.drawing(planner, plan));
    }

    private void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** The outcomes of the steps inside group {@code id}, counted from the plan. */
    private static Map<Outcome, Integer> countsOf(Plan plan, String id) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (PlannedStep s : plan.steps()) {
            if (id.equals(s.group()) && s.type() != StepType.GROUP) {
                counts.merge(s.outcome(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** A point of the view (local coordinates) over layout point {@code (x, y)}. */
    private Point2D local(double x, double y) {
        return graph.screenToLocal(graph.toScreen(x, y));
    }

    @Test
    void zoomedOutAGroupIsOneSummaryBoxWithItsCountsAndZoomedInItsStepsAreBack() throws Exception {
        Drawn d = drawing(SAMPLE);
        LayoutGroup group = d.layout().groups().get(0);
        LayoutNode member = d.layout().nodes().stream().filter(n -> group.id().equals(n.group())).findFirst()
                .orElseThrow();
        double font = d.layout().metrics().fontSize();
        onFx(() -> {
            graph.show(d.layout(), d.plan());
            graph.zoomTo(5.9 / font); // labels would be 5.9 px
        });
        assertTrue(onFx(graph::isSummarised), "summarised at " + graph.textPx() + " px");
        Summary s = onFx(graph::summary);
        Summary.Box box = s.group(group.id());
        assertNotNull(box, "the group has a summary box");
        assertEquals(countsOf(d.plan(), group.id()), box.counts());
        assertTrue(box.total() >= 2);
        assertFalse(s.marks().contains(member), "its steps are not drawn one by one");
        Point2D at = local(member.bounds().centerX(), member.bounds().centerY());
        assertEquals(group.id(), onFx(() -> graph.hit(at.getX(), at.getY())), "a point over a member hits the summary");
        // a step outside every group is still there, as a mark
        LayoutNode free = d.layout().nodes().stream().filter(n -> n.group() == null && !n.isBar()).findFirst()
                .orElseThrow();
        assertTrue(s.marks().contains(free));
        Point2D freeAt = local(free.bounds().centerX(), free.bounds().centerY());
        assertEquals(free.id(), onFx(() -> graph.hit(freeAt.getX(), freeAt.getY())));

        onFx(() -> graph.zoomTo(6.1 / font));
        assertFalse(onFx(graph::isSummarised), "labels of 6.1 px: the full graph");
        assertNull(onFx(graph::summary));
        Point2D again = local(member.bounds().centerX(), member.bounds().centerY());
        assertEquals(member.id(), onFx(() -> graph.hit(again.getX(), again.getY())));
    }

    @Test
    void clickingASummarySelectsTheGroupAndZoomsIntoItReadably(FxRobot robot) throws Exception {
        Drawn d = drawing(SAMPLE);
        LayoutGroup group = d.layout().groups().get(0);
        String[] selected = new String[1];
        onFx(() -> {
            graph.setOnSelect(id -> selected[0] = id);
            graph.show(d.layout(), d.plan());
            graph.zoomTo(0.3);
        });
        assertTrue(onFx(graph::isSummarised));
        Rect r = group.bounds();
        robot.clickOn(graph.toScreen(r.centerX(), r.centerY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(group.id(), selected[0]);
        assertEquals(group.id(), graph.selected());
        assertFalse(onFx(graph::isSummarised), "zoomed in: the group's steps are drawn");
        assertTrue(graph.textPx() >= GraphView.READABLE_TEXT_PX - 1e-6, "readable: " + graph.textPx() + " px");
        assertTrue(graph.isVisible(group.id()));
        d.layout().nodes().stream().filter(n -> group.id().equals(n.group())).findFirst()
                .ifPresent(n -> assertTrue(graph.isVisible(n.id()), n.id() + " in view"));
    }

    @Test
    void keyboardZoomGoesIntoSummariesAndBack(FxRobot robot) throws Exception {
        Drawn d = drawing(SAMPLE);
        onFx(() -> {
            graph.show(d.layout(), d.plan());
            graph.actualSize();
            graph.requestFocus();
        });
        int presses = 0;
        while (!onFx(graph::isSummarised) && presses++ < 30) {
            robot.type(javafx.scene.input.KeyCode.MINUS);
        }
        assertTrue(onFx(graph::isSummarised), "the minus key zooms out into summaries");
        while (onFx(graph::isSummarised) && presses-- > 0) {
            robot.type(javafx.scene.input.KeyCode.PLUS);
        }
        assertFalse(onFx(graph::isSummarised), "and plus back to the full graph");
    }

    @Test
    void vllmLinksMergeMemberEdgesIntoOnePerPairOfEnds() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(VLLM), "corpus not found at ../shared (see README)");
        Drawn d = drawing(VLLM);
        Summary s = new Summary(d.layout(), d.plan());
        assertTrue(s.groups().size() >= 5, "vLLM's release groups: " + s.groups().size());
        Map<String, Rect> boxes = new java.util.HashMap<>();
        s.groups().forEach(b -> boxes.put(b.id(), b.bounds()));
        Set<String> ends = new HashSet<>();
        int standsFor = 0;
        for (Summary.Link l : s.links()) {
            assertFalse(l.from().equals(l.to()), "no link inside one box: " + l);
            assertTrue(ends.add(l.from() + ">" + l.to() + ":" + l.kind() + l.back()), "drawn once: " + l);
            standsFor += l.count();
            Rect from = boxes.get(l.from());
            Rect to = boxes.get(l.to());
            Point first = l.points().get(0);
            Point last = l.points().get(l.points().size() - 1);
            if (from != null) {
                assertFalse(strictlyInside(first, from), "starts on or outside its box: " + l);
            }
            if (to != null) {
                assertFalse(strictlyInside(last, to), "ends on or outside its box: " + l);
            }
        }
        long between = d.layout().edges().stream().filter(e -> !box(s, e.from()).equals(box(s, e.to()))).count();
        assertEquals(between, standsFor, "every edge between two boxes is in exactly one link");
        assertTrue(s.links().size() < between, "merged: " + s.links().size() + " links for " + between + " edges");
        // every group's counts add up to the plan's steps inside it
        for (Summary.Box b : s.groups()) {
            assertEquals(countsOf(d.plan(), b.id()), b.counts(), b.id());
        }
    }

    @Test
    void gitlabStagesKeepTheirJobsAsMarksUnderAReadableNamePlateThatOpensTheStage(FxRobot robot) throws Exception {
        Path gitlab = Path.of("../shared/corpus/gitlab/gitlabhq__gitlabhq__.gitlab-ci.yml");
        Assumptions.assumeTrue(Files.isRegularFile(gitlab), "corpus not found at ../shared (see README)");
        Drawn d = drawing(gitlab);
        assertFalse(d.layout().lanes().isEmpty());
        onFx(() -> {
            graph.show(d.layout(), d.plan());
            graph.fit();
            // stages that wrap into columns let gitlabhq fit at about 8 px labels: zoom out past the threshold
            graph.zoomTo(0.9 * GraphView.SUMMARY_TEXT_PX / d.layout().metrics().fontSize());
        });
        assertTrue(onFx(graph::isSummarised), "gitlabhq zoomed out: " + graph.textPx() + " px labels");
        Summary s = onFx(graph::summary);
        assertEquals(d.layout().nodes(), s.marks(), "no groups: every job is a mark");
        assertEquals(d.layout().lanes().size(), s.lanes().size());
        int jobs = (int) d.plan().steps().stream().filter(st -> st.type() != StepType.GROUP).count();
        assertEquals(jobs, s.lanes().stream().mapToInt(Summary.Box::total).sum(), "every job counted in its stage");
        // the plate is in view (Fit, then zoomed out about the middle), above the stage's first job
        Summary.Box test = s.lanes().stream().filter(b -> b.id().equals("test")).findFirst().orElseThrow();
        Rect lane = test.bounds();
        Point2D plate = local(lane.centerX(), lane.y() + test.headerHeight());
        double y = plate.getY() - 6;
        assertTrue(y > 0, "plate in view: " + y);
        assertEquals(test, onFx(() -> graph.laneAt(plate.getX(), y)));
        robot.clickOn(graph.localToScreen(plate.getX(), y));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(graph::isSummarised), "the click opened the stage");
        assertTrue(graph.textPx() >= GraphView.READABLE_TEXT_PX - 1e-6);
        Rect v = graph.viewport();
        assertTrue(v.x() <= lane.x() && v.right() >= lane.right(), "the stage column is in view: " + v + " " + lane);
    }

    private static String box(Summary s, String id) {
        String b = s.boxOf(id);
        return b == null ? id : b;
    }

    private static boolean strictlyInside(Point p, Rect r) {
        return p.x() > r.x() + 0.01 && p.x() < r.right() - 0.01 && p.y() > r.y() + 0.01 && p.y() < r.bottom() - 0.01;
    }

    @Test
    void aRouteIsCutWhereItLeavesTheBox() {
        Rect box = new Rect(0, 0, 100, 50);
        List<Point> route = List.of(new Point(80, 25), new Point(140, 25), new Point(140, 200));
        List<Point> cut = Summary.leaving(route, box);
        assertEquals(List.of(new Point(100, 25), new Point(140, 25), new Point(140, 200)), cut);
        List<Point> down = Summary.leaving(List.of(new Point(50, 40), new Point(50, 90)), box);
        assertEquals(new Point(50, 50), down.get(0));
        assertNull(Summary.leaving(List.of(new Point(10, 10), new Point(90, 40)), box), "never leaves");
        assertEquals(List.of(new Point(120, 0), new Point(130, 0)),
                Summary.leaving(List.of(new Point(120, 0), new Point(130, 0)), box), "starts outside: unchanged");
    }

    @Test
    void aNameIsWholeOnlyWhenBrokenBetweenWords() {
        assertTrue(SummaryPainter.whole("Build release Docker images", List.of("Build release", "Docker images")));
        assertTrue(SummaryPainter.whole("publish-multi-arch", List.of("publish-", "multi-arch")));
        assertFalse(SummaryPainter.whole("Batch 22", List.of("Batc", "h 22")), "a split word");
        assertFalse(SummaryPainter.whole("Build release Docker images", List.of("Build release", "Docker\u2026")),
                "cut short");
    }

    /** A layout edge between two steps of one group is inside its box: no link for it. */
    @Test
    void edgesInsideAGroupAreNotLinks() throws Exception {
        Drawn d = drawing(SAMPLE);
        Summary s = new Summary(d.layout(), d.plan());
        for (LayoutEdge e : d.layout().edges()) {
            String a = box(s, e.from());
            String b = box(s, e.to());
            boolean linked = s.links().stream().anyMatch(l -> l.from().equals(a) && l.to().equals(b));
            assertEquals(!a.equals(b), linked, e.from() + " -> " + e.to());
        }
    }
}
