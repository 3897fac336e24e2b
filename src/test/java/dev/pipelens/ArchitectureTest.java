package dev.pipelens;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import dev.pipelens.system.CiSystemSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layering of DESIGN.md section 2: dependencies point inward only. Each layer may use the layers
 * listed before it; {@code model} and {@code expr} use nothing of the project but {@code model}. Each CI
 * system is one place ({@code dev.pipelens.buildkite}, {@code dev.pipelens.gitlab}...), reached from the
 * shared layers only through the seam ({@code dev.pipelens.system}).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pipelens");
    }

    /** The top-level package of each CI system: its reader; its subpackages expr, plan and run. */
    private static final String[] SYSTEMS = {"dev.pipelens.buildkite..", "dev.pipelens.gitlab..", "dev.pipelens.github.."};

    /** Each system's entry point behind the seam (BuildkiteSystem, GitLabSystem...). */
    private static final DescribedPredicate<JavaClass> SEAM_IMPLEMENTATION =
            JavaClass.Predicates.assignableTo(CiSystemSupport.class).and(DescribedPredicate.not(JavaClass.Predicates.INTERFACES));

    /**
     * Layers from the innermost out; each may use only the layers before it. A system's code sits at the level
     * of what it builds on: its expression language beside {@code expr}, its reader after that, its planner
     * after {@code plan}, its run rules after {@code simulate}, its seam entry point with the registry.
     */
    @Test
    void layersPointInward() {
        String[][] layers = {
                {"model", "dev.pipelens.model.."},
                {"yaml", "dev.pipelens.yaml.."},
                {"expr", "dev.pipelens.expr.."},
                {"system expr", "dev.pipelens.*.expr.."},
                {"system reader"},
                {"graph", "dev.pipelens.graph.."},
                {"plan", "dev.pipelens.plan.."},
                {"system plan", "dev.pipelens.*.plan.."},
                {"simulate", "dev.pipelens.simulate.."},
                {"system run", "dev.pipelens.*.run.."},
                {"system"},
                {"execute", "dev.pipelens.execute.."},
                {"layout", "dev.pipelens.layout.."},
                {"export", "dev.pipelens.export.."},
                {"gui", "dev.pipelens.gui.."},
                {"cli", "dev.pipelens.cli.."},
                {"launcher", "dev.pipelens"},
        };
        Architectures.LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String[] l : layers) {
            if (l[0].equals("system reader")) {
                arch = arch.layer(l[0]).definedBy(JavaClass.Predicates.resideInAnyPackage(
                        "dev.pipelens.buildkite", "dev.pipelens.gitlab", "dev.pipelens.github")
                        .and(DescribedPredicate.not(SEAM_IMPLEMENTATION)));
            } else if (l[0].equals("system")) {
                arch = arch.layer(l[0]).definedBy(JavaClass.Predicates.resideInAPackage("dev.pipelens.system..")
                        .or(SEAM_IMPLEMENTATION));
            } else {
                arch = arch.layer(l[0]).definedBy(l[1]);
            }
        }
        for (int i = 0; i < layers.length; i++) {
            String[] outer = new String[layers.length - i - 1];
            for (int j = i + 1; j < layers.length; j++) {
                outer[j - i - 1] = layers[j][0];
            }
            arch = outer.length == 0 ? arch.whereLayer(layers[i][0]).mayNotBeAccessedByAnyLayer()
                    : arch.whereLayer(layers[i][0]).mayOnlyBeAccessedByLayers(outer);
        }
        arch.check(classes);
    }

    /** One rule per shared layer: none of them names a CI system; they ask the seam. */
    @TestFactory
    Stream<DynamicTest> sharedLayersNameNoSystem() {
        String[][] rules = {
                {"dev.pipelens.model..", "the model describes pipelines of every CI system; system details live in the system's package"},
                {"dev.pipelens.yaml..", "safe YAML loading is the same for every CI system"},
                {"dev.pipelens.expr..", "expr holds what every condition language shares; each language lives in its system's expr package"},
                {"dev.pipelens.graph..", "ordering and cycles are computed once for every system's planner and for the layout"},
                {"dev.pipelens.plan..", "the Plan is the contract between the systems and everything downstream; it must not depend on one system"},
                {"dev.pipelens.simulate..", "the simulation loop is system-neutral; each system's run rules come in through Semantics"},
                {"dev.pipelens.execute..", "running real commands must work for whatever system made the plan"},
                {"dev.pipelens.layout..", "the layout draws any Plan; it must not know which system made it"},
                {"dev.pipelens.export..", "exporters render any Plan; they must not know which system made it"},
                {"dev.pipelens.cli..", "commands ask the system registry (Systems) and the planner, never a system's classes, so a new system needs no CLI change"},
                {"dev.pipelens.gui..", "the window asks the system registry (Systems) and the planner, never a system's classes, so a new system needs no window change"},
        };
        return Stream.of(rules).map(r -> DynamicTest.dynamicTest(r[0], () -> noClasses()
                .that().resideInAPackage(r[0])
                .should().dependOnClassesThat().resideInAnyPackage(SYSTEMS)
                .because(r[1])
                .allowEmptyShould(true)
                .check(classes)));
    }

    @Test
    void onlyTheRegistryNamesTheSystems() {
        noClasses().that().resideInAPackage("dev.pipelens.system..").and().doNotHaveSimpleName("Systems")
                .should().dependOnClassesThat().resideInAnyPackage(SYSTEMS)
                .because("the seam (CiSystemSupport) is the same for every system; only the registry lists them,"
                        + " so adding a system is one line there")
                .check(classes);
    }

    @Test
    void aSystemUsesNoOtherSystem() {
        String[] tops = {"dev.pipelens.buildkite..", "dev.pipelens.gitlab..", "dev.pipelens.github.."};
        for (String top : tops) {
            String[] others = Stream.of(tops).filter(t -> !t.equals(top)).toArray(String[]::new);
            noClasses().that().resideInAPackage(top)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("each CI system is one place; what two systems share belongs in a shared package")
                    .allowEmptyShould(true)
                    .check(classes);
        }
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
                        "dev.pipelens.plan..", "dev.pipelens.simulate..", "dev.pipelens.system..",
                        "dev.pipelens.*.expr..", "dev.pipelens.*.plan..", "dev.pipelens.*.run..")
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
        noClasses().that().resideInAnyPackage("dev.pipelens.expr..", "dev.pipelens.buildkite..", "dev.pipelens.gitlab..",
                        "dev.pipelens.github..")
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
