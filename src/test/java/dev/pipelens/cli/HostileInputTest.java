package dev.pipelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7: every kind of hostile input gives a located one-line message and exit code 2 (or a normal
 * answer where the input is valid), in bounded time, never a stack trace. The timeouts bound hangs;
 * they are not performance measurements.
 */
@Timeout(60)
class HostileInputTest {

    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertExit2Located(CliRunner.Result r, Path file) {
        assertEquals(2, r.code(), () -> r.out() + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .+"),
                "FILE:LINE:COLUMN: message, got: " + first);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void yamlTypeTagsAreRefused() throws IOException {
        for (String tag : new String[] {"!!java.net.URL [\"http://x\"]", "!!python/object:os.system x", "!!binary aGk=",
                "!<tag:yaml.org,2002:java.lang.Runtime> {}"}) {
            Path f = write("tag.yml", "steps:\n  - command: " + tag + "\n");
            assertExit2Located(CliRunner.run("plan", f.toString()), f);
        }
    }

    @Test
    void fiftyMegabyteFileIsRefusedQuicklyWithTheLimitNamed() throws IOException {
        Path f = tmp.resolve("huge.yml");
        try (OutputStream out = Files.newOutputStream(f)) {
            byte[] line = "  - command: echo hello world this is a long line to fill the file\n".getBytes(StandardCharsets.UTF_8);
            out.write("steps:\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        CliRunner.Result r = CliRunner.run("plan", f.toString());
        assertExit2Located(r, f);
        assertTrue(r.err().contains("--max-file-size"), r.err());
    }

    @Test
    void veryLongLinesStillPlan() throws IOException {
        Path f = write("long.yml", "steps:\n  - key: a\n    command: \"echo " + "x".repeat(4_000_000) + "\"\n"
                + "  - key: b\n    label: \"" + "y".repeat(200_000) + "\"\n    command: y\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void binaryJunkAndNonUtf8AreLocated() throws IOException {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Path bin = write("junk.bin", junk);
        assertExit2Located(CliRunner.run("plan", bin.toString()), bin);
        Path latin = write("latin1.yml", "steps:\n  - label: caf\u00e9\n    command: x\n".getBytes(StandardCharsets.ISO_8859_1));
        assertExit2Located(CliRunner.run("plan", latin.toString()), latin);
    }

    @Test
    void deepNestingIsLocated() throws IOException {
        Path f = write("deep.yml", "steps:\n  - command: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
        assertExit2Located(CliRunner.run("plan", f.toString()), f);
    }

    @Test
    void catastrophicBacktrackingRegexIsLinear() throws IOException {
        Path f = write("regex.yml", "steps:\n  - key: a\n    command: x\n    if: build.branch =~ /^(a+)+$$/\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--branch", "a".repeat(50_000) + "b", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"outcome\": \"skipped\""), r.out().substring(0, Math.min(2000, r.out().length())));
    }

    @Test
    void unsupportedRegexFeaturesAreLocatedErrors() throws IOException {
        // lookbehind stays refused, as buildkite/conditional refuses it (backreferences are accepted since issue 14)
        Path f = write("lookbehind.yml", "steps:\n  - key: a\n    command: x\n    if: build.branch =~ /(?<=a)b/\n");
        assertExit2Located(CliRunner.run("plan", f.toString()), f);
    }

    @Test
    void thousandsOfDuplicateKeys() throws IOException {
        StringBuilder yaml = new StringBuilder("steps:\n  - command: x\n");
        for (int i = 0; i < 20_000; i++) {
            yaml.append("    label: l").append(i).append('\n');
        }
        for (int i = 0; i < 3_000; i++) {
            yaml.append("  - key: same\n    command: y\n");
        }
        Path f = write("dups.yml", yaml.toString());
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--format", "json");
        assertExit2Located(r, f);
        assertTrue(r.out().length() < 5_000_000, "diagnostics are capped, not 20,000 lines");
    }

    @Test
    void dependencyCyclesAndDanglingReferences() throws IOException {
        Path f = write("cycle.yml", "steps:\n  - key: a\n    command: x\n    depends_on: c\n  - key: b\n    command: y\n"
                + "    depends_on: a\n  - key: c\n    command: z\n    depends_on: b\n  - key: d\n    command: w\n"
                + "    depends_on: nowhere\n  - key: e\n    command: v\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--format", "json");
        assertExit2Located(r, f);
        assertTrue(r.out().contains("\"id\": \"e\""), "the rest still plans");
    }

    @Test
    void gitlabHostileInputToo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("gl"));
        Path f = dir.resolve(".gitlab-ci.yml");
        Files.writeString(f, "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\njob:\n  script: *g\n");
        assertExit2Located(CliRunner.run("plan", f.toString()), f);
        Files.writeString(f, "job:\n  script: x\n  rules:\n    - if: $A =~ /(x+x+)+y/\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--var", "A=" + "x".repeat(100_000));
        assertEquals(0, r.code(), r.err());
    }
}
