package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.When;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.system.Pipelines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GitLab file is planned as GitLab reads its YAML (Psych, YAML 1.1): issue 14's cases. Expected answers:
 * Psych's ScalarScanner (BOOLEAN_TRUE = /^(yes|true|on)$/i) and revive_hash (merge! in document order),
 * ruby/psych @7d5e0362; GitLab loads .gitlab-ci.yml with YAML.safe_load (lib/gitlab/config/loader/yaml.rb).
 */
class GitLabYamlTest {

    @TempDir
    Path dir;

    private Plan plan(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve(".gitlab-ci.yml"), yaml);
        PipelinePlanner planner = Pipelines.open(file, null, dev.pipelens.yaml.YamlLimits.DEFAULT);
        return planner.plan(Scenario.defaults());
    }

    private static PlannedStep step(Plan plan, String id) {
        return plan.step(id).orElseThrow(() -> new AssertionError("no step " + id + " in " + plan.steps()));
    }

    @Test
    void allowFailureYesAndOffAreBooleans() throws IOException {
        Plan plan = plan("a:\n  script: [x]\n  allow_failure: yes\nb:\n  script: [x]\n  allow_failure: OFF\n"
                + "c:\n  script: [x]\n  rules:\n    - allow_failure: On\n");
        assertFalse(plan.diagnostics().stream().anyMatch(Diagnostic::isError), plan.diagnostics().toString());
        assertEquals(Boolean.TRUE, step(plan, "a").allowFailure());
        assertEquals(Boolean.FALSE, step(plan, "b").allowFailure());
        assertEquals(Boolean.TRUE, step(plan, "c").allowFailure());
    }

    @Test
    void aMergeAfterAnExplicitKeyOverridesIt() throws IOException {
        Plan plan = plan(".manual: &manual\n  when: manual\njob:\n  script: [x]\n  when: on_success\n  <<: *manual\n"
                + "other:\n  <<: *manual\n  script: [x]\n  when: on_success\n");
        assertEquals(When.MANUAL, step(plan, "job").when(), "Psych: hash.merge! after when: on_success");
        assertEquals(When.ON_SUCCESS, step(plan, "other").when(), "a key after the merge wins");
    }

    @Test
    void variablesTakeTheTextRubyGivesTheValue() throws IOException {
        Path file = Files.writeString(dir.resolve(".gitlab-ci.yml"),
                "variables:\n  PY: 3.10\n  HEX: 0x1F\njob:\n  script: [x]\n  rules:\n    - if: $PY == \"3.1\" && $HEX == \"31\"\n");
        Plan plan = Pipelines.open(file, null, dev.pipelens.yaml.YamlLimits.DEFAULT).plan(Scenario.defaults());
        assertTrue(step(plan, "job").outcome().id().equals("runs"), step(plan, "job").reasons().toString());
    }

    @Test
    void corpusTwoMergeKeysTheLaterWins() {
        // gitlab-runner "development S3": <<: *release_s3 then <<: *release_development; Psych merges both in
        // order, so release_development's except: (with master@gitlab-org/gitlab-runner) is the job's
        Path root = dev.pipelens.corpus.Corpus.root();
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "corpus ../shared/corpus absent: skipped");
        Path file = root.resolve("gitlab/gitlabhq__gitlab-runner__.gitlab-ci.yml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "corpus file absent: skipped");
        Plan plan = Pipelines.open(file, null, dev.pipelens.yaml.YamlLimits.DEFAULT).plan(Scenario.defaults());
        PlannedStep job = step(plan, "development S3");
        assertTrue(job.reasons().stream().anyMatch(r -> r.startsWith("except refs [master@gitlab-org/gitlab-runner")),
                job.reasons().toString());
    }
}
