package dev.pipelens.github;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * GitHub Actions lives in its own place: its expression language depends on nothing of the project, and
 * only its run rules (and the seam entry that hands them out) know the runner. That nothing outside
 * {@code dev.pipelens.github} names it, except the registry, is {@code dev.pipelens.ArchitectureTest}'s.
 */
class GitHubArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pipelens");

    @Test
    void expressionsDependOnNothingOfTheProject() {
        noClasses().that().resideInAPackage("dev.pipelens.github.expr..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pipelens.model..", "dev.pipelens.yaml..",
                        "dev.pipelens.plan..", "dev.pipelens.github", "dev.pipelens.github.plan..")
                .because("the expression language is tested alone against GitHub's own evaluator")
                .check(CLASSES);
    }

    @Test
    void githubNeverReachesTheViewsTheCommandLineOrTheOtherSystems() {
        noClasses().that().resideInAPackage("dev.pipelens.github..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pipelens.cli..", "dev.pipelens.gui..",
                        "dev.pipelens.export..", "dev.pipelens.buildkite..", "dev.pipelens.gitlab..",
                        "picocli..", "javafx..", "org.snakeyaml..")
                .because("a system's place touches only the shared model, yaml, plan and simulate types")
                .check(CLASSES);
    }

    @Test
    void onlyTheRunRulesAndTheSeamEntryReachTheRunner() {
        noClasses().that().resideInAPackage("dev.pipelens.github..")
                .and().resideOutsideOfPackage("dev.pipelens.github.run..")
                .and().doNotHaveSimpleName("GitHubSystem")
                .should().dependOnClassesThat().resideInAPackage("dev.pipelens.simulate..")
                .because("the reader and the planner answer from the file and the scenario alone; the run rules"
                        + " read only the plan")
                .check(CLASSES);
    }
}
