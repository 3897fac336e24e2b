package dev.pipelens.system;

import dev.pipelens.model.CiSystem;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry: which system reads a file, and that every system answers the seam's questions. */
class SystemsTest {

    private static YamlNode root(String yaml) {
        return new YamlLoader().parse(yaml, "t.yml").root();
    }

    private static CiSystem detect(String path, String yaml) {
        return Systems.detect(Path.of(path), root(yaml)).system();
    }

    @Test
    void aReservedGitLabNameWinsEvenInABuildkiteFolder() {
        assertEquals(CiSystem.GITLAB, detect(".buildkite/.gitlab-ci.yml", "steps:\n  - command: a\n"));
        assertEquals(CiSystem.GITLAB, detect("ci/.gitlab/jobs.yml", "steps:\n  - command: a\n"));
    }

    @Test
    void aBuildkiteNameWinsOverGitLabContent() {
        assertEquals(CiSystem.BUILDKITE, detect(".buildkite/pipeline.yml", "stages: [build]\nx:\n  script: a\n"));
        assertEquals(CiSystem.BUILDKITE, detect("buildkite.yml", "stages: [build]\n"));
    }

    @Test
    void aStepsListBeatsAGitLabKeyAndNoClaimReadsAsTheFirstSystem() {
        assertEquals(CiSystem.BUILDKITE, detect("ci.yml", "x-anchor:\n  trigger: deploy\nsteps:\n  - command: a\n"));
        assertEquals(CiSystem.GITLAB, detect("ci.yml", "build:\n  script: make\n"));
        assertEquals(CiSystem.GITLAB, detect("ci.yml", "workflow:\n  rules:\n    - when: always\n"));
        assertEquals(CiSystem.BUILDKITE, detect("ci.yml", "name: x\n"));
        assertEquals(Systems.all().get(0).system(), detect("ci.yml", "name: x\n"));
    }

    @Test
    void everySystemRegistersOnceAndAnswersTheSeam() {
        Set<CiSystem> seen = new HashSet<>();
        for (CiSystemSupport s : Systems.all()) {
            assertTrue(seen.add(s.system()), "registered twice: " + s.system());
            assertEquals(s, Systems.of(s.system()));
            assertFalse(s.presets("trunk").isEmpty(), s.system() + " has presets");
            assertTrue(s.presets("trunk").get(0).name().contains("trunk"), "the first preset pushes to the default branch");
            assertFalse(s.scenarioFacts().sources().isEmpty());
            assertTrue(s.semantics() != s.semantics(), "a fresh Semantics for each simulation");
        }
        assertEquals(Set.of(CiSystem.values()), seen, "every CiSystem has support");
    }

    @Test
    void factVariablesBelongToTheirSystem() {
        Set<String> bk = Systems.of(CiSystem.BUILDKITE).scenarioFacts().factVariables();
        Set<String> gl = Systems.of(CiSystem.GITLAB).scenarioFacts().factVariables();
        assertTrue(bk.containsAll(List.of("build.branch", "BUILDKITE_TAG")));
        assertTrue(gl.containsAll(List.of("CI_COMMIT_BRANCH", "CI_PIPELINE_SOURCE")));
        assertFalse(bk.stream().anyMatch(gl::contains));
    }
}
