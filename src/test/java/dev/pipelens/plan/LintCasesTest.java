package dev.pipelens.plan;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.Severity;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lint cases as data: each file under {@code src/test/resources/lint} says in its header comments what
 * {@code pipelens lint} must report, exactly ({@code # expect: SEVERITY CODE LINE}, all of them, in line
 * order), optional message fragments ({@code # message: CODE TEXT}), the system ({@code # system: gitlab}),
 * and job counts in the default scenario ({@code # jobs: ID N}).
 */
class LintCasesTest {

    private static final Path DIR = Path.of("src/test/resources/lint");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "lint cases present");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        List<String> expected = new ArrayList<>();
        List<String[]> messages = new ArrayList<>();
        List<String[]> jobs = new ArrayList<>();
        CiSystem system = CiSystem.BUILDKITE;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("# expect: ")) {
                expected.add(line.substring("# expect: ".length()).trim());
            } else if (line.startsWith("# message: ")) {
                messages.add(line.substring("# message: ".length()).trim().split(" ", 2));
            } else if (line.startsWith("# jobs: ")) {
                jobs.add(line.substring("# jobs: ".length()).trim().split(" "));
            } else if (line.startsWith("# system: gitlab")) {
                system = CiSystem.GITLAB;
            }
        }
        PipelinePlanner planner = Pipelines.open(file, system, YamlLimits.DEFAULT);
        List<Diagnostic> found = planner.review();
        List<String> actual = found.stream()
                .map(d -> d.severity().label() + " " + d.code() + " " + d.span().line()).toList();
        assertEquals(expected, actual, () -> String.join("\n", found.stream().map(Diagnostic::toLine).toList()));
        for (String[] m : messages) {
            assertTrue(found.stream().anyMatch(d -> d.code().equals(m[0]) && d.message().contains(m[1])),
                    () -> m[0] + " should say \"" + m[1] + "\": " + found);
        }
        Plan plan = planner.plan(Scenario.defaults());
        for (String[] j : jobs) {
            assertEquals(Integer.parseInt(j[1]), plan.step(j[0]).orElseThrow().jobs(), j[0] + " jobs");
        }
        assertTrue(found.stream().noneMatch(d -> d.severity() == Severity.ERROR) || expected.stream().anyMatch(e -> e.startsWith("error")));
    }
}
