package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Includes from elsewhere mapped to files of the project (issue 14, item 3). What each include names follows
 * GitLab's include keywords (doc/ci/yaml/_index.md: include:project with ref and file (a string or a list),
 * include:remote (a URL), include:template (a template name), include:component (host/path/name@version,
 * whose template is templates/NAME.yml or templates/NAME/template.yml, doc/ci/components).
 */
class IncludeMapTest {

    @TempDir
    Path dir;

    private Path project() throws IOException {
        Path p = Files.createDirectories(dir.resolve("p"));
        Files.createDirectories(p.resolve(".git"));
        Files.createDirectories(p.resolve("vendor/runner/ci"));
        Files.writeString(p.resolve("vendor/runner/ci/jobs.yml"), "runner-job:\n  script: [x]\n");
        Files.createDirectories(p.resolve("vendor/templates/Security"));
        Files.writeString(p.resolve("vendor/templates/Security/SAST.gitlab-ci.yml"), "sast:\n  script: [x]\n");
        Files.createDirectories(p.resolve("vendor/sast/templates"));
        Files.writeString(p.resolve("vendor/sast/templates/sast.yml"), "component-job:\n  script: [x]\n");
        Files.writeString(p.resolve("vendor/extra.yml"), "remote-job:\n  script: [x]\n");
        Files.writeString(p.resolve(".gitlab-ci.yml"), """
                include:
                  - project: gitlab-org/gitlab-runner
                    ref: main
                    file: [/ci/jobs.yml]
                  - template: Security/SAST.gitlab-ci.yml
                  - https://example.com/ci/extra.yml
                  - component: gitlab.com/components/sast/sast@2.0
                  - project: other/unmapped
                    file: x.yml
                main:
                  script: [x]
                """);
        return p;
    }

    private static List<String> jobs(Plan plan) {
        return plan.steps().stream().map(PlannedStep::id).toList();
    }

    @Test
    void configFileAndOptionsMapIncludesToProjectFiles() throws IOException {
        Path p = project();
        Files.writeString(p.resolve(IncludeMap.CONFIG_FILE), """
                includes:
                  project:
                    gitlab-org/gitlab-runner: vendor/runner
                  template:
                    "": vendor/templates
                """);
        Plan plan = Pipelines.open(p.resolve(".gitlab-ci.yml"), null, YamlLimits.DEFAULT, null,
                List.of("remote:https://example.com/ci/extra.yml=vendor/extra.yml",
                        "component:gitlab.com/components/sast/sast=vendor/sast")).plan(Scenario.defaults());
        assertEquals(List.of("runner-job", "sast", "remote-job", "component-job", "main"), jobs(plan));
        List<Diagnostic> unmapped = plan.diagnostics().stream()
                .filter(d -> d.code().equals(GitLabCodes.INCLUDE_NOT_FETCHED)).toList();
        assertEquals(1, unmapped.size(), plan.diagnostics().toString());
        assertTrue(unmapped.get(0).message().contains("--include-map project:other/unmapped=PATH"), "says how to map it");
    }

    @Test
    void mappedPathsStayInsideTheProjectRoot() throws IOException {
        Path p = project();
        Files.writeString(dir.resolve("outside.yml"), "stolen:\n  script: [x]\n");
        Plan plan = Pipelines.open(p.resolve(".gitlab-ci.yml"), null, YamlLimits.DEFAULT, null,
                List.of("remote:https://example.com/ci/extra.yml=../outside.yml")).plan(Scenario.defaults());
        assertTrue(!jobs(plan).contains("stolen"));
        assertTrue(plan.diagnostics().stream().anyMatch(d -> d.isError() && d.code().equals(GitLabCodes.OUTSIDE_PROJECT)));
    }

    @Test
    void aMalformedOptionIsAnError() {
        IncludeMap map = IncludeMap.load(null, List.of("nonsense"));
        assertTrue(map.diagnostics().stream().anyMatch(Diagnostic::isError));
    }
}
