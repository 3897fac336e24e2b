package dev.pipelens.github;

import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.system.CiSystemSupport;
import dev.pipelens.system.Systems;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GitHub Actions through the registry: which files it claims, and what it offers the window and the CLI. */
class GitHubSystemTest {

    private static final String WORKFLOW = "on: push\njobs:\n  build: {runs-on: ubuntu-latest}\n";

    private static YamlNode root(String yaml) {
        return new YamlLoader().parse(yaml, "x.yml").root();
    }

    private static CiSystem detect(String path, String yaml) {
        return Systems.detect(Path.of(path), root(yaml)).system();
    }

    @Test
    void registeredOnce() {
        assertEquals(1, Systems.all().stream().filter(s -> s.system() == CiSystem.GITHUB).count());
        assertTrue(Systems.of(CiSystem.GITHUB) instanceof GitHubSystem);
    }

    @Test
    void claimsWorkflowsByPathOrShape() {
        assertEquals(CiSystem.GITHUB, detect("repo/.github/workflows/ci.yml", "steps: [{command: x}]"),
                "the workflows folder wins over a Buildkite shape");
        assertEquals(CiSystem.GITHUB, detect("repo/.github/workflows/ci.yaml", ""));
        assertEquals(CiSystem.GITHUB, detect("wf.yml", WORKFLOW));
        assertEquals(CiSystem.GITHUB, detect(".buildkite/wf.yml", WORKFLOW), "the on+jobs shape wins over a Buildkite folder");
        assertEquals(CiSystem.GITLAB, detect(".gitlab-ci.yml", WORKFLOW), "a GitLab reserved name wins the tie");
        assertEquals(CiSystem.BUILDKITE, detect("pipeline.yml", "steps:\n  - command: make\n"));
        assertEquals(CiSystem.GITLAB, detect("ci.yml", "stages: [a]\njob: {stage: a, script: x}\n"));
        assertEquals(0, new GitHubSystem().claim(Path.of("repo/.github/workflows/notes.txt"), null));
        assertEquals(0, new GitHubSystem().claim(Path.of("x.yml"), root("on: push\njobs:\n  a: {script: x}\n")),
                "jobs without runs-on, steps or uses are not GitHub's");
    }

    @Test
    void presetsAndFacts() {
        CiSystemSupport gh = Systems.of(CiSystem.GITHUB);
        List<String> names = gh.presets("trunk").stream().map(NamedScenario::name).toList();
        assertTrue(names.contains("push to trunk"), names.toString());
        assertTrue(names.contains("schedule (nightly)"), names.toString());
        assertEquals("push", gh.scenarioFacts().sources().get(0));
        assertTrue(gh.scenarioFacts().sources().contains("workflow_dispatch"));
        assertFalse(names.stream().anyMatch(n -> n.startsWith("dispatch ")), "per-input presets come from a loaded workflow");
    }
}
