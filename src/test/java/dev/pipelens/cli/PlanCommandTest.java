package dev.pipelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI contract of DESIGN.md section 5 for {@code plan}, {@code vars} and {@code lint}. */
class PlanCommandTest {

    private static final String RELEASE = "samples/buildkite/release.yml";

    @TempDir
    Path tmp;

    private static Map<String, JsonNode> byId(JsonNode plan) {
        Map<String, JsonNode> m = new HashMap<>();
        plan.get("steps").forEach(s -> m.put(s.get("id").asText(), s));
        return m;
    }

    @Test
    void nightlyBuildBuildsImagesWithoutAGate() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", RELEASE, "--var", "NIGHTLY=1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode plan = JsonSchemas.validate("plan.schema.json", r.out());
        Map<String, JsonNode> steps = byId(plan);
        assertEquals("skipped", steps.get("block-build-release-images").get("outcome").asText());
        assertEquals("if: build.env(\"NIGHTLY\") != \"1\" is false (NIGHTLY = \"1\")",
                steps.get("block-build-release-images").get("reasons").get(0).asText());
        assertEquals("runs", steps.get("build-release-image").get("outcome").asText());
        assertEquals(2, steps.get("build-release-image").get("jobs").asInt());
        assertEquals("release-images", steps.get("build-release-image").get("group").asText());
        assertEquals("runs", steps.get("tag-nightly-images").get("outcome").asText());
        assertEquals("skipped", steps.get("publish-github-release").get("outcome").asText());
        assertEquals("main", plan.get("scenario").get("branch").asText());
        assertEquals("webhook", plan.get("scenario").get("source").asText());
        assertEquals("1", plan.get("scenario").get("variables").get("NIGHTLY").asText());
        assertTrue(plan.get("pipeline").get("created").asBoolean());
    }

    @Test
    void tagBuildImagesWaitAtTheBlock() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", RELEASE, "--tag", "v1.2.0", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> steps = byId(JsonSchemas.validate("plan.schema.json", r.out()));
        assertEquals("blocked", steps.get("block-build-release-images").get("outcome").asText());
        assertEquals("gated", steps.get("build-release-image").get("outcome").asText());
        assertTrue(steps.get("build-release-image").get("reasons").toString().contains("block-build-release-images"));
        assertEquals("gated", steps.get("publish-github-release").get("outcome").asText());
        assertEquals("skipped", steps.get("tag-nightly-images").get("outcome").asText());
        assertEquals("runs", steps.get("build-wheel-cpu").get("outcome").asText());
    }

    @Test
    void textOutputNamesOutcomeAndReason() {
        CliRunner.Result r = CliRunner.run("plan", RELEASE, "--branch", "main");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("blocked   block-build-release-images"), r.out());
        assertTrue(r.out().contains("NIGHTLY = null"), r.out());
    }

    @Test
    void varsListsVariablesWithComparedLiterals() throws IOException {
        CliRunner.Result r = CliRunner.run("vars", RELEASE, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode vars = JsonSchemas.MAPPER.readTree(r.out()).get("variables");
        Map<String, JsonNode> byName = new HashMap<>();
        vars.forEach(v -> byName.put(v.get("name").asText(), v));
        assertEquals("[\"1\"]", byName.get("NIGHTLY").get("values").toString());
        assertEquals("env", byName.get("NIGHTLY").get("kind").asText());
        assertTrue(byName.get("build.tag").get("values").get(0).asText().endsWith("$/"),
                "the regex as the server sees it, $$ unescaped: " + byName.get("build.tag"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertLocatedOneLine(CliRunner.Result r, Path file, int line) {
        assertEquals(2, r.code(), r.out() + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith(file + ":" + line + ":"), "located error: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void invalidYamlGivesExit2WithLocation() throws IOException {
        Path f = write("bad.yml", "steps:\n  - label: a\n   command: b\n");
        assertLocatedOneLine(CliRunner.run("plan", f.toString()), f, 3);
    }

    @Test
    void javaTagGivesExit2WithLocation() throws IOException {
        Path f = write("tag.yml", "steps:\n  - command: !!javax.script.ScriptEngineManager [x]\n");
        assertLocatedOneLine(CliRunner.run("plan", f.toString()), f, 2);
    }

    @Test
    void refusedTagStillShowsTheRestOfThePipeline() throws IOException {
        Path f = write("tag-rest.yml", "steps:\n  - key: a\n    command: !!java.net.URL [x]\n  - key: b\n    command: y\n"
                + "    if: build.env(\"NIGHTLY\") == \"1\"\n");
        CliRunner.Result text = CliRunner.run("plan", f.toString());
        assertLocatedOneLine(text, f, 3);
        assertTrue(text.out().contains("skipped   b"), "the rest of the pipeline still shows:\n" + text.out());
        CliRunner.Result vars = CliRunner.run("vars", f.toString());
        assertTrue(vars.out().contains("NIGHTLY"), vars.out() + vars.err());
        assertLocatedOneLine(vars, f, 3);
    }

    @Test
    void aliasBombGivesExit2WithLocation() throws IOException {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        sb.append("steps:\n  - command: x\n");
        Path f = write("bomb.yml", sb.toString());
        CliRunner.Result r = CliRunner.run("plan", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(f + ":"), r.err());
    }

    @Test
    void unparsableConditionRejectsTheUploadWithColumnInsideTheExpression() throws IOException {
        Path f = write("cond.yml", "steps:\n  - command: a\n    if: build.branch == \"main\" &&\n  - command: b\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--format", "json");
        assertEquals(2, r.code());
        JsonNode plan = JsonSchemas.validate("plan.schema.json", r.out());
        assertFalse(plan.get("pipeline").get("created").asBoolean());
        assertTrue(r.err().startsWith(f + ":3:"), r.err());
    }

    @Test
    void duplicateKeysRejectTheUpload() throws IOException {
        Path f = write("dup.yml", "steps:\n  - key: a\n    command: x\n  - key: a\n    command: y\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString());
        assertLocatedOneLine(r, f, 4);
    }

    @Test
    void missingFileIsExit2() {
        CliRunner.Result r = CliRunner.run("plan", tmp.resolve("nope.yml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void cycleIsReportedAndTheRestStillPlans() throws IOException {
        Path f = write("cycle.yml", "steps:\n  - key: a\n    command: x\n    depends_on: b\n  - key: b\n    command: y\n"
                + "    depends_on: a\n  - key: c\n    command: z\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--format", "json");
        assertEquals(2, r.code());
        Map<String, JsonNode> steps = byId(JsonSchemas.validate("plan.schema.json", r.out()));
        assertEquals("never", steps.get("a").get("outcome").asText());
        assertEquals("never", steps.get("b").get("outcome").asText());
        assertEquals("runs", steps.get("c").get("outcome").asText());
    }

    @Test
    void unknownStepTypeIsLocatedAndOthersStillPlan() throws IOException {
        Path f = write("unknown.yml", "steps:\n  - command: a\n    key: a\n  - frobnicate: yes\n");
        CliRunner.Result r = CliRunner.run("plan", f.toString(), "--format", "json");
        assertLocatedOneLine(r, f, 4);
        assertEquals("runs", byId(JsonSchemas.MAPPER.readTree(r.out())).get("a").get("outcome").asText());
    }

    @Test
    void badUsageIsExit64() {
        assertEquals(64, CliRunner.run("plan").code());
        assertEquals(64, CliRunner.run("plan", RELEASE, "--var", "NOEQUALS").code());
        assertEquals(64, CliRunner.run("plan", RELEASE, "--system", "jenkins").code());
        assertEquals(64, CliRunner.run("frobnicate").code());
    }

    @Test
    void lintExitsOneOnErrorsAndZeroOnTheSample() throws IOException {
        assertEquals(0, CliRunner.run("lint", RELEASE).code());
        Path f = write("cycle.yml", "steps:\n  - key: a\n    command: x\n    depends_on: a\n");
        CliRunner.Result r = CliRunner.run("lint", f.toString(), "--format", "json");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("bk-dependency-cycle"), r.out());
    }
}
