package dev.pipelens.cli;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Pipelines;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code pipelens bench}: measures parse, plan, re-plan after one variable toggle, heap, and the whole
 * {@code pipelens plan} process on generated pipelines, and prints medians as a Markdown table. A
 * benchmark, not a test: it asserts nothing and is never run by {@code mvn verify}.
 */
@Command(name = "bench", hidden = true, description = "Benchmark parse, plan and re-plan on generated pipelines.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "100,1000,10000", description = "Pipeline sizes in steps.")
    int[] sizes;

    @Option(names = "--runs", defaultValue = "15", description = "Measured runs per figure (after warm-up).")
    int runs;

    @Option(names = "--process", description = "Also time `java -jar JAR plan` as a whole process (path to the jar).")
    Path jar;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf("Java %s on %s %s, %d cores, max heap %d MB; medians of %d runs after warm-up%n%n",
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                rt.availableProcessors(), rt.maxMemory() >> 20, runs);
        out.println("| steps | YAML bytes | parse + load (ms) | plan, warm (ms) | re-plan after toggle (ms) | heap after load (MB) | `pipelens plan` process (ms) |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            String yaml = SyntheticPipeline.buildkite(n);
            Path file = Files.createTempFile("pipelens-bench-" + n + "-", ".yml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            int warm = n >= 10000 ? 3 : 10;
            double parse = median(warm, runs, () -> {
                YamlDocument doc = new YamlLoader().load(file);
                return Pipelines.open(file, doc, null);
            });
            PipelinePlanner planner = Pipelines.open(file, null, dev.pipelens.yaml.YamlLimits.DEFAULT);
            Scenario base = Scenario.defaults();
            double plan = median(warm, runs, () -> planner.plan(base));
            Scenario[] toggled = {base.withVariable("NIGHTLY", "1"), base};
            int[] flip = {0};
            double replan = median(warm, runs, () -> planner.plan(toggled[flip[0]++ % 2]));
            long heap = heapAfterLoad(file);
            String process = jar == null ? "-" : String.format("%.0f", processMedian(file, n >= 10000 ? 3 : 5));
            Plan p = planner.plan(base);
            out.printf("| %,d | %,d | %.2f | %.2f | %.2f | %d | %s |%n", p.steps().size(), yaml.length(), parse, plan, replan,
                    heap >> 20, process);
            out.flush();
            Files.deleteIfExists(file);
        }
        return ExitCodes.OK;
    }

    private static double median(int warm, int runs, Supplier<Object> work) {
        Object sink = null;
        for (int i = 0; i < warm; i++) {
            sink = work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static long heapAfterLoad(Path file) {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        PipelinePlanner planner = Pipelines.open(file, null, dev.pipelens.yaml.YamlLimits.DEFAULT);
        Plan plan = planner.plan(Scenario.defaults());
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (plan.steps().isEmpty()) {
            throw new IllegalStateException();
        }
        return Math.max(0, after - before);
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private double processMedian(Path file, int count) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-jar", jar.toString(), "plan", file.toString(), "--format", "json")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }
}
