package dev.pipelens.corpus;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.ScenarioMatrix;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz-style robustness (issue 7): mutates every corpus file and sample (byte flips, deleted, repeated
 * and re-indented lines, truncation, inserted YAML punctuation) with fixed seeds, and asserts that
 * loading, planning in several scenarios, the scenario matrix and lint never throw and never hang.
 */
class MutationFuzzTest {

    private static final int MUTANTS_PER_FILE = 20;
    private static final String[] PUNCTUATION = {":", "- ", "&x ", "*x", "!!str ", "{", "[", "'", "\"", "#", "|", "<<: *x",
            "$", "${X?}", "if: ", "depends_on: ", "needs: [", "rules:\n  - if: ", "\t"};

    @TestFactory
    Stream<DynamicTest> mutantsNeverCrashOrHang() throws IOException {
        List<Path> files = new ArrayList<>();
        Path root = Corpus.root();
        if (root != null) {
            files.addAll(Corpus.files("buildkite"));
            files.addAll(Corpus.files("gitlab"));
        }
        try (Stream<Path> samples = Files.walk(Path.of("samples"))) {
            samples.filter(Files::isRegularFile).forEach(files::add);
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> fuzz(f)));
    }

    private static void fuzz(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean gitlab = file.getFileName().toString().contains("gitlab");
        // -Dpipelens.fuzz.seed=N explores other mutants; the default keeps CI deterministic
        long seed = Long.getLong("pipelens.fuzz.seed", 0L);
        Random random = new Random(file.getFileName().toString().hashCode() * 31L + seed);
        for (int i = 0; i < MUTANTS_PER_FILE; i++) {
            byte[] mutant = mutate(text, random);
            String label = file.getFileName() + "#" + i;
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> exercise(label, mutant, file, gitlab), label);
        }
    }

    private static void exercise(String label, byte[] bytes, Path original, boolean gitlab) {
        YamlDocument doc = new YamlLoader().parse(bytes, label);
        Path asPath = gitlab ? original : Path.of(label);
        PipelinePlanner planner = Pipelines.open(asPath, doc, null);
        for (Scenario s : List.of(Scenario.defaults(), Scenario.defaults().withBranch(null).withTag("v1.0.0"),
                Scenario.defaults().withVariable("NIGHTLY", "1").withSource("schedule"))) {
            Plan plan = planner.plan(s);
            assertNotNull(plan);
            plan.diagnostics().forEach(d -> assertTrue(d.message() != null && !d.message().isEmpty()));
        }
        assertNotNull(planner.lint());
        assertNotNull(planner.variables());
        if (!planner.unusable()) {
            assertNotNull(ScenarioMatrix.covering(planner, Scenario.defaults()));
        }
    }

    private static byte[] mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> lines.set(at, "  " + lines.get(at));
                case 3 -> lines.set(at, lines.get(at).stripLeading());
                case 4 -> {
                    String l = lines.get(at);
                    int pos = l.isEmpty() ? 0 : random.nextInt(l.length());
                    lines.set(at, l.substring(0, pos) + PUNCTUATION[random.nextInt(PUNCTUATION.length)] + l.substring(pos));
                }
                default -> lines.subList(at, lines.size()).clear();
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }
}
