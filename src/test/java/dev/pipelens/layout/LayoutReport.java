package dev.pipelens.layout;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.Plan;
import dev.pipelens.yaml.YamlLimits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The layout figures of {@code docs/layout.md}: for every corpus file with 10 or more steps, the quality
 * ({@link LayoutQuality}) of the drawing Pipelens shows (the window's and the export's base layout of the
 * default scenario) beside ELK Layered with its default settings on the same boxes, the previous own
 * layered layout, and Graphviz {@code dot} when it is installed. Run it with {@code docs/layout-metrics.sh}.
 *
 * <p>Usage: {@code LayoutReport [CORPUS_DIR] [MIN_STEPS]}; prints a Markdown table.
 */
public final class LayoutReport {

    private LayoutReport() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        int minSteps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PrintStream out = System.out;
        if (!Files.isDirectory(corpus)) {
            out.println("no corpus at " + corpus.toAbsolutePath() + " (../shared must sit beside the checkout)");
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(corpus)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")
                    && !p.getFileName().toString().endsWith(".tsv")).sorted().forEach(files::add);
        }
        boolean dot = DotLayout.available();
        GraphLayout pipelens = GraphLayout.standard();
        GraphLayout elkRaw = ElkLayout.raw();
        GraphLayout own = new LayeredLayout();
        out.println("| file | steps | edges | engine | crossings | through boxes | through groups | width × height"
                + " | area vs ELK | text px at fit |");
        out.println("|---|---:|---:|---|---:|---:|---:|---|---:|---:|");
        for (Path f : files) {
            PipelinePlanner planner;
            Plan plan;
            try {
                planner = Pipelines.open(f, null, YamlLimits.DEFAULT);
                if (planner.unusable()) {
                    continue;
                }
                plan = planner.plan(Scenario.defaults());
            } catch (RuntimeException e) {
                continue;
            }
            if (plan.steps().size() < minSteps) {
                continue;
            }
            Plan union = PlanLayouts.unionPlan(planner, plan);
            // ELK with its defaults gets the same input: the union of the presets' edges, lanes, folded families
            LayoutQuality ref = LayoutQuality.of(PlanLayouts.base(elkRaw, planner, plan));
            Layout ours = PlanLayouts.base(pipelens, planner, plan);
            row(out, f, union, "Pipelens", LayoutQuality.of(ours), ref);
            row(out, f, union, "ELK raw", ref, ref);
            row(out, f, union, "own layered (old)", LayoutQuality.of(own.layout(union)), ref);
            if (dot) {
                Layout d = DotLayout.layout(union, ours);
                if (d != null) {
                    row(out, f, union, "dot", LayoutQuality.of(d), ref);
                }
            }
        }
    }

    private static void row(PrintStream out, Path f, Plan p, String engine, LayoutQuality q, LayoutQuality ref) {
        String name = f.getParent().getFileName() + "/" + f.getFileName();
        out.println(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %d | %.0f × %.0f | %.2f | %.1f |",
                engine.equals("Pipelens") ? "`" + name + "`" : "", p.steps().size(), q.edges(), engine, q.crossings(),
                q.throughBoxes(), q.throughGroups(), q.width(), q.height(), q.area() / ref.area(), q.textAtFit()));
    }
}
