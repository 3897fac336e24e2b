package dev.pipelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code diff --scenarios auto} on edits of real files (issue 10), as data: corpus file | line | text replaced
 * | replacement | step | the change expected in some scenario ({@code old>new}, or {@code old>new@gate} for a
 * step whose gates changed) | exit code. The edited copy lives in a temporary folder, never in the repo.
 */
class DiffCasesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}:{1} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        buildkite/buildkite__agent__.buildkite__pipeline.release.yml | 61  | "master 2-1-stable" | "master" | unstable-agent-version | blocked>skipped | 0
        buildkite/buildkite__agent__.buildkite__pipeline.release.yml | 61  | "master 2-1-stable" | "master" | publish-binaries-2     | gated>runs      | 0
        buildkite/buildkite__agent__.buildkite__pipeline.release.yml | 61  | "master 2-1-stable" | "master" | publish-stable         | gated>gated@stable-agent-version | 0
        buildkite/buildkite__agent-stack-k8s__.buildkite__pipeline.yaml | 143 | /^.+\\$/ | /^v[0-9]+\\.[0-9]+\\.[0-9]+\\$/ | release | runs>skipped | 0
        buildkite/buildkite__agent-stack-k8s__.buildkite__pipeline.yaml | 143 | /^.+\\$/ | /^(   | release | - | 2
        """)
    void narrowingEditsAreReported(String file, int line, String from, String to, String step, String expected, int code)
            throws IOException {
        Path source = Path.of("../shared/corpus").resolve(file);
        Assumptions.assumeTrue(Files.exists(source), "corpus not present: " + source);
        List<String> lines = new ArrayList<>(Files.readAllLines(source));
        String unescape = from.replace("\\\\", "\\");
        assertTrue(lines.get(line - 1).contains(unescape), lines.get(line - 1));
        lines.set(line - 1, lines.get(line - 1).replace(unescape, to.replace("\\\\", "\\")));
        Path old = dir.resolve("old.yml");
        Path edited = dir.resolve("new.yml");
        Files.copy(source, old);
        Files.write(edited, lines);
        CliRunner.Result r = CliRunner.run("diff", old.toString(), edited.toString(), "--scenarios", "auto", "--format", "json");
        assertEquals(code, r.code(), r.err());
        if (code != 0) {
            assertTrue(r.err().startsWith(edited + ":" + line + ":"), "a located error: " + r.err());
            return;
        }
        JsonNode diff = JsonSchemas.validate("diff.schema.json", r.out());
        String[] want = expected.split("@");
        List<String> seen = new ArrayList<>();
        for (JsonNode s : diff.get("scenarios")) {
            for (JsonNode c : s.get("changes")) {
                if (c.get("id").asText().equals(step)) {
                    String got = c.get("old").asText() + ">" + c.get("new").asText();
                    seen.add(s.get("name").asText() + ": " + got + " " + c.get("newGates"));
                    if (got.equals(want[0]) && (want.length == 1 || c.get("newGates").toString().equals("[\"" + want[1] + "\"]"))) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError(step + " " + expected + " not reported; seen " + seen);
    }
}
