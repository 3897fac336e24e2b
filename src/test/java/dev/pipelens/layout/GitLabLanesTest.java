package dev.pipelens.layout;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Lane;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.Plan;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GitLab drawn as GitLab draws it: a column per stage, stage order once per boundary, job families folded. */
class GitLabLanesTest {

    private static final Path CORPUS = Path.of("../shared/corpus/gitlab");

    private static Layout drawing(String file) {
        Path p = CORPUS.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(p), "corpus not found at ../shared (see README)");
        PipelinePlanner planner = Pipelines.open(p, null, YamlLimits.DEFAULT);
        Plan plan = planner.plan(Scenario.defaults());
        return PlanLayouts.drawing(planner, plan);
    }

    @Test
    void familyNamesFollowGitLabsGroupingRule() {
        assertEquals("rspec", Families.family("rspec 1/28"));
        assertEquals("rspec-pg", Families.family("rspec-pg 0 28"));
        assertEquals("build", Families.family("build 2:3"));
        assertEquals("test", Families.family("test: [ruby, 3.2]"));
        assertNull(Families.family("rspec"));
        assertNull(Families.family("compile-assets"));
    }

    @Test
    void fdroidserverIsDrawnInStageColumnsWithoutStageEdges() {
        Layout l = drawing("f-droid__fdroidserver__.gitlab-ci.yml");
        assertEquals(List.of("lint", "test", "deploy"), l.lanes().stream().map(LayoutLane::name)
                .collect(Collectors.toList()));
        var nodes = l.nodesById();
        for (int i = 0; i < l.lanes().size(); i++) {
            LayoutLane lane = l.lanes().get(i);
            for (String id : lane.steps()) {
                assertTrue(lane.bounds().contains(nodes.get(id).bounds()), id + " inside its stage " + lane.name());
            }
            if (i > 0) {
                assertTrue(l.lanes().get(i - 1).bounds().right() <= lane.bounds().x() + 1e-6, "stages in order");
            }
        }
        assertTrue(l.edges().stream().noneMatch(e -> e.kind() == EdgeKind.IMPLICIT),
                "stage order is the lane boundary, not n x m edges: " + l.edges());
        assertTrue(l.edges().stream().anyMatch(e -> e.from().equals("Build documentation") && e.to().equals("pages")),
                "needs edges are drawn");
        LayoutQuality q = LayoutQuality.of(l);
        assertEquals(0, q.crossings());
        assertEquals(0, q.throughBoxes());
    }

    @Test
    void gitlabhqFoldsItsParallelFamiliesIntoOneBoxEach() {
        Layout l = drawing("gitlabhq__gitlabhq__.gitlab-ci.yml");
        LayoutNode rspec = l.nodes().stream().filter(n -> n.label().equals("rspec-pg")).findFirst().orElseThrow();
        assertEquals(28, rspec.members().size());
        assertEquals(28, rspec.jobs());
        assertEquals("rspec-pg 0 28", rspec.id());
        assertTrue(l.nodes().size() < 80, "153 jobs fold into far fewer boxes: " + l.nodes().size());
        // its 37-box "test" stage wraps into side-by-side columns: the whole drawing fits 1600 x 900 at full size
        assertTrue(LayoutQuality.of(l).textAtFit() >= 12.9, "was 1.4 px, then 6.9 px at fit: " + LayoutQuality.of(l));
    }

    @Test
    void aLongStageNameWrapsInItsHeaderInsteadOfWideningItsColumn() {
        String name = "integration tests against the staging environment";
        Plan plan = new PlanFixture("long.yml")
                .step("a", "a", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS)
                .step("b", "b", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS)
                .step("c", "c", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS).plan();
        Layout l = new ElkLayout().layout(plan, List.of(new Lane("build", List.of("a")), new Lane(name, List.of("b")),
                new Lane("deploy", List.of("c"))));
        var nodes = l.nodesById();
        LayoutLane lane = l.lanes().get(1);
        double box = nodes.get("b").bounds().width();
        assertTrue(lane.bounds().width() <= box + ElkLayout.LANE_GAP + 1e-6,
                "the column is as wide as its job and the gaps, not as its name: " + lane + " box " + box);
        for (LayoutLane other : l.lanes()) {
            for (LayoutNode n : l.nodes()) {
                boolean inside = n.bounds().x() < other.bounds().right() && n.bounds().right() > other.bounds().x();
                assertEquals(other.steps().contains(n.id()), inside, n.id() + " against stage " + other.name());
            }
        }
        assertEquals(2, lane.title().size(), "the name takes a second header line: " + lane.title());
        assertTrue(name.startsWith(lane.title().get(0) + " "), lane.title().toString());
        assertTrue(lane.title().get(1).endsWith(LabelText.ELLIPSIS)
                || String.join(" ", lane.title()).equals(name), "cut with an ellipsis or whole: " + lane.title());
        TextMeasurer m = LayoutOptions.defaults().measurer();
        for (String line : lane.title()) {
            assertTrue(m.width(line) * 1.1 <= lane.bounds().width() - LayoutLane.TEXT_INSET, line + " fits " + lane);
        }
        for (LayoutLane other : l.lanes()) {
            assertEquals(lane.headerHeight(), other.headerHeight(), "one header row for all stages");
            assertTrue(other.headerHeight() >= 3 * m.lineHeight(), "two name lines and the counts: " + other);
            assertTrue(nodes.get(other.steps().get(0)).bounds().y() >= other.bounds().y() + other.headerHeight(),
                    "jobs below the header");
        }
        assertEquals(List.of("build"), l.lanes().get(0).title());

        // drawn as laid out: both lines in the header, the whole name in the stage's tooltip
        String svg = new dev.pipelens.export.SvgExporter().toSvg(plan, l,
                dev.pipelens.export.ExportOptions.defaults());
        for (String line : lane.title()) {
            assertTrue(svg.contains(">" + line + "</text>"), line + " drawn: " + svg);
        }
        assertTrue(svg.contains("<title>stage " + name + "</title>"), "tooltip with the whole name");
    }

    @Test
    void aTallStageWrapsIntoColumnsUnderItsOneHeaderUnlessItsJobsNeedEachOther() {
        PlanFixture f = new PlanFixture("tall.yml")
                .step("b1", "b1", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS)
                .step("b2", "b2", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS);
        List<String> tests = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            tests.add("t" + i);
            f.step("t" + i, "test job " + i, dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS);
        }
        List<Lane> lanes = List.of(new Lane("build", List.of("b1", "b2")), new Lane("test", tests));
        Layout l = new ElkLayout().layout(f.plan(), lanes);
        var nodes = l.nodesById();
        java.util.TreeMap<Double, List<String>> columns = new java.util.TreeMap<>();
        for (String id : tests) {
            columns.computeIfAbsent(nodes.get(id).x(), x -> new java.util.ArrayList<>()).add(id);
        }
        assertTrue(columns.size() >= 2, "30 jobs in more than one column: " + columns.keySet());
        List<String> read = columns.values().stream().flatMap(List::stream).collect(Collectors.toList());
        assertEquals(tests, read, "source order, column by column");
        assertEquals(2, l.lanes().size(), "one header over the columns");
        for (String id : tests) {
            assertTrue(l.lanes().get(1).bounds().contains(nodes.get(id).bounds()), id + " inside its stage");
        }
        LayoutQuality wrapped = LayoutQuality.of(l);
        assertEquals(13, wrapped.textAtFit(), 1e-9, wrapped.toString());

        // with needs between its own jobs a stage keeps its layers instead
        Plan chained = f.edge("t1", "t2").plan();
        Layout c = new ElkLayout().layout(chained, lanes);
        long inFirst = tests.stream().filter(id -> c.nodesById().get(id).x() == c.nodesById().get("t3").x()).count();
        assertEquals(29, inFirst, "all but t2 in one column: " + c.nodes());
    }

    @Test
    void stageColumnsAreAtLeastAsReadableAtFitAsElksDefaultLayout() {
        for (String file : List.of("gitlabhq__gitlab-runner__.gitlab-ci.yml", "gitlabhq__gitlabhq__.gitlab-ci.yml",
                "f-droid__fdroidserver__.gitlab-ci.yml")) {
            Path p = CORPUS.resolve(file);
            Assumptions.assumeTrue(Files.isRegularFile(p), "corpus not found at ../shared (see README)");
            PipelinePlanner planner = Pipelines.open(p, null, YamlLimits.DEFAULT);
            Plan plan = planner.plan(Scenario.defaults());
            LayoutQuality ours = LayoutQuality.of(PlanLayouts.base(GraphLayout.standard(), planner, plan));
            LayoutQuality raw = LayoutQuality.of(PlanLayouts.base(ElkLayout.raw(), planner, plan));
            // gitlab-runner's eight one-column stages are width-limited: 28 px between stages made it
            // 1,983 px wide against ELK's 1,927 (10.5 px text at fit against 10.8)
            assertTrue(ours.textAtFit() >= raw.textAtFit(), file + ": " + ours + " vs ELK " + raw);
            assertTrue(ours.area() <= 1.2 * raw.area(), file + ": " + ours + " vs ELK " + raw);
            assertEquals(0, ours.throughBoxes(), file);
        }
    }

    @Test
    void aFoldedFamilyCountsItsMembersOutcomes() {
        Plan plan = new PlanFixture("f.yml")
                .step("t 1/3", "t 1/3", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS)
                .step("t 2/3", "t 2/3", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.RUNS)
                .step("t 3/3", "t 3/3", dev.pipelens.model.StepType.JOB, dev.pipelens.plan.Outcome.SKIPPED).plan();
        Families.Folded f = Families.fold(plan, List.of(new dev.pipelens.plan.Lane("test", List.of("t 1/3", "t 2/3",
                "t 3/3"))));
        assertEquals(List.of("t 1/3", "t 2/3", "t 3/3"), f.members().get("t 1/3"));
        assertEquals(1, f.plan().steps().size());
        assertEquals("t", f.plan().steps().get(0).label());
        assertEquals(3, f.plan().steps().get(0).jobs());
        LayoutNode n = new LayoutNode("t 1/3", "t", List.of("t"), dev.pipelens.model.StepType.JOB,
                dev.pipelens.plan.Outcome.RUNS, 3, null, 0, new Rect(0, 0, 100, 40), f.members().get("t 1/3"));
        assertEquals(java.util.Map.of(dev.pipelens.plan.Outcome.RUNS, 2, dev.pipelens.plan.Outcome.SKIPPED, 1),
                dev.pipelens.export.DiagramRenderer.memberCounts(n, plan.stepsById()));
        assertEquals(dev.pipelens.plan.Outcome.RUNS, PlanLayouts.familyOutcome(n, plan.stepsById()));
    }
}
