package dev.pipelens.github.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The four GitHub lint rules, each on a minimal workflow, and silence on a workflow without the mistake. */
class GitHubLintTest {

    private static List<String> codes(String yaml) {
        GitHubPlanner p = GitHubPlanner.load("w.yml", new YamlLoader().parse(yaml, "w.yml"), null);
        return p.lint().stream().map(Diagnostic::code).toList();
    }

    @Test
    void textAroundAnExpressionIsAlwaysTrue() {
        assertEquals(List.of(GitHubLint.ALWAYS_TRUE), codes("""
                on: workflow_dispatch
                jobs:
                  release: {runs-on: x, if: "${{ inputs.dry_run }} == 'false'"}
                """));
    }

    @Test
    void jobSkippedOnlyBecauseItsNeedIsSkipped() {
        assertEquals(List.of(GitHubLint.SKIPPED_NEED), codes("""
                on: [push, workflow_dispatch]
                jobs:
                  changes: {runs-on: x, if: "github.event_name != 'workflow_dispatch'"}
                  lint: {runs-on: x, needs: changes, if: "github.event_name == 'workflow_dispatch'"}
                """));
    }

    @Test
    void tagReleaseBypassingTheEnvironmentGate() {
        assertEquals(List.of(GitHubLint.GATE_BYPASSED), codes("""
                on: {push: {tags: ['v*'], branches: [main]}}
                jobs:
                  approve: {runs-on: x, environment: production, if: "github.ref == 'refs/heads/main'"}
                  publish: {runs-on: x, needs: approve, if: "!cancelled()"}
                """));
    }

    @Test
    void inputComparedOutsideItsOptionsOrBooleanWithString() {
        assertEquals(List.of(GitHubLint.INPUT_VALUE, GitHubLint.INPUT_VALUE), codes("""
                on:
                  workflow_dispatch:
                    inputs:
                      channel: {type: choice, options: [stable, beta]}
                      dry: {type: boolean}
                jobs:
                  a: {runs-on: x, if: "inputs.channel == 'nightly'"}
                  b: {runs-on: x, if: "inputs.dry == 'true'"}
                  c: {runs-on: x, if: "inputs.channel == 'Beta' && github.event.inputs.dry == 'true'"}
                """));
    }

    @Test
    void cleanWorkflowHasNoFindings() {
        assertEquals(List.of(), codes("""
                on: {push: {tags: ['v*']}}
                jobs:
                  build: {runs-on: x}
                  release: {runs-on: x, needs: build, environment: production, if: "startsWith(github.ref, 'refs/tags/')"}
                """));
    }
}
