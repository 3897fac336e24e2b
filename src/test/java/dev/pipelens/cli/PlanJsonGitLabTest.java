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

/**
 * {@code plan --format json} carries each GitLab job's stage, effective when, allow_failure (boolean or exit
 * codes) and needs, as shared/schema/plan.schema.json describes (issue 14, item 7). Expected values: GitLab
 * CI/CD YAML syntax reference (doc/ci/yaml/_index.md): a manual job outside rules defaults to
 * allow_failure: true; rules:allow_failure overrides the job's; needs:artifacts defaults to true.
 */
class PlanJsonGitLabTest {

    @TempDir
    Path dir;

    private Map<String, JsonNode> plan(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve(".gitlab-ci.yml"), yaml);
        CliRunner.Result r = CliRunner.run("plan", file.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        Map<String, JsonNode> m = new HashMap<>();
        JsonSchemas.validate("plan.schema.json", r.out()).get("steps").forEach(s -> m.put(s.get("id").asText(), s));
        return m;
    }

    @Test
    void gitLabStepsCarryStageWhenAllowFailureAndNeeds() throws IOException {
        Map<String, JsonNode> steps = plan("""
                stages: [build, test]
                build:
                  stage: build
                  script: [make]
                lint:
                  stage: test
                  script: [lint]
                  allow_failure:
                    exit_codes: [137, 255]
                deploy:
                  stage: test
                  script: [ship]
                  when: manual
                  needs:
                    - build
                    - job: lint
                      optional: true
                      artifacts: false
                flaky:
                  stage: test
                  script: [x]
                  allow_failure: true
                  rules:
                    - allow_failure: false
                """);
        JsonNode build = steps.get("build");
        assertEquals("build", build.get("stage").asText());
        assertEquals("on_success", build.get("when").asText());
        assertFalse(build.get("allowFailure").asBoolean());
        assertTrue(build.get("needs").isNull(), "stage-ordered job: needs null");

        JsonNode lint = steps.get("lint");
        assertEquals("[137,255]", lint.get("allowFailure").toString());

        JsonNode deploy = steps.get("deploy");
        assertEquals("manual", deploy.get("when").asText());
        assertTrue(deploy.get("allowFailure").asBoolean(), "manual job outside rules: allow_failure defaults to true");
        assertEquals("[{\"job\":\"build\",\"optional\":false,\"artifacts\":true},"
                + "{\"job\":\"lint\",\"optional\":true,\"artifacts\":false}]", deploy.get("needs").toString());

        assertFalse(steps.get("flaky").get("allowFailure").asBoolean(), "rules:allow_failure overrides the job's");
    }

    @Test
    void buildkiteStepsHaveNoGitLabFields() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.yml"), "steps:\n  - command: make\n    key: a\n");
        CliRunner.Result r = CliRunner.run("plan", file.toString(), "--format", "json");
        JsonNode step = JsonSchemas.validate("plan.schema.json", r.out()).get("steps").get(0);
        assertFalse(step.has("stage") || step.has("when") || step.has("allowFailure") || step.has("needs"), step.toString());
    }
}
