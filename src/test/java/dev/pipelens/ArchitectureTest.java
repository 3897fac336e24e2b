package dev.pipelens;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layering of DESIGN.md section 2: dependencies point inward only. Each layer may use the layers
 * listed before it; {@code model} and {@code expr} use nothing of the project but {@code model}.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pipelens");
    }

    @Test
    void layersPointInward() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("model").definedBy("dev.pipelens.model..")
                .layer("yaml").definedBy("dev.pipelens.yaml..")
                .layer("expr").definedBy("dev.pipelens.expr..")
                .layer("buildkite").definedBy("dev.pipelens.buildkite..")
                .layer("gitlab").definedBy("dev.pipelens.gitlab..")
                .layer("graph").definedBy("dev.pipelens.graph..")
                .layer("plan").definedBy("dev.pipelens.plan..")
                .layer("simulate").definedBy("dev.pipelens.simulate..")
                .layer("execute").definedBy("dev.pipelens.execute..")
                .layer("layout").definedBy("dev.pipelens.layout..")
                .layer("export").definedBy("dev.pipelens.export..")
                .layer("cli").definedBy("dev.pipelens.cli..")
                .layer("gui").definedBy("dev.pipelens.gui..")
                .layer("launcher").definedBy("dev.pipelens")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("gui").mayOnlyBeAccessedByLayers("launcher", "cli")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("export").mayOnlyBeAccessedByLayers("cli", "gui", "launcher")
                .whereLayer("layout").mayOnlyBeAccessedByLayers("export", "cli", "gui", "launcher")
                .whereLayer("execute").mayOnlyBeAccessedByLayers("cli", "gui", "launcher")
                .whereLayer("simulate").mayOnlyBeAccessedByLayers("execute", "layout", "export", "cli", "gui", "launcher")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("simulate", "execute", "layout", "export", "cli", "gui", "launcher")
                .whereLayer("graph").mayOnlyBeAccessedByLayers("plan", "simulate", "execute", "layout", "export", "cli", "gui", "launcher")
                .whereLayer("gitlab").mayOnlyBeAccessedByLayers("graph", "plan", "simulate", "execute", "layout", "export", "cli", "gui", "launcher")
                .whereLayer("buildkite").mayOnlyBeAccessedByLayers("graph", "plan", "simulate", "execute", "layout", "export", "cli", "gui", "launcher")
                .whereLayer("expr").mayOnlyBeAccessedByLayers("buildkite", "gitlab", "graph", "plan", "simulate", "execute", "layout", "export", "cli", "gui", "launcher")
                .whereLayer("yaml").mayOnlyBeAccessedByLayers("buildkite", "gitlab", "graph", "plan", "simulate", "execute", "layout", "export", "cli", "gui", "launcher");
        rule.check(classes);
    }

    @Test
    void exprDependsOnNothingOfTheProject() {
        noClasses().that().resideInAPackage("dev.pipelens.expr..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.pipelens.yaml..", "dev.pipelens.buildkite..", "dev.pipelens.gitlab..",
                        "dev.pipelens.graph..", "dev.pipelens.plan..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyGuiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.pipelens.gui..", "dev.pipelens")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void coreNeverImportsYamlPicocliOrJavaFx() {
        noClasses().that().resideInAnyPackage("dev.pipelens.model..", "dev.pipelens.expr..",
                        "dev.pipelens.plan..", "dev.pipelens.simulate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.snakeyaml..", "picocli..", "javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyYamlPackageUsesSnakeYaml() {
        noClasses().that().resideOutsideOfPackage("dev.pipelens.yaml..")
                .should().dependOnClassesThat().resideInAnyPackage("org.snakeyaml..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackages("dev.pipelens.cli..", "dev.pipelens")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void regexesUseRe2jNotJavaUtilRegex() {
        noClasses().that().resideInAnyPackage("dev.pipelens.expr..", "dev.pipelens.buildkite..", "dev.pipelens.gitlab..")
                // the one bounded backtracking engine, for lookahead/backreferences RE2/J cannot do (issue 14)
                .and().doNotHaveFullyQualifiedName("dev.pipelens.expr.BoundedRegex")
                .and().doNotHaveFullyQualifiedName("dev.pipelens.expr.BoundedRegex$Counting")
                .should().dependOnClassesThat().resideInAPackage("java.util.regex..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyCliAndLauncherPrint() {
        noClasses().that().resideOutsideOfPackages("dev.pipelens.cli..", "dev.pipelens")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .allowEmptyShould(true)
                .check(classes);
    }
}
