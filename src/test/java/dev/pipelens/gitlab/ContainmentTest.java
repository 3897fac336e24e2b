package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing outside the project root is read on a pipeline's behalf (issue 15, item 1). Expected answers:
 * GitLab docs, {@code include:local}: "Use include:local to include a file that is in the same repository and
 * branch as the configuration file" (doc/ci/yaml/_index.md); {@code rules:exists} "Paths are relative to the
 * project directory ($CI_PROJECT_DIR) and can't directly link outside it" (same page, rules:exists).
 */
class ContainmentTest {

    @TempDir
    Path tmp;

    private Path project;
    private Path secret;

    private void layout(String ci) throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.yml"), "variables:\n  SECRET: hunter2\nstolen:\n  script: [x]\n");
        project = Files.createDirectories(tmp.resolve("proj"));
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve("inside.yml"), "inside-job:\n  script: [x]\n");
        Files.writeString(project.resolve(".gitlab-ci.yml"), ci);
    }

    private GitLabLoader load() {
        Path file = project.resolve(".gitlab-ci.yml");
        return GitLabLoader.load(".gitlab-ci.yml", new YamlLoader().load(file), project, ProjectRoot.forFile(file, null));
    }

    private static List<String> jobs(GitLabConfig c) {
        return c.jobs().stream().map(GitLabJob::name).collect(Collectors.toList());
    }

    private static List<Diagnostic> outside(GitLabLoader loader) {
        return loader.diagnostics().stream().filter(d -> d.code().equals(GitLabCodes.OUTSIDE_PROJECT))
                .collect(Collectors.toList());
    }

    @Test
    void parentRelativeIncludeIsALocatedErrorAndNotRead() throws IOException {
        layout("include:\n  - local: inside.yml\n  - local: ../outside/secret.yml\nmain:\n  script: [x]\n");
        GitLabLoader loader = load();
        assertEquals(List.of("inside-job", "main"), jobs(loader.config()));
        List<Diagnostic> errors = outside(loader);
        assertEquals(1, errors.size(), loader.diagnostics().toString());
        assertTrue(errors.get(0).isError());
        assertEquals(3, errors.get(0).span().line());
        assertTrue(errors.get(0).message().contains("include:local '../outside/secret.yml'"), errors.get(0).message());
        assertFalse(loader.config().variables().stream().anyMatch(v -> v.name().equals("SECRET")));
    }

    @Test
    void doubleSlashAbsolutePathIsRefused() throws IOException {
        layout("placeholder: 1\n");
        Files.writeString(project.resolve(".gitlab-ci.yml"), "include:\n  - local: '/" + secret.toAbsolutePath()
                + "'\nmain:\n  script: [x]\n");
        GitLabLoader loader = load();
        assertEquals(List.of("main"), jobs(loader.config()));
        assertEquals(1, outside(loader).size(), loader.diagnostics().toString());
    }

    @Test
    void symlinkInsideThePointingOutsideIsRefused() throws IOException {
        layout("include: link.yml\nmain:\n  script: [x]\n");
        try {
            Files.createSymbolicLink(project.resolve("link.yml"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symlinks not supported here: " + e);
        }
        GitLabLoader loader = load();
        assertEquals(List.of("main"), jobs(loader.config()));
        List<Diagnostic> errors = outside(loader);
        assertEquals(1, errors.size(), loader.diagnostics().toString());
        assertTrue(errors.get(0).message().contains("symlink"), errors.get(0).message());
    }

    @Test
    void symlinkStayingInsideIsFollowed() throws IOException {
        layout("include: alias.yml\nmain:\n  script: [x]\n");
        Files.createSymbolicLink(project.resolve("alias.yml"), project.resolve("inside.yml"));
        GitLabLoader loader = load();
        assertEquals(List.of("inside-job", "main"), jobs(loader.config()));
        assertTrue(outside(loader).isEmpty(), loader.diagnostics().toString());
    }

    @Test
    void existsOutsideTheProjectIsALocatedErrorAndNeverFound() throws IOException {
        layout("job:\n  script: [x]\n  rules:\n    - exists: ../../../../../../../../etc/passwd\n"
                + "other:\n  script: [x]\n  rules:\n    - exists: [link-to-outside/secret.yml]\n");
        Files.createSymbolicLink(project.resolve("link-to-outside"), secret.getParent());
        GitLabLoader loader = load();
        List<Diagnostic> errors = outside(loader);
        assertEquals(1, errors.size(), "the literal ../ path is refused where it is written: " + loader.diagnostics());
        assertEquals(4, errors.get(0).span().line());
        FileFacts facts = FileFacts.of(Map.of(), loader.project());
        StringBuilder why = new StringBuilder();
        assertFalse(facts.exists(List.of("../../../../../../../../etc/passwd"), why), why.toString());
        why.setLength(0);
        assertFalse(facts.exists(List.of("link-to-outside/secret.yml"), why), "a symlink out of the repo is not followed: " + why);
        assertTrue(why.toString().contains("outside the project root"), why.toString());
        why.setLength(0);
        assertTrue(facts.exists(List.of("inside.yml"), why), why.toString());
    }

    @Test
    void projectRootIsTheGitRepositoryOrTheGivenFolder() throws IOException {
        layout("main:\n  script: [x]\n");
        Path sub = Files.createDirectories(project.resolve("ci"));
        assertEquals(project.toAbsolutePath().normalize(), ProjectRoot.forFile(sub.resolve("x.yml"), null).path());
        assertEquals(tmp.toAbsolutePath().normalize(), ProjectRoot.forFile(sub.resolve("x.yml"), tmp).path());
        assertNull(ProjectRoot.forFile(sub.resolve("x.yml"), null).check(project.resolve("inside.yml")));
        assertFalse(ProjectRoot.forFile(sub.resolve("x.yml"), null).contains(secret));
        assertTrue(configHasNoErrors(load()));
    }

    private static boolean configHasNoErrors(GitLabLoader loader) {
        Map<String, String> vars = GitLabPredefinedVariables.of(Scenario.defaults());
        return loader.config(vars::get, FileFacts.of(vars, loader.project())).diagnostics().stream().noneMatch(Diagnostic::isError);
    }
}
