package dev.pipelens.gui.graph;

import dev.pipelens.layout.PlanLayouts;
import dev.pipelens.cli.SyntheticPipeline;
import dev.pipelens.layout.LayeredLayout;
import dev.pipelens.layout.Layout;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.Plan;
import dev.pipelens.yaml.YamlLoader;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 1,000-step pipeline: a frame draws only what is visible and stays well inside a 60 Hz budget. */
@ExtendWith(ApplicationExtension.class)
class GraphViewPerformanceTest {

    private GraphView graph;
    private Layout layout;
    private Plan plan;

    @Start
    void start(Stage stage) {
        graph = new GraphView();
        PipelinePlanner planner = Pipelines.open(Path.of("big.yml"),
                new YamlLoader().parse(SyntheticPipeline.buildkite(1000), "big.yml"), null);
        plan = planner.plan(Scenario.defaults());
        layout = PlanLayouts.restyle(PlanLayouts.base(new LayeredLayout(), planner, plan), plan);
        stage.setScene(new Scene(graph, 1000, 700));
        stage.show();
    }

    @Test
    void panningAndZoomingAThousandStepsDrawsOnlyTheVisiblePart(FxRobot robot) throws Exception {
        int[] drawnFit = new int[1];
        int[] drawnZoomed = new int[1];
        WaitForAsyncUtils.asyncFx(() -> {
            graph.show(layout, plan);
            graph.fit();
            // the whole graph drawn in full at the fitted zoom (the view itself draws summaries there)
            double s = graph.zoom();
            dev.pipelens.layout.Rect v = graph.viewport();
            javafx.scene.canvas.Canvas whole = new javafx.scene.canvas.Canvas(v.width() * s, v.height() * s);
            FxCanvas fx = new FxCanvas(whole.getGraphicsContext2D(), s, -v.x() * s, -v.y() * s, whole.getWidth(),
                    whole.getHeight());
            dev.pipelens.export.DiagramRenderer.render(plan, layout,
                    new dev.pipelens.export.ExportOptions(1, dev.pipelens.export.Theme.light(), "", false), fx);
            drawnFit[0] = fx.drawn();
            graph.actualSize();
            graph.centerOn(plan.steps().get(500).id());
            graph.draw(); // warm the text-width cache
            for (int i = 0; i < 20; i++) {
                graph.zoomIn();
                graph.zoomOut();
                graph.draw();
            }
            drawnZoomed[0] = graph.lastDrawn();
        }).get(60, TimeUnit.SECONDS);
        assertTrue(drawnZoomed[0] > 0, "something is visible");
        assertTrue(drawnZoomed[0] * 5 < drawnFit[0], "culling: " + drawnZoomed[0] + " of " + drawnFit[0]);
        // speed is measured by `pipelens bench`, never asserted in a unit test
    }
}
