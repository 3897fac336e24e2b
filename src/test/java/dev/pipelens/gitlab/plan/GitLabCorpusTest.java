package dev.pipelens.gitlab.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real GitLab files of the shared corpus: none may throw for any preset, and for a handful the created
 * jobs of a default-branch push were checked by hand against their rules. The corpus directory is the system
 * property {@code pipelens.corpus}, else {@code ../shared/corpus}, else {@code /work/shared/corpus}.
 */
class GitLabCorpusTest {

    static Path corpus() {
        String prop = System.getProperty("pipelens.corpus");
        for (String candidate : new String[] {prop, "../shared/corpus", "/work/shared/corpus"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate, "gitlab"))) {
                return Path.of(candidate, "gitlab");
            }
        }
        return null;
    }

    static Stream<Path> files() throws IOException {
        Path dir = corpus();
        if (dir == null) {
            return Stream.of((Path) null);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static Path file(String name) {
        Path dir = corpus();
        Assumptions.assumeTrue(dir != null, "corpus not found: set -Dpipelens.corpus=DIR (holding gitlab/)");
        return dir.resolve(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void plansEveryPresetWithoutThrowing(Path file) {
        Assumptions.assumeTrue(file != null, "corpus not found: set -Dpipelens.corpus=DIR (holding gitlab/)");
        GitLabPlanner planner = GitLabTestSupport.planner(file, file.getParent());
        planner.variables();
        for (var preset : dev.pipelens.gitlab.GitLabPresets.all()) {
            Plan plan = planner.plan(preset.scenario());
            assertEquals(dev.pipelens.model.CiSystem.GITLAB, plan.system());
            if (!plan.created()) {
                assertFalse(plan.pipelineReasons().isEmpty(), file + " " + preset.id() + ": not created says why");
                assertTrue(plan.steps().stream().allMatch(s -> s.outcome() == Outcome.SKIPPED));
            }
            for (PlannedStep s : plan.steps()) {
                assertFalse(s.reasons().isEmpty(), s.id() + " has reasons");
            }
        }
    }

    private static Set<String> created(Plan plan) {
        return plan.steps().stream().filter(s -> s.outcome() != Outcome.SKIPPED).map(PlannedStep::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Plan plan(String name, Scenario scenario) {
        Path f = file(name);
        return GitLabTestSupport.planner(f, f.getParent()).plan(scenario);
    }

    @Test
    void manualJobsInRulesBlockAndHoldLaterJobs() {
        Plan plan = plan("firecow__gitlab-ci-local__tests__test-cases__manual__.gitlab-ci.yml", Scenario.defaults());
        // pre-job and build-job: rules - when: manual (no allow_failure) = blocking; test-job needs pre-job;
        // deploy-job (stage test) waits for build-job's stage
        GitLabTestSupport.check(plan, "pre-job=blocked build-job=blocked test-job=gated deploy-job=gated "
                + "test-job.deps=pre-job deploy-job.deps=build-job", "manual");
    }

    @Test
    void rulesNeedsReplaceJobNeedsOnMainOnly() {
        String f = "firecow__gitlab-ci-local__tests__test-cases__rules-needs__.gitlab-ci.yml";
        GitLabTestSupport.check(plan(f, Scenario.defaults()), "test-job=runs test-job.deps=build-production", "main");
        GitLabTestSupport.check(plan(f, Scenario.defaults().withBranch("feature")), "test-job=runs test-job.deps=build-dev",
                "feature");
    }

    @Test
    void neverNeedsStopsThePipelineButOptionalDoesNot() {
        Plan plan = plan("firecow__gitlab-ci-local__tests__test-cases__never-needs__.gitlab-ci.yml", Scenario.defaults());
        assertFalse(plan.created());
        assertTrue(plan.pipelineReasons().get(0).contains("'test-job' job needs 'never-job' job"), plan.pipelineReasons().toString());
        Plan optional = plan("firecow__gitlab-ci-local__tests__test-cases__needs-optional__.gitlab-ci.yml", Scenario.defaults());
        assertEquals(Set.of("executed-job"), created(optional));
    }

    @Test
    void onFailureJobsAndWorkflowVariables() {
        GitLabTestSupport.check(plan("firecow__gitlab-ci-local__tests__test-cases__when-on-failure__.gitlab-ci.yml",
                Scenario.defaults()), "build-job=runs test-job=on-failure deploy-job=on-failure", "when-on-failure");
        Plan wf = plan("firecow__gitlab-ci-local__tests__test-cases__workflow-rules-variables__.gitlab-ci.yml",
                Scenario.defaults());
        assertTrue(wf.created());
        assertEquals(Set.of("test-job"), created(wf));
        Plan tag = plan("firecow__gitlab-ci-local__tests__test-cases__workflow-rules-variables__.gitlab-ci.yml",
                Scenario.defaults().withTag("v1").withBranch(null));
        assertFalse(tag.created(), "workflow: if: $CI_COMMIT_BRANCH filters tag pipelines");
    }

    @Test
    void fdroidserverCreatesTheJobsItsRulesAllow() {
        String f = "f-droid__fdroidserver__.gitlab-ci.yml";
        // push to main (not its default branch master): master-only jobs, the Windows job, and the job that
        // needs $SAFETY_API_KEY are not created; workflow rule 3 ($CI_COMMIT_BRANCH) lets the pipeline run
        Set<String> main = created(plan(f, Scenario.defaults()));
        for (String absent : List.of("debian_testing", "ubuntu_lts_ppa", "macOS", "servergitmirrors", "docker",
                "Windows", "safety")) {
            assertFalse(main.contains(absent), absent + " should not be created: " + main);
        }
        for (String present : List.of("buildserver run-tests", "pylint", "black", "pages", "fdroid build")) {
            assertTrue(main.contains(present), present + " should be created: " + main);
        }
        Set<String> master = created(plan(f, Scenario.defaults().withBranch("master").withDefaultBranch("master")
                .withVariable("CI_PROJECT_PATH", "fdroid/fdroidserver")));
        assertTrue(master.containsAll(List.of("debian_testing", "ubuntu_lts_ppa", "macOS", "servergitmirrors", "docker")),
                master.toString());
        Plan mrOpen = plan(f, Scenario.defaults().withVariable("CI_OPEN_MERGE_REQUESTS", "fdroid/fdroidserver!1"));
        assertFalse(mrOpen.created(), "branch pipeline with an open MR: workflow rule 2 says never");
    }

    @Test
    void glibWorkflowAndManualJobs() {
        String f = "GNOME__glib__.gitlab-ci.yml";
        Plan push = plan(f, Scenario.defaults());
        assertTrue(push.created(), push.pipelineReasons().toString());
        Plan tag = plan(f, Scenario.defaults().withTag("2.80.0").withBranch(null));
        assertTrue(tag.created(), "workflow rule 3: $CI_COMMIT_TAG");
    }
}
