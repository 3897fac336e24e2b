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
    void exportRefusesADeviceNode() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        CliRunner.Result r = CliRunner.run("export", pipeline().toString(), "-o", devNull.toString(), "--format", "svg");
        assertEquals(64, r.code(), r.err());
        assertTrue(r.err().contains("device"), r.err());
        assertTrue(Files.readAttributes(devNull, java.nio.file.attribute.BasicFileAttributes.class).isOther());
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
}
