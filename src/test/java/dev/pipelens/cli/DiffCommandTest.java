package dev.pipelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pipelens diff} and {@code plan --scenarios auto} on the two versions of the release sample. */
class DiffCommandTest {

    private static final String BEFORE = "samples/buildkite/release-before.yml";
    private static final String AFTER = "samples/buildkite/release.yml";

    private static Map<String, JsonNode> scenarios(JsonNode diff) {
        Map<String, JsonNode> m = new HashMap<>();
        diff.get("scenarios").forEach(s -> m.put(s.get("name").asText(), s));
        return m;
    }

    private static JsonNode change(JsonNode scenario, String id) {
        for (JsonNode c : scenario.get("changes")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void tagAndMainBuildsNowWaitAtTheBlockWhileNightlyIsUnchanged() throws IOException {
        CliRunner.Result r = CliRunner.run("diff", BEFORE, AFTER, "--scenarios", "auto", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> s = scenarios(JsonSchemas.validate("diff.schema.json", r.out()));
        boolean gated = false;
        for (Map.Entry<String, JsonNode> e : s.entrySet()) {
            JsonNode image = change(e.getValue(), "build-release-image");
            boolean nightly = "1".equals(e.getValue().get("scenario").get("variables").path("NIGHTLY").asText(null));
            if (nightly) {
                assertNull(image, "on the nightly schedule the block is skipped: " + e.getKey());
            } else if (image != null) {
                assertEquals("runs", image.get("old").asText(), e.getKey());
                assertEquals("gated", image.get("new").asText(), e.getKey());
                assertTrue(image.get("newReasons").toString().contains("block-build-release-images"), e.getKey());
                JsonNode block = change(e.getValue(), "block-build-release-images");
                assertTrue(block.get("old").isNull(), "the block did not exist before");
                assertEquals("blocked", block.get("new").asText());
                gated = true;
            }
        }
        assertTrue(gated, r.out());
        // diff cannot miss a consequence: announce stays gated but is now also held by the new block
        JsonNode announce = change(CliRunner.run("diff", BEFORE, AFTER, "--tag", "v1.2.0", "--format", "json").out()
                .transform(t -> { try { return JsonSchemas.MAPPER.readTree(t).get("scenarios").get(0); } catch (IOException x) { throw new AssertionError(x); } }),
                "announce");
        assertEquals("gated", announce.get("old").asText());
        assertEquals("gated", announce.get("new").asText());
        assertTrue(announce.get("newGates").toString().contains("block-build-release-images"), announce.toString());
        assertTrue(announce.get("why").asText().startsWith("now held by"), announce.toString());
    }

    @Test
    void aFileComparedWithItselfHasNoChange() {
        CliRunner.Result r = CliRunner.run("diff", AFTER, AFTER, "--scenarios", "auto", "--exit-code");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().lines().skip(1).filter(l -> !l.isBlank()).allMatch(l -> l.endsWith("no change")), r.out());
    }

    @Test
    void exitCodeOneWhenSomethingChanged() {
        assertEquals(1, CliRunner.run("diff", BEFORE, AFTER, "--tag", "v1.2.0", "--exit-code").code());
        assertEquals(0, CliRunner.run("diff", BEFORE, AFTER, "--var", "NIGHTLY=1", "--exit-code").code());
    }

    @Test
    void textGroupsScenariosWithTheSameChanges() {
        CliRunner.Result r = CliRunner.run("diff", BEFORE, AFTER, "--scenarios", "auto");
        assertTrue(r.out().contains("build-release-image         runs     -> gated"), r.out());
        assertTrue(r.out().lines().filter(l -> l.endsWith("steps change")).count() >= 1, r.out());
    }

    @Test
    void scenarioMatrixCoversNightlyAndTagWithTheirDistinctOutcomes() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", AFTER, "--scenarios", "auto", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode m = JsonSchemas.MAPPER.readTree(r.out());
        JsonNode image = null;
        for (JsonNode step : m.get("steps")) {
            if (step.get("id").asText().equals("build-release-image")) {
                image = step.get("outcomes");
            }
        }
        List<String> outcomes = new java.util.ArrayList<>();
        image.forEach(o -> outcomes.add(o.asText()));
        assertTrue(outcomes.contains("runs") && outcomes.contains("gated"), outcomes.toString());
        assertNull(m.get("steps").get(0).get("outcomes").get("no such scenario"));
    }
}
