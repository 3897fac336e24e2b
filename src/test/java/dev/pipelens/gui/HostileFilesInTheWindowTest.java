package dev.pipelens.gui;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15, "the window shows the same located error for every such file": each file a limit refuses shows its
 * {@code FILE:LINE:COLUMN: message} in the banner and the Problems panel (never an empty graph with no problems),
 * the same first error the CLI prints, and a watched file saved into such a state shows the current error.
 */
class HostileFilesInTheWindowTest {

    @TempDir
    Path dir;

    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private void idle() throws InterruptedException {
        vm.awaitIdle(60, TimeUnit.SECONDS);
    }

    /** The first error {@code pipelens plan} prints for the file ({@code FILE:LINE:COLUMN: message}). */
    private static String cliFirstError(Path f) {
        PipelinePlanner p = Pipelines.open(f, null, YamlLimits.DEFAULT);
        List<Diagnostic> all = p.unusable() ? p.loadDiagnostics() : p.review();
        Diagnostic first = all.stream().filter(Diagnostic::isError).findFirst().orElseThrow(
                () -> new AssertionError("the CLI finds no error in " + f));
        return first.span() + ": " + first.message();
    }

    /** Opens the file in a fresh window model; asserts the located error shows in the banner and the Problems. */
    private void assertShowsLocatedError(Path f, String words) throws InterruptedException {
        vm = new MainViewModel(Runnable::run, null);
        vm.open(f);
        idle();
        assertLocated(f, words);
        vm.close();
        vm = null;
    }

    private void assertLocated(Path f, String words) {
        String banner = vm.bannerProperty().get();
        assertNotNull(banner, "no banner for " + f);
        assertTrue(vm.bannerErrorProperty().get(), banner);
        assertTrue(Pattern.compile(Pattern.quote(f.toString()) + ":\\d+:\\d+: .*").matcher(banner).lookingAt(), banner);
        assertTrue(banner.contains(words), "'" + words + "' in " + banner);
        assertFalse(banner.startsWith("Internal error"), banner);
        assertTrue(banner.startsWith(cliFirstError(f)), "same as the CLI: " + banner + " vs " + cliFirstError(f));
        assertTrue(vm.diagnostics().stream().anyMatch(d -> d.isError() && banner.startsWith(d.span() + ": " + d.message())),
                "the Problems panel lists the banner's error: " + vm.diagnostics());
    }

    @Test
    void deeplyNestedConditionsAreLocated() throws Exception {
        assertShowsLocatedError(write("p.yml", "steps:\n  - command: x\n    if: " + "(".repeat(2000)
                + "build.branch == \"a\"" + ")".repeat(2000) + "\n"), "levels deep");
        assertShowsLocatedError(write("and.yml", "steps:\n  - command: x\n    if: "
                + String.join(" && ", Collections.nCopies(3000, "build.branch == \"a\"")) + "\n"), "operators");
        assertShowsLocatedError(write(".gitlab-ci.yml", "t:\n  script: x\n  rules:\n    - if: '" + "(".repeat(2000)
                + "$A == \"a\"" + ")".repeat(2000) + "'\n"), "too many tokens");
    }

    @Test
    void deeplyNestedInterpolationDefaultsAreLocated() throws Exception {
        assertShowsLocatedError(write("p.yml", "steps:\n  - command: \"" + "${X:-".repeat(2000) + "x" + "}".repeat(2000)
                + "\"\n"), "nested more than");
    }

    @Test
    void doublingEnvironmentValuesStopAtTheSizeLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("env:\n  V0: \"aaaaaaaaaaaaaaaa\"\n");
        for (int i = 1; i <= 63; i++) {
            yaml.append("  V").append(i).append(": \"${V").append(i - 1).append("}${V").append(i - 1).append("}\"\n");
        }
        yaml.append("steps:\n  - command: echo $$V63\n");
        assertShowsLocatedError(write("p.yml", yaml.toString()), "expands to more than");
    }

    @Test
    void aHugeGitLabMatrixIsRefusedBeforeItIsBuilt() throws Exception {
        StringBuilder yaml = new StringBuilder("t:\n  script: x\n  parallel:\n    matrix:\n      - D0: [0,1,2,3,4,5,6,7,8,9]\n");
        for (int d = 1; d < 8; d++) {
            yaml.append("        D").append(d).append(": [0,1,2,3,4,5,6,7,8,9]\n");
        }
        assertShowsLocatedError(write(".gitlab-ci.yml", yaml.toString()), "100000000 jobs");
    }

    @Test
    void emptyAndCommentOnlyFilesSayThereAreNoSteps() throws Exception {
        for (String text : List.of("", "# only a comment\n")) {
            assertShowsLocatedError(write("p.yml", text), "no steps");
        }
    }

    @Test
    void aBuildkiteDuplicateKeyIsRefused() throws Exception {
        assertShowsLocatedError(write("p.yml", "steps:\n  - command: a\n    command: b\n"), "already defined");
    }

    @Test
    void aFifoAndADeviceAreRefusedWithoutReading() throws Exception {
        Path fifo = dir.resolve("pipeline.yml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        assertShowsLocatedError(fifo, "FIFO");
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path link = Files.createSymbolicLink(dir.resolve("zero.yml"), Path.of("/dev/zero"));
        assertShowsLocatedError(link, "not a regular file");
    }

    @Test
    void aWatchedFileSavedIntoAHostileStateShowsItsCurrentError() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        Path other = write("other.yml", "steps:\n  - command: a\n    command: b\n");
        vm.open(other);
        idle();
        assertLocated(other, "already defined");
        Path f = write("p.yml", "steps:\n  - label: fine\n    command: make\n");
        vm.open(f);
        idle();
        assertNull(vm.bannerProperty().get(), "the previous file's banner is gone");
        assertTrue(vm.diagnostics().stream().noneMatch(Diagnostic::isError), vm.diagnostics().toString());
        int nodes = vm.getLayout().nodes().size();
        // saved into states refused by different limits, one after the other: each save shows its own error
        Files.writeString(f, "steps:\n  - command: \"" + "${X:-".repeat(2000) + "x" + "}".repeat(2000) + "\"\n");
        vm.reload();
        idle();
        assertLocated(f, "nested more than");
        assertTrue(vm.bannerProperty().get().contains("showing the last good version"), vm.bannerProperty().get());
        assertEquals(nodes, vm.getLayout().nodes().size(), "the last good graph still shows");
        Files.writeString(f, "");
        vm.reload();
        idle();
        assertLocated(f, "no steps");
        assertFalse(vm.bannerProperty().get().contains("nested more than"), vm.bannerProperty().get());
        Files.writeString(f, "steps:\n  - label: fine again\n    command: make\n");
        vm.reload();
        idle();
        assertNull(vm.bannerProperty().get());
    }

    @Test
    void theFileWatcherItselfShowsTheSavedFilesError() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        Path f = write("p.yml", "steps:\n  - label: fine\n    command: make\n");
        vm.open(f);
        idle();
        assertNull(vm.bannerProperty().get());
        // saved by an editor, no reload asked: the watcher re-plans and the banner names this save's error
        Files.writeString(f, "steps:\n  - command: a\n    command: b\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (vm.bannerProperty().get() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        idle();
        assertLocated(f, "already defined");
    }
}
