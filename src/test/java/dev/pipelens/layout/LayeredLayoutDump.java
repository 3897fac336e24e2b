package dev.pipelens.layout;

import dev.pipelens.cli.SyntheticPipeline;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden coordinates of the own {@link LayeredLayout}, for behaviour-preserving refactors of it: lays out
 * every sample and corpus file (the default plan as is, and the base layout of {@link PlanLayouts} with the
 * union of the presets' edges and the lanes), the synthetic Buildkite and GitLab pipelines of 100 and 1,000
 * steps and a few generated plans, and writes one text file per input with every node rect, group rect and
 * edge polyline (exact doubles). Compare two runs with {@code diff -r}; any difference is a changed drawing.
 *
 * <pre>mvn -q test-compile &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.pipelens.layout.LayeredLayoutDump /tmp/lsplit-before [CORPUS]</pre>
 *
 * ({@code mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt} writes the class path.)
 * CORPUS defaults to {@code ../shared/corpus}; it is skipped with a message when absent.
 */
public final class LayeredLayoutDump {

    private LayeredLayoutDump() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/lsplit-dump");
        Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpus");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> s = Files.walk(corpus)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")
                        && !p.getFileName().toString().endsWith(".tsv")).sorted().forEach(files::add);
            }
        } else {
            System.err.println("layered-dump: corpus " + corpus + " absent, samples only");
        }
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("layered-dump");
        Files.writeString(tmp.resolve("synthetic-bk-100.yml"), SyntheticPipeline.buildkite(100));
        Files.writeString(tmp.resolve("synthetic-bk-1000.yml"), SyntheticPipeline.buildkite(1000));
        Files.writeString(tmp.resolve("synthetic-gl-100.gitlab-ci.yml"), SyntheticPipeline.gitlab(100));
        Files.writeString(tmp.resolve("synthetic-gl-1000.gitlab-ci.yml"), SyntheticPipeline.gitlab(1000));
        try (Stream<Path> s = Files.list(tmp)) {
            s.sorted().forEach(files::add);
        }
        LayeredLayout layered = new LayeredLayout();
        int n = 0;
        for (Path f : files) {
            String name = (f.startsWith(tmp) ? f.getFileName().toString() : f.toString())
                    .replace("../", "").replace('/', '_');
            StringBuilder sb = new StringBuilder();
            try {
                PipelinePlanner planner = Pipelines.open(f, null, YamlLimits.DEFAULT);
                Plan plan = planner.plan(Scenario.defaults());
                sb.append("# plan\n").append(dump(layered.layout(plan)));
                sb.append("# base\n").append(dump(PlanLayouts.base(layered, planner, plan)));
            } catch (RuntimeException e) {
                sb.append("# failed: ").append(e).append('\n');
            }
            Files.writeString(out.resolve(name + ".txt"), sb.toString());
            n++;
        }
        for (int size : new int[] {10, 60, 300}) {
            for (long seed = 1; seed <= 3; seed++) {
                Files.writeString(out.resolve("generated-" + size + "-" + seed + ".txt"),
                        dump(layered.layout(PlanFixture.generated(size, seed))));
                n++;
            }
        }
        // cycles, self-loops, edges into and out of groups and a small bend budget reach the BACK and DIRECT routes
        for (long seed = 1; seed <= 3; seed++) {
            Plan tangled = tangled(PlanFixture.generated(200, seed), seed);
            Files.writeString(out.resolve("tangled-" + seed + ".txt"), dump(layered.layout(tangled))
                    + "# budget 20\n" + dump(new LayeredLayout(LayoutOptions.defaults().withMaxBendPoints(20))
                    .layout(tangled)) + "# one sweep\n"
                    + dump(new LayeredLayout(LayoutOptions.defaults().withSweeps(1)).layout(tangled)));
            n++;
        }
        Files.writeString(out.resolve("fixture-chain.txt"), dump(layered.layout(PlanFixture.chain())));
        Files.writeString(out.resolve("fixture-release.txt"), dump(layered.layout(PlanFixture.release())));
        System.err.println("layered-dump: " + (n + 2) + " files in " + out);
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(tmp);
    }

    /** {@code plan} with 60 random extra edges (any direction, some self-loops, some duplicates). */
    private static Plan tangled(Plan plan, long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<PlanEdge> edges = new ArrayList<>(plan.edges());
        List<PlannedStep> steps = plan.steps();
        for (int i = 0; i < 60; i++) {
            String from = steps.get(r.nextInt(steps.size())).id();
            String to = i % 10 == 0 ? from : steps.get(r.nextInt(steps.size())).id();
            edges.add(new PlanEdge(from, to, EdgeKind.EXPLICIT, i % 3 == 0));
        }
        return new Plan(plan.file(), plan.system(), plan.scenario(), plan.created(), plan.pipelineReasons(), steps,
                edges, plan.diagnostics());
    }

    /** Canonical text of a layout: size, then one line per node, group and edge, in the layout's order. */
    static String dump(Layout l) {
        StringBuilder sb = new StringBuilder();
        sb.append("size ").append(l.width()).append(' ').append(l.height()).append(" layers ").append(l.layers())
                .append('\n');
        for (LayoutNode node : l.nodes()) {
            sb.append("node ").append(node.id()).append(" layer ").append(node.layer()).append(' ')
                    .append(rect(node.bounds())).append(' ').append(node.lines()).append('\n');
        }
        for (LayoutGroup g : l.groups()) {
            sb.append("group ").append(g.id()).append(' ').append(rect(g.bounds())).append(" title ").append(g.title())
                    .append('\n');
        }
        for (LayoutEdge e : l.edges()) {
            sb.append("edge ").append(e.from()).append(" -> ").append(e.to()).append(' ').append(e.route());
            for (Point p : e.points()) {
                sb.append(' ').append(p.x()).append(',').append(p.y());
            }
            sb.append('\n');
        }
        for (LayoutLane lane : l.lanes()) {
            sb.append("lane ").append(lane).append('\n');
        }
        return sb.toString();
    }

    private static String rect(Rect r) {
        return r.x() + "," + r.y() + " " + r.width() + "x" + r.height();
    }
}
