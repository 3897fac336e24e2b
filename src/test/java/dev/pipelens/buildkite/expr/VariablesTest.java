package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.ExpressionException;
import dev.pipelens.expr.VariableUse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pipelens.expr.VariableUse.Kind.BUILD_VARIABLE;
import static dev.pipelens.expr.VariableUse.Kind.ENV;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link CompiledCondition#variables()}: which variables a condition reads and what they are compared with. */
class VariablesTest {

    private static List<VariableUse> variables(String source) throws ExpressionException {
        return BuildkiteConditions.compile(source).variables();
    }

    @Test
    void buildVariableComparedWithLiteralsInSourceOrderWithoutDuplicates() throws ExpressionException {
        assertEquals(List.of(new VariableUse("build.branch", BUILD_VARIABLE, List.of("main", "dev"), 0)),
                variables("build.branch == \"main\" || build.branch == 'dev' || \"main\" == build.branch"));
    }

    @Test
    void envFunctionsAreReportedUnderTheEnvName() throws ExpressionException {
        assertEquals(List.of(
                        new VariableUse("NIGHTLY", ENV, List.of("1"), 0),
                        new VariableUse("build.tag", BUILD_VARIABLE, List.of(), 31)),
                variables("build.env(\"NIGHTLY\") != \"1\" && build.tag == null"));
        assertEquals(List.of(new VariableUse("DEPLOY", ENV, List.of("yes"), 0)), variables("env('DEPLOY') == \"yes\""));
    }

    @Test
    void regexLiteralsAreRenderedWithSlashesAndFlags() throws ExpressionException {
        assertEquals(List.of(new VariableUse("build.tag", BUILD_VARIABLE, List.of("/^v[0-9]/i", "/rc/"), 0)),
                variables("build.tag =~ /^v[0-9]/i && build.tag !~ /rc/"));
    }

    @Test
    void includesCollectsArrayElementsAndNeedles() throws ExpressionException {
        assertEquals(List.of(new VariableUse("build.branch", BUILD_VARIABLE, List.of("main", "dev"), 25)),
                variables("[\"main\", \"dev\"] includes build.branch"));
        assertEquals(List.of(new VariableUse("build.pull_request.labels", BUILD_VARIABLE, List.of("ci", "/^x/"), 0)),
                variables("build.pull_request.labels includes \"ci\" || build.pull_request.labels includes /^x/"));
    }

    @Test
    void shellSubstitutionsReadEnvironmentVariablesIncludingNestedDefaults() throws ExpressionException {
        assertEquals(List.of(
                        new VariableUse("A", ENV, List.of("x"), 0),
                        new VariableUse("B", ENV, List.of(), 0),
                        new VariableUse("C", ENV, List.of(), 19)),
                variables("${A:-$B} == \"x\" && \"$C\" == \"\""));
    }

    @Test
    void variablesOnBothSidesAndInBranchesThatMayBeSkippedAreListed() throws ExpressionException {
        assertEquals(List.of(
                        new VariableUse("build.source", BUILD_VARIABLE, List.of("schedule"), 0),
                        new VariableUse("build.branch", BUILD_VARIABLE, List.of(), 40),
                        new VariableUse("pipeline.default_branch", BUILD_VARIABLE, List.of(), 56)),
                variables("build.source == \"schedule\" || (false && build.branch == pipeline.default_branch)"));
    }

    @Test
    void dynamicStringsAndNullAreNotComparisonLiterals() throws ExpressionException {
        assertEquals(List.of(
                        new VariableUse("build.branch", BUILD_VARIABLE, List.of(), 0),
                        new VariableUse("X", ENV, List.of(), 16)),
                variables("build.branch == \"$X\" || build.branch == null"));
    }
}
