package dev.pipelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line on GitHub Actions workflows: the sample's tag and schedule answers, GitHub's options, exit codes. */
class GitHubCliTest {

    static final String RELEASE = "samples/github/release.yml";

    @TempDir
    Path tmp;

    private static Map<String, JsonNode> byId(JsonNode plan) {
        Map<String, JsonNode> out = new HashMap<>();
        plan.get("steps").forEach(s -> out.put(s.get("id").asText(), s));
        return out;
    }

    private static String outcome(Map<String, JsonNode> steps, String id) {
        return steps.get(id).get("outcome").asText();
    }

    @Test
    void tagPushWaitsForTheProductionReviewers() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", RELEASE, "--tag", "v1.2.0", "--environment", "production=reviewers",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode plan = JsonSchemas.validate("plan.schema.json", r.out());
        assertEquals("github", plan.get("system").asText());
        assertTrue(plan.get("pipeline").get("created").asBoolean());
        Map<String, JsonNode> steps = byId(plan);
        assertEquals("runs", outcome(steps, "build"));
        assertEquals(3, steps.get("build").get("jobs").asInt());
        assertEquals("blocked", outcome(steps, "release-images"));
        assertEquals("gated", outcome(steps, "publish-manifest"));
        assertEquals("gated", outcome(steps, "github-release"));
        assertEquals("skipped", outcome(steps, "nightly-images"));
        assertEquals("on-failure", outcome(steps, "report-failure"));
        assertEquals("gated", outcome(steps, "announce/post"));
        assertEquals("announce", steps.get("announce/post").get("group").asText());
    }

    @Test
    void nightlyScheduleSkipsTheImagesAndEverythingBehindThem() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", RELEASE, "--source", "schedule", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> steps = byId(JsonSchemas.validate("plan.schema.json", r.out()));
        assertEquals("runs", outcome(steps, "build"));
        assertEquals("skipped", outcome(steps, "release-images"));
        assertEquals("skipped", outcome(steps, "github-release"));
        assertEquals("runs", outcome(steps, "nightly-images"));
        assertTrue(steps.get("github-release").get("reasons").get(0).asText().contains("implicit success()"));
    }

    @Test
    void dispatchInputTurnsTheImagesOff() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", RELEASE, "--source", "workflow_dispatch", "--input",
                "publish_images=false", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> steps = byId(JsonSchemas.validate("plan.schema.json", r.out()));
        assertEquals("skipped", outcome(steps, "release-images"));
        assertTrue(steps.get("release-images").get("reasons").get(0).asText().contains("inputs.publish_images = false"));
        assertEquals("false", JsonSchemas.MAPPER.readTree(r.out()).get("scenario").get("inputs").get("publish_images").asText());
    }

    @Test
    void branchPushIsNotTriggered() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", RELEASE, "--branch", "main", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode plan = JsonSchemas.validate("plan.schema.json", r.out());
        assertFalse(plan.get("pipeline").get("created").asBoolean());
        assertEquals("never", outcome(byId(plan), "build"));
    }

    @Test
    void eventFileAndChangedFilesDecideTheTrigger() throws IOException {
        Path wf = tmp.resolve("w.yml");
        Files.writeString(wf, "on: {pull_request: {types: [labeled], paths: ['src/**']}}\njobs: {t: {runs-on: x}}\n");
        Path event = tmp.resolve("event.json");
        Files.writeString(event, "{\"action\": \"labeled\"}");
        CliRunner.Result yes = CliRunner.run("plan", wf.toString(), "--system", "github", "--source", "pull_request",
                "--event", event.toString(), "--changed-files", "src/a.c", "--format", "json");
        assertEquals(0, yes.code(), yes.err());
        assertTrue(JsonSchemas.validate("plan.schema.json", yes.out()).get("pipeline").get("created").asBoolean());
        CliRunner.Result no = CliRunner.run("plan", wf.toString(), "--system", "github", "--source", "pull_request",
                "--event", event.toString(), "--changed-files", "docs/a.md", "--format", "json");
        JsonNode noPlan = JsonSchemas.validate("plan.schema.json", no.out());
        assertFalse(noPlan.get("pipeline").get("created").asBoolean());
        assertEquals("[\"docs/a.md\"]", noPlan.get("scenario").get("changedFiles").toString());
    }

    @Test
    void anEventPayloadThatIsNotARegularFileIsAUsageError() {
        CliRunner.Result dir = CliRunner.run("plan", RELEASE, "--event", tmp.toString());
        assertEquals(64, dir.code(), dir.err());
        assertTrue(dir.err().contains("--event: " + tmp + " is not a regular file"), dir.err());
        CliRunner.Result missing = CliRunner.run("plan", RELEASE, "--event", tmp.resolve("none.json").toString());
        assertEquals(64, missing.code(), missing.err());
    }

    @Test
    void invalidWorkflowIsExit2WithALocatedLine() throws IOException {
        Path wf = tmp.resolve("bad.yml");
        Files.writeString(wf, "on: push\njobs:\n  a: {runs-on: x, if: \"env.DEPLOY == 'true'\"}\n");
        CliRunner.Result r = CliRunner.run("plan", wf.toString(), "--system", "github");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(wf + ":3:"), r.err());
        assertTrue(r.err().contains("Unrecognized named-value: 'env'"), r.err());
    }

    @Test
    void runStopsAtTheReviewersAndFinishesWhenApproved() throws IOException {
        CliRunner.Result blocked = CliRunner.run("run", RELEASE, "--tag", "v1.2.0", "--environment", "production=reviewers",
                "--format", "json");
        assertEquals(0, blocked.code(), blocked.err());
        JsonNode b = JsonSchemas.validate("run.schema.json", blocked.out());
        assertEquals("blocked", b.get("build").asText());
        assertEquals("blocked", b.get("final").get("release-images").asText());
        CliRunner.Result approved = CliRunner.run("run", RELEASE, "--tag", "v1.2.0", "--environment",
                "production=reviewers", "--unblock", "all", "--fail", "publish-manifest", "--format", "json");
        JsonNode a = JsonSchemas.validate("run.schema.json", approved.out());
        assertEquals("failed", a.get("build").asText());
        assertEquals("skipped", a.get("final").get("github-release").asText());
        assertEquals("passed", a.get("final").get("report-failure").asText());
    }
}
