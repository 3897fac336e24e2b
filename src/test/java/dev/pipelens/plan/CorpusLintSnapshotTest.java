package dev.pipelens.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records what {@code pipelens lint} finds in every Buildkite and GitLab file of {@code ../shared/corpus}
 * ({@code src/test/resources/lint/corpus-findings.txt}: file, line, severity, code), so that any change in
 * lint's output on real files shows in review. docs/lint.md's precision table is counted from this file.
 * After a deliberate change, regenerate it with {@code -Dpipelens.updateSnapshots=true} and read the diff.
 */
class CorpusLintSnapshotTest {

    private static final Path CORPUS = Path.of("../shared/corpus");
    private static final Path SNAPSHOT = Path.of("src/test/resources/lint/corpus-findings.txt");

    @Test
    void lintFindingsOnTheCorpusAreAsRecorded() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "corpus not present: " + CORPUS.toAbsolutePath());
        List<String> lines = new ArrayList<>();
        lines.add("# pipelens lint over ../shared/corpus/{buildkite,gitlab}: file:line severity code (see docs/lint.md)");
        for (String system : new String[] {"buildkite", "gitlab"}) {
            List<Path> files;
            try (Stream<Path> s = Files.list(CORPUS.resolve(system))) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                PipelinePlanner planner = Pipelines.open(f, null, YamlLimits.DEFAULT);
                List<Diagnostic> found = planner.unusable() ? planner.loadDiagnostics() : planner.review();
                for (Diagnostic d : found) {
                    lines.add(system + "/" + f.getFileName() + ":" + d.span().line() + " " + d.severity().label() + " " + d.code());
                }
            }
        }
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("pipelens.updateSnapshots")) {
            Files.writeString(SNAPSHOT, actual);
        }
        assertEquals(Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "", actual,
                "lint findings on the corpus changed; if that is intended, rerun with -Dpipelens.updateSnapshots=true and review the diff");
    }
}
