package dev.pipelens.gui.scenario;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.VariableInfo;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The what-if panel's state, without a JavaFX toolkit. */
class ScenarioViewModelTest {

    private static final List<VariableInfo> RELEASE_VARS = List.of(
            new VariableInfo("NIGHTLY", "env", List.of("1"), List.of("block-build-release-images", "announce")),
            new VariableInfo("build.tag", "build", List.of("/^v[0-9]+$/"), List.of("announce")),
            new VariableInfo("DEPLOY_ENV", "env", List.of("staging", "production"), List.of("deploy")));

    @Test
    void variableComparedWithOneLiteralIsAToggleOthersAChoiceFactsAreFields() {
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.setDiscovered(CiSystem.BUILDKITE, RELEASE_VARS);
        assertEquals(List.of("NIGHTLY", "DEPLOY_ENV"), vm.variables().stream().map(VariableModel::name).toList());
        assertTrue(vm.variables().get(0).isToggle());
        assertFalse(vm.variables().get(1).isToggle());
        assertEquals(List.of("staging", "production"), vm.variables().get(1).choices());
    }

    @Test
    void togglingAVariableChangesTheScenarioAtOnce() {
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.setDiscovered(CiSystem.BUILDKITE, RELEASE_VARS);
        Scenario before = vm.getScenario();
        vm.variables().get(0).setOn(true);
        assertEquals(Map.of("NIGHTLY", "1"), vm.getScenario().variables());
        vm.variables().get(0).setOn(false);
        assertEquals(before, vm.getScenario());
    }

    @Test
    void presetsSetFactsAndTheDiscoveredVariablesControls() {
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.setDiscovered(CiSystem.BUILDKITE, RELEASE_VARS);
        NamedScenario nightly = vm.presets().stream().filter(p -> p.name().startsWith("nightly")).findFirst().orElseThrow();
        vm.applyPreset(nightly);
        assertTrue(vm.variables().get(0).isOn());
        assertEquals("", vm.freeFormProperty().get());
        assertEquals("schedule", vm.getScenario().source());
        NamedScenario tag = vm.presets().stream().filter(p -> p.name().startsWith("tag")).findFirst().orElseThrow();
        vm.applyPreset(tag);
        assertEquals("v1.2.0", vm.getScenario().tag());
        assertNull(vm.getScenario().branch());
        assertFalse(vm.variables().get(0).isOn());
    }

    @Test
    void freeFormLinesAreVariablesAndBadLinesAreReported() {
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.freeFormProperty().set("FOO=bar\n# comment\nbuild.pull_request.draft=true\noops");
        assertEquals(Map.of("FOO", "bar", "build.pull_request.draft", "true"), vm.getScenario().variables());
        assertNotNull(vm.freeFormErrorProperty().get());
        vm.freeFormProperty().set("FOO=bar");
        assertNull(vm.freeFormErrorProperty().get());
    }

    @Test
    void reloadKeepsTheValuesOfVariablesThatStillExist() {
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.setDiscovered(CiSystem.BUILDKITE, RELEASE_VARS);
        vm.variables().get(1).setValue("production");
        vm.setDiscovered(CiSystem.BUILDKITE, RELEASE_VARS);
        assertEquals("production", vm.getScenario().variables().get("DEPLOY_ENV"));
    }

    @Test
    void summaryReadsLikeTheStatusBar() {
        assertEquals("push to main", ScenarioViewModel.summary(Scenario.defaults()));
        assertEquals("tag v1.2.0 \u00b7 NIGHTLY=1",
                ScenarioViewModel.summary(Scenario.defaults().withBranch(null).withTag("v1.2.0").withVariable("NIGHTLY", "1")));
    }

    @Test
    void variablesGivenBeforeTheFileIsReadMoveIntoTheirControls() {
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.apply(Scenario.defaults().withVariable("NIGHTLY", "1").withVariable("OTHER", "x"));
        assertEquals("NIGHTLY=1\nOTHER=x", vm.freeFormProperty().get());
        vm.setDiscovered(CiSystem.BUILDKITE, RELEASE_VARS);
        assertTrue(vm.variables().get(0).isOn());
        assertEquals("OTHER=x", vm.freeFormProperty().get());
        assertEquals(Map.of("NIGHTLY", "1", "OTHER", "x"), vm.getScenario().variables());
    }

    /** Issue 11: fdroidserver compares CI_COMMIT_BRANCH with "master" and "windows"; the Branch list was empty. */
    @Test
    void gitLabBranchAndTagFieldsSuggestWhatTheRulesCompareTheirVariablesWith(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".gitlab-ci.yml");
        Files.writeString(file, """
                lint:
                  script: [make lint]
                  rules:
                    - if: $CI_COMMIT_BRANCH == "master" && $CI_PROJECT_PATH == "fdroid/fdroidserver"
                windows:
                  script: [make win]
                  rules:
                    - if: $CI_COMMIT_BRANCH == "windows"
                release:
                  script: [make release]
                  rules:
                    - if: $CI_COMMIT_REF_NAME == "stable" || $CI_COMMIT_TAG == "v1.0"
                """);
        PipelinePlanner planner = Pipelines.open(file, null, YamlLimits.DEFAULT);
        assertEquals(CiSystem.GITLAB, planner.system());
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.setDiscovered(planner.system(), planner.variables());

        assertEquals(List.of("master", "windows", "stable"), vm.branchSuggestions());
        assertEquals(List.of("v1.0"), vm.tagSuggestions());
        // the branch facts are fields, not free variables; the project path still is one
        List<String> free = vm.variables().stream().map(VariableModel::name).toList();
        assertEquals(List.of("CI_PROJECT_PATH"), free);
    }

    @Test
    void buildkiteBranchSuggestionsComeFromItsOwnBranchVariables() {
        ScenarioViewModel vm = new ScenarioViewModel();
        vm.setDiscovered(CiSystem.BUILDKITE, List.of(
                new VariableInfo("build.branch", "build", List.of("main", "/^release-/"), List.of("deploy")),
                new VariableInfo("BUILDKITE_BRANCH", "env", List.of("main", "nightly"), List.of("deploy"))));
        assertEquals(List.of("main", "nightly"), vm.branchSuggestions());
        assertEquals(List.of(), vm.tagSuggestions());
    }
}
