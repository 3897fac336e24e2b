package dev.pipelens.gitlab.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.VariableInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled sample {@code samples/gitlab/.gitlab-ci.yml}: loads cleanly and answers each preset as its comments say. */
class GitLabSampleTest {

    private static final Path SAMPLE = Path.of("samples/gitlab/.gitlab-ci.yml");

    private static GitLabPlanner planner() {
        return GitLabTestSupport.planner(SAMPLE, SAMPLE.getParent());
    }

    @Test
    void loadsWithoutErrors() {
        List<Diagnostic> errors = planner().loadDiagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void pushToMainBlocksAtTheProductionDeploy() {
        Plan plan = planner().plan(Scenario.defaults().withVariable("SKIP_E2E", "true"));
        assertTrue(plan.created());
        GitLabTestSupport.check(plan, "compile=runs docker-image=runs unit-tests=runs lint=runs e2e-tests=runs "
                + "nightly-benchmarks=skipped review-app=skipped deploy-staging=runs deploy-production=blocked "
                + "smoke-production=gated release=skipped notify-failure=on-failure "
                + "deploy-production.deps=deploy-staging,unit-tests,e2e-tests", "main");
        PlannedStep e2e = plan.step("e2e-tests").orElseThrow();
        assertEquals("rule 1 matched: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH ($CI_COMMIT_BRANCH = \"main\", "
                + "$CI_DEFAULT_BRANCH = \"main\"); later rules not evaluated", e2e.reasons().get(1));
        assertEquals("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", e2e.condition());
        assertEquals(4, plan.step("unit-tests").orElseThrow().jobs());
    }

    @Test
    void featureBranchAndMergeRequestAndTag() {
        GitLabPlanner planner = planner();
        GitLabTestSupport.check(planner.plan(Scenario.defaults().withBranch("feature").withVariable("SKIP_E2E", "true")),
                "e2e-tests=skipped deploy-staging=skipped deploy-production=skipped", "feature");
        GitLabTestSupport.check(planner.plan(Scenario.defaults().withBranch("feature").withPullRequest("12")),
                "review-app=manual e2e-tests=runs deploy-production=skipped", "mr");
        GitLabTestSupport.check(planner.plan(Scenario.defaults().withTag("v1.4.0").withBranch(null)),
                "release=runs deploy-production=skipped e2e-tests=skipped", "tag");
        GitLabTestSupport.check(planner.plan(Scenario.defaults().withTag("nightly-1").withBranch(null)),
                "release=skipped", "non-semver tag");
        Plan openMr = planner.plan(Scenario.defaults().withBranch("feature").withVariable("CI_OPEN_MERGE_REQUESTS", "shop!3"));
        assertFalse(openMr.created());
    }

    @Test
    void changedFilesDecideTheDockerImage() {
        GitLabPlanner planner = planner();
        Plan docs = planner.plan(Scenario.defaults().withBranch("feature").withVariable("PIPELENS_CHANGED_FILES", "README.md"));
        assertFalse(docs.created(), "e2e-tests needs docker-image, which docs-only changes leave out: " + docs.pipelineReasons());
        Plan code = planner.plan(Scenario.defaults().withBranch("feature").withVariable("PIPELENS_CHANGED_FILES", "src/main/A.java"));
        GitLabTestSupport.check(code, "docker-image=runs", "code change");
        Plan assumed = planner.plan(Scenario.defaults().withBranch("feature"));
        assertTrue(assumed.step("docker-image").orElseThrow().reasons().stream()
                .anyMatch(r -> r.contains("assumed true") && r.contains("PIPELENS_CHANGED_FILES")));
    }

    @Test
    void listsTheVariablesConditionsRead() {
        List<VariableInfo> vars = planner().variables();
        VariableInfo source = vars.stream().filter(v -> v.name().equals("CI_PIPELINE_SOURCE")).findFirst().orElseThrow();
        assertEquals(List.of("merge_request_event", "schedule"), source.values());
        assertTrue(source.usedBy().contains("workflow"));
        assertTrue(vars.stream().anyMatch(v -> v.name().equals("NIGHTLY") && v.values().equals(List.of("1"))));
        assertTrue(vars.stream().anyMatch(v -> v.name().equals("PIPELENS_CHANGED_FILES")));
    }
}
