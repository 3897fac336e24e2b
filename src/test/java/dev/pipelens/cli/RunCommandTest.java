package dev.pipelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pipelens run}: text log, JSON valid against run.schema.json, exit codes, and --execute. */
class RunCommandTest {

    private static final String RELEASE = "samples/buildkite/release.yml";

    @TempDir
    Path dir;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    private static JsonNode validJson(String text) throws IOException {
        return JsonSchemas.validate("run.schema.json", text);
    }

    @Test
    void textLogHasOneLinePerEventAndTheBuildState() {
        CliRunner.Result r = run("run", RELEASE, "--tag", "v1.2.0", "--unblock", "all", "--fail", "build-release-image=2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tick 2\\s+build-release-image\\s+failed\\s+exit status 2.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tick 3\\s+publish-github-release\\s+passed")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tick 4\\s+announce\\s+not-run.*")), r.out());
        assertTrue(r.out().contains("build: failed"), r.out());
    }

    @Test
    void jsonValidatesAgainstTheSchemaForEveryBuildState() throws IOException {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"run", RELEASE, "--format", "json", "--var", "NIGHTLY=1", "--unblock", "input-release-version"});
        cases.add(new String[] {"run", RELEASE, "--format", "json", "--tag", "v1.2.0"});
        cases.add(new String[] {"run", RELEASE, "--format", "json", "--tag", "v1.2.0", "--unblock", "all",
                "--fail", "build-release-image=2", "--soft-fail", "build-wheel-cpu", "--cancel", "build-cpu-release-image"});
        String[] builds = {"passed", "blocked", "failed"};
        for (int i = 0; i < cases.size(); i++) {
            CliRunner.Result r = run(cases.get(i));
            assertEquals(0, r.code(), r.err());
            JsonNode json = validJson(r.out());
            assertEquals(builds[i], json.get("build").asText(), r.out());
            assertTrue(json.get("events").size() > 3);
            assertEquals(16, json.get("final").size(), "every step, groups included");
        }
        CliRunner.Result canceled = run(cases.get(2));
        JsonNode json = validJson(canceled.out());
        assertEquals("canceled", json.get("final").get("build-cpu-release-image").asText());
        assertEquals("soft-failed", json.get("final").get("build-wheel-cpu").asText());
        JsonNode first = json.get("events").get(0);
        assertEquals(0, first.get("tick").asInt());
        assertEquals("skipped", first.get("state").asText());
    }

    @Test
    void gitLabPipelinesRunWithGitLabRules() throws IOException {
        CliRunner.Result blocked = run("run", "samples/gitlab/.gitlab-ci.yml", "--format", "json");
        assertEquals(0, blocked.code(), blocked.err());
        JsonNode json = validJson(blocked.out());
        assertEquals("blocked", json.get("build").asText());
        assertEquals("blocked", json.get("final").get("deploy-production").asText());
        CliRunner.Result failed = run("run", "samples/gitlab/.gitlab-ci.yml", "--fail", "compile", "--unblock", "all");
        assertTrue(failed.out().lines().anyMatch(l -> l.matches("tick \\d+\\s+notify-failure\\s+passed.*")), failed.out());
        assertTrue(failed.out().contains("build: failed"), failed.out());
    }

    @Test
    void allSkippedIsNotRunAndARejectedUploadIsNotCreated() throws IOException {
        Path skipped = dir.resolve("skipped.yml");
        Files.writeString(skipped, "steps:\n  - command: a.sh\n    if: build.branch == \"nope\"\n");
        CliRunner.Result r = run("run", skipped.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = validJson(r.out());
        assertEquals("not-run", json.get("build").asText());
        assertTrue(json.get("notes").get(0).asText().contains("not_run"), r.out());

        Path rejected = dir.resolve("rejected.yml");
        Files.writeString(rejected, "steps:\n  - command: a.sh\n    if: build.number == \"42\"\n");
        CliRunner.Result bad = run("run", rejected.toString(), "--format", "json");
        assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.out());
        assertEquals("not-created", validJson(bad.out()).get("build").asText());
        assertFalse(bad.err().isBlank(), "the error is on stderr");
        assertFalse(bad.err().contains("Exception"), bad.err());
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCodes.USAGE, run("run", RELEASE, "--fail", "no-such-step").code());
        assertEquals(ExitCodes.USAGE, run("run", RELEASE, "--fail", "upload-wheels=x").code());
        assertEquals(ExitCodes.USAGE, run("run", RELEASE, "--fail", "upload-wheels=0").code());
        assertEquals(ExitCodes.USAGE, run("run", RELEASE, "--unblock", "upload-wheels").code(), "not a gate");
        assertEquals(ExitCodes.USAGE, run("run", RELEASE, "--fail", "wait-2").code(), "a wait takes no result");
        assertEquals(ExitCodes.USAGE, run("run", RELEASE, "--workdir", ".").code(), "--workdir needs --execute");
        assertEquals(ExitCodes.USAGE, run("run", RELEASE, "--format", "xml").code());
        assertEquals(ExitCodes.BAD_INPUT, run("run", dir.resolve("missing.yml").toString()).code());
    }

    @Test
    void nothingExecutesWithoutExecute() throws IOException {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, "steps:\n  - key: touch\n    command: touch " + dir.resolve("touched") + "\n");
        CliRunner.Result r = run("run", file.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(dir.resolve("touched")), "simulated only");
        assertTrue(r.out().contains("build: passed"));
    }

    @Test
    void executeRunsCommandsInTheWorkdirAndStreamsOutputToStderr() throws IOException {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, """
                steps:
                  - key: make
                    command:
                      - echo hello from $$BUILDKITE_BRANCH
                      - touch made
                  - key: check
                    command: test -f made && exit 3
                    soft_fail:
                      - exit_status: 3
                  - wait
                  - key: after
                    command: echo after
                """);
        CliRunner.Result r = run("run", file.toString(), "--branch", "feature/x", "--execute", "--workdir", dir.toString(),
                "--timeout", "30", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = validJson(r.out());
        assertTrue(Files.exists(dir.resolve("made")));
        assertTrue(r.err().contains("[make] hello from feature/x"), r.err());
        assertEquals("soft-failed", json.get("final").get("check").asText(), r.out());
        assertEquals("passed", json.get("final").get("after").asText(), r.out());
        assertEquals("passed", json.get("build").asText());
    }
}
