package dev.pipelens.gui;

import dev.pipelens.system.OpenOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window opens files with the options {@code pipelens open} was given ({@code --project-root},
 * {@code --include-map}, issue 14 item 3: "used by the CLI and the window"): a project: include mapped on the
 * command line brings its jobs into the window's plan. View model level, no toolkit.
 */
class WindowOpenOptionsTest {

    @TempDir
    Path dir;

    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private Path project() throws Exception {
        Files.createDirectories(dir.resolve("vendor/ci"));
        Files.writeString(dir.resolve("vendor/ci/jobs.yml"), "mapped:\n  script: [x]\n");
        return Files.writeString(dir.resolve(".gitlab-ci.yml"),
                "include:\n  - project: group/ci\n    file: jobs.yml\nlocal:\n  script: [x]\n");
    }

    private boolean hasMappedJob(OpenOptions options) throws Exception {
        Path file = project();
        vm = new MainViewModel(Runnable::run, null);
        vm.setOpenOptions(options);
        vm.open(file);
        vm.awaitIdle(20, TimeUnit.SECONDS);
        assertTrue(vm.getPlan().step("local").isPresent(), vm.getPlan().steps().toString());
        boolean mapped = vm.getPlan().step("mapped").isPresent();
        vm.close();
        vm = null;
        return mapped;
    }

    @Test
    void includeMapAndProjectRootReachTheWindowsPlanner() throws Exception {
        assertFalse(hasMappedJob(OpenOptions.DEFAULT), "unmapped: the project: include is not read");
        assertTrue(hasMappedJob(new OpenOptions(dir, List.of("project:group/ci=vendor/ci"))));
    }

    @Test
    void optionsGivenForAnotherProjectRootDoNotApply() throws Exception {
        Path elsewhere = Files.createTempDirectory("pipelens-other-root");
        try {
            assertFalse(hasMappedJob(new OpenOptions(elsewhere, List.of("project:group/ci=vendor/ci"))));
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }
}
