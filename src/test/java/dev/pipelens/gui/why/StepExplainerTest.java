package dev.pipelens.gui.why;

import dev.pipelens.layout.PlanLayouts;
import dev.pipelens.expr.SubValue;
import dev.pipelens.layout.LayeredLayout;
import dev.pipelens.layout.Layout;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.Plan;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The why panel's content and the stable layout, computed without JavaFX. */
public class StepExplainerTest {

    public static final Path RELEASE = Path.of("samples/buildkite/release.yml");
    private static final Scenario TAG = Scenario.defaults().withBranch(null).withTag("v1.2.0");

    @Test
    void blockStepShowsEachSubExpressionOfItsConditionAndItsLines() throws Exception {
        PipelinePlanner planner = Pipelines.open(RELEASE, null, YamlLimits.DEFAULT);
        Plan plan = planner.plan(TAG);
        String text = Files.readString(RELEASE);
        StepDetails d = StepExplainer.explain(planner, plan, text, "block-build-release-images", 0).orElseThrow();
        assertEquals(Outcome.BLOCKED, d.step().outcome());
        assertEquals("true", d.conditionValue());
        assertTrue(d.trace().stream().anyMatch(v -> v.text().equals("build.env(\"NIGHTLY\")") && v.value().equals("null")),
                d.trace().toString());
        StepDetails.ExcerptLine first = d.excerpt().stream().filter(StepDetails.ExcerptLine::highlighted).findFirst().orElseThrow();
        assertEquals(d.step().span().line(), first.number());
        assertTrue(d.excerpt().stream().filter(StepDetails.ExcerptLine::highlighted)
                .anyMatch(l -> l.text().contains("if:")), d.excerpt().toString());
        assertTrue(d.dependents().stream().anyMatch(l -> l.id().equals("release-images")), d.dependents().toString());
    }

    @Test
    void aDiagnosticLineSelectsTheStepWrittenThere() {
        PipelinePlanner planner = Pipelines.open(RELEASE, null, YamlLimits.DEFAULT);
        Plan plan = planner.plan(TAG);
        int line = plan.step("publish-manifest").orElseThrow().span().line();
        assertEquals("publish-manifest", StepExplainer.stepAtLine(plan, line + 1));
        assertEquals("publish-manifest", StepExplainer.stepAtLine(plan, line));
    }

    @Test
    void positionsStayWhenTheScenarioChangesOnlyOutcomesAndEdgesFollow() {
        PipelinePlanner planner = Pipelines.open(RELEASE, null, YamlLimits.DEFAULT);
        Plan tag = planner.plan(TAG);
        Plan nightly = planner.plan(TAG.withVariable("NIGHTLY", "1"));
        Layout base = PlanLayouts.base(new LayeredLayout(), planner, tag);
        assertTrue(PlanLayouts.fits(base, nightly));
        Layout a = PlanLayouts.restyle(base, tag);
        Layout b = PlanLayouts.restyle(base, nightly);
        assertEquals(a.node("build-release-image").orElseThrow().bounds(), b.node("build-release-image").orElseThrow().bounds());
        assertEquals(Outcome.GATED, a.node("build-release-image").orElseThrow().outcome());
        assertEquals(Outcome.RUNS, b.node("build-release-image").orElseThrow().outcome());
        assertEquals(nightly.edges().size(), b.edges().size());
        assertEquals(tag.edges().size(), a.edges().size());
    }
}
