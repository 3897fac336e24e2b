package dev.pipelens.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pipelens COMMAND --help} for every command, and {@code run --exit-code} / unreached {@code --unblock}. */
class HelpAndRunExitTest {

    @ParameterizedTest
    @ValueSource(strings = {"plan", "vars", "lint", "diff", "run", "export", "open", "bench"})
    void everyCommandHasHelpWithExamples(String command) {
        CliRunner.Result r = CliRunner.run(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: pipelens " + command), r.out());
        assertTrue(r.err().isEmpty(), r.err());
        if (!command.equals("open")) {
            assertTrue(r.out().contains("Examples:\n  pipelens " + command), r.out());
        }
    }

    @Test
    void helpWinsOverMissingParameters() {
        CliRunner.Result r = CliRunner.run("diff", "-h");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("OLD"), r.out());
    }

    @Test
    void exitCodeIsOneWhenTheBuildFailsOrBlocks() {
        String sample = "samples/buildkite/release.yml";
        assertEquals(0, CliRunner.run("run", sample, "--tag", "v1.2.0", "--fail", "build-release-image").code());
        assertEquals(1, CliRunner.run("run", sample, "--tag", "v1.2.0", "--unblock", "all", "--fail", "build-release-image",
                "--exit-code").code());
        CliRunner.Result blocked = CliRunner.run("run", sample, "--tag", "v1.2.0", "--exit-code");
        assertTrue(blocked.out().contains("build: blocked"), blocked.out());
        assertEquals(1, blocked.code());
        CliRunner.Result passed = CliRunner.run("run", sample, "--tag", "v1.2.0", "--unblock", "all", "--exit-code");
        assertTrue(passed.out().contains("build: passed"), passed.out());
        assertEquals(0, passed.code());
    }

    @Test
    void waitingStepsAndUnreachedUnblocksAreNamed() {
        CliRunner.Result r = CliRunner.run("run", "samples/gitlab/.gitlab-ci.yml", "--fail", "compile", "--unblock", "deploy-production");
        assertTrue(r.out().contains("--unblock deploy-production had no effect: the build never reached it"), r.out());
        CliRunner.Result waiting = CliRunner.run("run", "samples/gitlab/.gitlab-ci.yml");
        assertTrue(waiting.out().lines().anyMatch(l -> l.startsWith("  still waiting: ")), waiting.out());
    }

    @Test
    void windowBenchNeedsSomethingToLaunchAndKeepsJvmArgsForTheJar() {
        CliRunner.Result none = CliRunner.run("bench", "--window", "samples/buildkite/release.yml");
        assertEquals(64, none.code(), none.err());
        assertTrue(none.err().contains("--process JAR or --launcher PATH"), none.err());
        CliRunner.Result both = CliRunner.run("bench", "--window", "samples/buildkite/release.yml", "--launcher",
                "target/dist/pipelens/bin/pipelens", "--jvm-arg=-Xshare:off");
        assertEquals(64, both.code(), both.err());
        assertTrue(both.err().contains("a launcher has its own JVM options"), both.err());
    }
}
