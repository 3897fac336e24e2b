package dev.pipelens.github;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Systems;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local reusable workflow is read only from inside the project root, as every other read on a file's behalf. */
class ContainmentTest {

    @TempDir
    Path tmp;

    private PipelinePlanner open(Path file) {
        return Systems.of(CiSystem.GITHUB).open(file, new YamlLoader().load(file));
    }

    @Test
    void aCalledWorkflowThatIsASymlinkOutOfTheRepositoryIsNotRead() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path workflows = Files.createDirectories(repo.resolve(".github/workflows"));
        Path secret = Files.writeString(tmp.resolve("elsewhere.yml"),
                "on: workflow_call\njobs:\n  leak: {runs-on: x}\n");
        Files.createSymbolicLink(workflows.resolve("called.yml"), secret);
        Files.writeString(workflows.resolve("inside.yml"), "on: workflow_call\njobs:\n  ok: {runs-on: x}\n");
        Path main = Files.writeString(workflows.resolve("main.yml"), """
                on: push
                jobs:
                  a: {uses: ./.github/workflows/called.yml}
                  b: {uses: ./.github/workflows/inside.yml}
                """);
        PipelinePlanner p = open(main);
        assertTrue(p.loadDiagnostics().stream().anyMatch(d -> d.isError()
                && d.code().equals(GitHubCodes.REUSABLE_OUTSIDE_PROJECT) && d.message().contains("outside the project root")),
                p.loadDiagnostics().toString());
        assertTrue(p.loadDiagnostics().stream().map(Diagnostic::message).noneMatch(m -> m.contains("inside.yml")),
                "the workflow inside the repository is read: " + p.loadDiagnostics());
    }
}
