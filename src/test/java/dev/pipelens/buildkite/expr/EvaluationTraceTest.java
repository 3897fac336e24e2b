package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Evaluation;
import dev.pipelens.expr.ExpressionException;
import dev.pipelens.expr.ReadValue;
import dev.pipelens.expr.SubValue;
import dev.pipelens.expr.Value;
import dev.pipelens.expr.VariableUse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trace of sub-expression values and the reads an {@link Evaluation} reports. */
class EvaluationTraceTest {

    private static final BuildkiteContext NIGHTLY_1 = MapBuildkiteContext.builder()
            .branch("main").env(Map.of("NIGHTLY", "1")).build();

    private static Evaluation evaluate(String source, BuildkiteContext context) throws ExpressionException {
        return BuildkiteConditions.compile(source).evaluate(context);
    }

    @Test
    void traceListsSubExpressionsInnermostFirstWithSourceTextAndRenderedValue() throws ExpressionException {
        Evaluation evaluation = evaluate("build.env(\"NIGHTLY\") != \"1\"", NIGHTLY_1);
        assertEquals(List.of(
                        new SubValue(0, 20, "build.env(\"NIGHTLY\")", "\"1\""),
                        new SubValue(0, 27, "build.env(\"NIGHTLY\") != \"1\"", "false")),
                List.copyOf(evaluation.trace()));
        assertEquals("build.env(\"NIGHTLY\") != \"1\" \u2192 false", evaluation.trace().get(1).toString());
    }

    @Test
    void readsAreNamedByEnvNameOrDottedNameAndRenderedForPeople() throws ExpressionException {
        Evaluation evaluation = evaluate("build.env(\"NIGHTLY\") == \"1\" && build.tag == null", NIGHTLY_1);
        assertEquals(Boolean.TRUE, evaluation.result());
        assertEquals(List.of(
                        new ReadValue("NIGHTLY", VariableUse.Kind.ENV, Value.of("1")),
                        new ReadValue("build.tag", VariableUse.Kind.BUILD_VARIABLE, Value.NULL)),
                evaluation.reads());
        assertEquals("NIGHTLY = \"1\", build.tag = null", evaluation.explain());
        assertEquals("NIGHTLY = \"1\", build.tag = null", Evaluation.explain(evaluation));
    }

    @Test
    void shortCircuitedOperandsAreNeitherReadNorTraced() throws ExpressionException {
        Evaluation evaluation = evaluate("build.branch == \"dev\" && build.tag =~ /^v/", NIGHTLY_1);
        assertEquals(Boolean.FALSE, evaluation.result());
        assertEquals(List.of("build.branch"), evaluation.reads().stream().map(ReadValue::name).toList());
        assertEquals(List.of("build.branch", "build.branch == \"dev\"", "build.branch == \"dev\" && build.tag =~ /^v/"),
                evaluation.trace().stream().map(SubValue::text).toList());
    }

    @Test
    void eachVariableIsReportedOnceWithTheFirstValueRead() throws ExpressionException {
        Evaluation evaluation = evaluate("build.branch == \"x\" || build.branch == \"main\"", NIGHTLY_1);
        assertEquals(1, evaluation.reads().size());
        assertEquals("build.branch = \"main\"", evaluation.explain());
    }

    @Test
    void shellSubstitutionReadsAreEnvReads() throws ExpressionException {
        Evaluation evaluation = evaluate("${UNSET:-$NIGHTLY} == \"1\"", NIGHTLY_1);
        assertTrue(evaluation.isTrue());
        assertEquals("UNSET = null, NIGHTLY = \"1\"", evaluation.explain());
    }

    @Test
    void runtimeErrorComesBackWithOffsetAndWithoutResult() throws ExpressionException {
        Evaluation evaluation = evaluate("true && [build.tag] includes \"v1\"", NIGHTLY_1);
        assertNull(evaluation.result());
        assertTrue(evaluation.failed());
        assertFalse(evaluation.isTrue());
        assertEquals(8, evaluation.errorOffset());
        assertEquals("build.tag = null", evaluation.explain());
    }

    @Test
    void successfulEvaluationHasNoErrorOffset() throws ExpressionException {
        Evaluation evaluation = evaluate("build.pull_request.draft", NIGHTLY_1);
        assertEquals(Boolean.FALSE, evaluation.result());
        assertNull(evaluation.error());
        assertEquals(-1, evaluation.errorOffset());
        assertEquals(List.of(new SubValue(0, 24, "build.pull_request.draft", "null")), List.copyOf(evaluation.trace()));
    }

    @Test
    void literalsAreLeftOutOfTheTrace() throws ExpressionException {
        Evaluation evaluation = evaluate("!(1 == 1)", NIGHTLY_1);
        assertEquals(List.of("1 == 1 \u2192 true", "!(1 == 1) \u2192 false"),
                evaluation.trace().stream().map(SubValue::toString).toList());
    }

    @Test
    void compiledConditionIsReusableAcrossContexts() throws ExpressionException {
        CompiledCondition condition = BuildkiteConditions.compile("build.branch == \"main\"");
        assertTrue(condition.evaluate(NIGHTLY_1).isTrue());
        assertFalse(condition.evaluate(MapBuildkiteContext.builder().branch("dev").build()).isTrue());
        assertEquals("build.branch == \"main\"", condition.source());
    }
}
