package dev.pipelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15's hostile files and commands, one test each: the expected exit code and message, never a
 * stack trace. Time and memory bounds are measured outside the tests by {@code scripts/hostile.sh}
 * (results in docs/hardening.md); the timeouts here only stop a hang.
 */
@Timeout(60)
class HostileCommandsTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path pipeline() throws IOException {
        return write("p.yml", "steps:\n  - key: a\n    command: x\n");
    }

    static void assertNoTrace(CliRunner.Result r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("Error:"), all);
    }

    /** Exit 2, the first stderr line {@code FILE:LINE:COLUMN: message} containing {@code words}, no trace. */
    static void assertLocated(CliRunner.Result r, String file, String words) {
        assertEquals(2, r.code(), () -> r.out() + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: .+"), "FILE:LINE:COLUMN: message, got: " + first);
        assertTrue(first.contains(words), first);
        assertNoTrace(r);
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
    }

    // --- export writes only regular files -----------------------------------------------------

    @Test
    void exportRefusesAFifoAtTheTargetWithoutOpeningIt() throws Exception {
        Path fifo = tmp.resolve("out.svg");
        mkfifo(fifo);
        CliRunner.Result r = CliRunner.run("export", pipeline().toString(), "-o", fifo.toString());
        assertEquals(64, r.code(), r.err());
        assertTrue(r.err().contains("FIFO"), r.err());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "the FIFO is still a FIFO");
        assertNoTrace(r);
    }

    @Test
    void exportRefusesASymlinkAndLeavesItsTargetAlone() throws IOException {
        Path real = write("real.svg", "keep");
        Path link = Files.createSymbolicLink(tmp.resolve("link.svg"), real);
        CliRunner.Result r = CliRunner.run("export", pipeline().toString(), "-o", link.toString());
        assertEquals(64, r.code(), r.err());
        assertTrue(r.err().contains("symbolic link"), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(real));
    }

    @Test
    void exportRefusesADirectoryEvenAnEmptyOne() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir.svg"));
        CliRunner.Result r = CliRunner.run("export", pipeline().toString(), "-o", dir.toString());
        assertEquals(64, r.code(), r.err());
        assertTrue(r.err().contains("directory"), r.err());
        assertTrue(Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void exportRefusesADeviceNode() throws Exception {
        // a private copy of the null device (never the machine's /dev/null: a regression would replace it)
        Path device = tmp.resolve("null.svg");
        Process mk = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").redirectErrorStream(true).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mknod is not permitted here");
        CliRunner.Result r = CliRunner.run("export", pipeline().toString(), "-o", device.toString());
        assertEquals(64, r.code(), r.err());
        assertTrue(r.err().contains("device"), r.err());
        assertTrue(Files.readAttributes(device, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
    }

    @Test
    void exportCreatesAndReplacesRegularFilesWithTheUmaskNotPrivateMode() throws IOException {
        // a file created plainly by this process shows what the umask gives
        Path reference = Files.createFile(tmp.resolve("reference"));
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(reference));
        Path out = tmp.resolve("graph.svg");
        CliRunner.Result r = CliRunner.run("export", pipeline().toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertTrue(Files.readString(out).contains("<svg"));
        Files.writeString(out, "old");
        assertEquals(0, CliRunner.run("export", pipeline().toString(), "-o", out.toString(), "--format", "dot").code());
        assertTrue(Files.readString(out).contains("digraph"), "the regular file was replaced");
        try (var files = Files.list(tmp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".tmp")), "no temp file left: " + names);
        }
    }

    // --- special files are refused before they are read ------------------------------------------

    @Test
    void devZeroAndASymlinkToItAreRefusedBeforeReading() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        assertLocated(CliRunner.run("plan", "/dev/zero"), "/dev/zero", "not a regular file");
        Path link = Files.createSymbolicLink(tmp.resolve("pipeline.yml"), Path.of("/dev/zero"));
        for (String command : List.of("plan", "lint", "vars", "run")) {
            assertLocated(CliRunner.run(command, link.toString()), link.toString(), "not a regular file");
        }
    }

    @Test
    void aFifoIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = tmp.resolve("pipeline.yml");
        mkfifo(fifo);
        assertLocated(CliRunner.run("plan", fifo.toString()), fifo.toString(), "FIFO");
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path d = Files.createDirectory(tmp.resolve("pipeline.yml"));
        assertLocated(CliRunner.run("plan", d.toString()), d.toString(), "directory");
    }

    // --- every limit is a located error, never a stack overflow or out-of-memory ----------------------

    @Test
    void twoThousandNestedParenthesesInAnIfAreALocatedError() throws IOException {
        Path f = write("p.yml", "steps:\n  - command: x\n    if: " + "(".repeat(2000) + "build.branch == \"a\"" + ")".repeat(2000) + "\n");
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "levels deep");
        Path bang = write("b.yml", "steps:\n  - command: x\n    if: '" + "!".repeat(5000) + "true'\n");
        assertLocated(CliRunner.run("plan", bang.toString()), bang.toString(), "levels deep");
    }

    @Test
    void threeThousandTermAndIsALocatedError() throws IOException {
        Path f = write("p.yml", "steps:\n  - command: x\n    if: " + String.join(" && ", java.util.Collections.nCopies(3000, "build.branch == \"a\"")) + "\n");
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "operators");
        // a long but reasonable condition still plans
        Path ok = write("ok.yml", "steps:\n  - command: x\n    if: " + String.join(" || ", java.util.Collections.nCopies(100, "build.branch == \"a\"")) + "\n");
        assertEquals(0, CliRunner.run("plan", ok.toString()).code());
    }

    @Test
    void gitlabExpressionsAreBoundedToo() throws IOException {
        Path f = write(".gitlab-ci.yml", "t:\n  script: x\n  rules:\n    - if: '" + "(".repeat(2000) + "$A == \"a\"" + ")".repeat(2000) + "'\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().lines().findFirst().orElse("").matches(".*\\.gitlab-ci\\.yml:\\d+:\\d+: .*"), r.err());
        assertNoTrace(r);
    }

    @Test
    void deeplyNestedInterpolationDefaultsAreALocatedError() throws IOException {
        Path f = write("p.yml", "steps:\n  - command: \"" + "${X:-".repeat(2000) + "x" + "}".repeat(2000) + "\"\n");
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "nested more than");
    }

    /** A top-level env of V0 (16 characters) to V{@code last}, each value twice the one before. */
    private static StringBuilder doublingEnv(int last) {
        StringBuilder yaml = new StringBuilder("env:\n  V0: \"aaaaaaaaaaaaaaaa\"\n");
        for (int i = 1; i <= last; i++) {
            yaml.append("  V").append(i).append(": \"${V").append(i - 1).append("}${V").append(i - 1).append("}\"\n");
        }
        return yaml;
    }

    @Test
    void environmentValuesThatDoubleEachOtherStopAtTheSizeLimit() throws IOException {
        StringBuilder yaml = doublingEnv(63);
        yaml.append("steps:\n  - command: echo $$V63\n");
        Path f = write("p.yml", yaml.toString());
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "expands to more than");
    }

    @Test
    void manyValuesOfOneMegabyteEachStopAtTheTotalLimit() throws IOException {
        StringBuilder yaml = doublingEnv(16);
        yaml.append("steps:\n");
        for (int i = 0; i < 100; i++) {
            yaml.append("  - command: \"${V16}\"\n");
        }
        Path f = write("p.yml", yaml.toString());
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "in all");
    }

    @Test
    void aGitLabMatrixOfAHundredMillionJobsIsRefusedBeforeItIsBuilt() throws IOException {
        StringBuilder yaml = new StringBuilder("t:\n  script: x\n  parallel:\n    matrix:\n      - D0: [0,1,2,3,4,5,6,7,8,9]\n");
        for (int d = 1; d < 8; d++) {
            yaml.append("        D").append(d).append(": [0,1,2,3,4,5,6,7,8,9]\n");
        }
        Path f = write(".gitlab-ci.yml", yaml.toString());
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "100000000 jobs");
    }

    @Test
    void aBuildkiteMatrixWithAHugeDimensionIsNotBuilt() throws IOException {
        String many = String.join(",", java.util.stream.IntStream.range(0, 200_000).mapToObj(Integer::toString).toList());
        Path f = write("p.yml", "steps:\n  - command: x\n    matrix:\n      setup:\n        a: [" + "1,".repeat(20) + "1]\n"
                + "        b: [" + "1,".repeat(20) + "1]\n        c: [" + many + "]\n");
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "matrix");
    }

    @Test
    void exportRefusesMoreEdgesThanItDraws() throws IOException {
        StringBuilder yaml = new StringBuilder("steps:\n  - key: a0\n    command: x\n    depends_on: &all [");
        for (int i = 1; i <= 150; i++) {
            yaml.append(i > 1 ? ", " : "").append("a").append(i);
        }
        yaml.append("]\n");
        for (int i = 1; i <= 150; i++) {
            yaml.append("  - key: a").append(i).append("\n    command: x\n");
        }
        for (int i = 0; i < 150; i++) {
            yaml.append("  - key: b").append(i).append("\n    command: x\n    depends_on: *all\n");
        }
        Path f = write("p.yml", yaml.toString());
        Path out = tmp.resolve("g.svg");
        assertLocated(CliRunner.run("export", f.toString(), "-o", out.toString()), f.toString(), "edges");
        assertFalse(Files.exists(out));
    }

    // --- run at scale --------------------------------------------------------------------------------

    @Test
    void aLongChainRunsToTheEndInOrder() throws IOException {
        StringBuilder yaml = new StringBuilder("steps:\n  - key: s0\n    command: x\n");
        int n = 5000;
        for (int i = 1; i < n; i++) {
            yaml.append("  - key: s").append(i).append("\n    command: x\n    depends_on: s").append(i - 1).append('\n');
        }
        Path f = write("chain.yml", yaml.toString());
        CliRunner.Result r = CliRunner.run("run", f.toString(), "--fail", "s2500");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("build: failed"), r.out());
        assertTrue(r.out().matches("(?s).*tick 2500\\s+s2499\\s+passed.*tick 2501\\s+s2500\\s+failed.*tick 2502\\s+s2501\\s+not-run.*"),
                "one step a tick, in order, and everything after the failure not run");
    }

    // --- the same answer from every command ------------------------------------------------------------

    @Test
    void anEmptyOrCommentOnlyFileGetsTheSameLocatedAnswerFromEveryCommand() throws IOException {
        for (String text : List.of("", "# only a comment\n", "\n\n   \n")) {
            Path f = write("p.yml", text);
            Path out = tmp.resolve("g.svg");
            for (List<String> args : List.of(List.of("plan", f.toString()), List.of("plan", f.toString(), "--format", "json"),
                    List.of("lint", f.toString()), List.of("vars", f.toString()), List.of("run", f.toString()),
                    List.of("export", f.toString(), "-o", out.toString()), List.of("diff", f.toString(), f.toString()))) {
                CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
                assertLocated(r, f.toString(), "no steps");
            }
        }
    }

    @Test
    void unknownLocalTagsAreRefusedButGitLabReferenceIsKept() throws IOException {
        Path f = write("p.yml", "steps:\n  - command: !foo echo\n");
        assertLocated(CliRunner.run("plan", f.toString()), f.toString(), "!foo");
        Path gl = write(".gitlab-ci.yml", ".base:\n  script: [echo base]\nt:\n  script: !reference [.base, script]\n");
        CliRunner.Result r = CliRunner.run("plan", gl.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void buildkiteDuplicateKeysRejectTheUploadGitLabLastOneWinsWithAWarning() throws IOException {
        Path bk = write("p.yml", "steps:\n  - command: a\n    command: b\n");
        assertLocated(CliRunner.run("plan", bk.toString()), bk.toString(), "already defined");
        Path gl = write(".gitlab-ci.yml", "t:\n  script: [echo first]\n  stage: build\n  stage: test\n");
        CliRunner.Result r = CliRunner.run("plan", gl.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"stage test\""), "the later stage wins: " + r.out());
        assertTrue(r.out().contains("yaml-duplicate-key"), "the warning is in the plan's diagnostics");
    }

    @Test
    void runOnADependencyCycleExitsTwoLikePlanAndStillSettles() throws IOException {
        Path f = write("p.yml", "steps:\n  - key: a\n    command: x\n    depends_on: b\n  - key: b\n    command: y\n"
                + "    depends_on: a\n  - key: c\n    command: z\n");
        CliRunner.Result plan = CliRunner.run("plan", f.toString());
        CliRunner.Result run = CliRunner.run("run", f.toString());
        assertLocated(plan, f.toString(), "cycle");
        assertLocated(run, f.toString(), "cycle");
        assertTrue(run.out().contains("build: failed") && run.out().contains("c           passed"), run.out());
        CliRunner.Result exec = CliRunner.run("run", f.toString(), "--execute", "--workdir", tmp.toString());
        assertLocated(exec, f.toString(), "cycle");
    }

    @Test
    void invalidOptionValuesAreUsageErrors() throws IOException {
        Path f = pipeline();
        for (List<String> args : List.of(List.of("--max-file-size", "-1"), List.of("--max-file-size", "0"),
                List.of("--pull-request", "abc"), List.of("--pull-request", "-3"))) {
            List<String> all = new java.util.ArrayList<>(List.of("plan", f.toString()));
            all.addAll(args);
            CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
            assertEquals(64, r.code(), args + ": " + r.err());
            assertTrue(r.err().contains(args.get(0)), r.err());
        }
        assertEquals(0, CliRunner.run("plan", f.toString(), "--pull-request", "42").code());
    }
}
