package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Evaluation;
import dev.pipelens.expr.ExpressionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs every row of {@code expressions/buildkite-conditions.csv}: compile, evaluate, compare. */
class BuildkiteConditionsTest {

    private static final String SEPARATOR = " | ";

    static List<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = BuildkiteConditionsTest.class.getResourceAsStream("/expressions/buildkite-conditions.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("##")) {
                    continue;
                }
                int first = line.indexOf(SEPARATOR);
                int last = line.lastIndexOf(SEPARATOR);
                if (line.indexOf(SEPARATOR, first + 1) != last) {
                    throw new IllegalStateException("line " + number + " has more than three columns: " + line);
                }
                if (first < 0 || first == last) {
                    throw new IllegalStateException("line " + number + " needs three columns: " + line);
                }
                String expression = line.substring(0, first).replace("\\n", "\n");
                String context = line.substring(first + SEPARATOR.length(), last);
                String expected = line.substring(last + SEPARATOR.length()).strip();
                rows.add(Arguments.of(number, expression, context, expected));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "line {0}: {1} [{2}] -> {3}")
    @MethodSource("rows")
    void conditionBehavesAsSpecified(int line, String expression, String context, String expected) {
        CompiledCondition condition;
        try {
            condition = BuildkiteConditions.compile(expression);
        } catch (ExpressionException e) {
            assertEquals(expected, "ERROR:" + e.kind() + "@" + e.offset(), "compile error: " + e.getMessage());
            return;
        }
        if (expected.startsWith("ERROR:")) {
            fail("expected " + expected + " but the condition compiled");
        }
        Evaluation evaluation = condition.evaluate(ContextSpec.parse(context));
        if (expected.startsWith("RUNTIME@")) {
            assertNotNull(evaluation.error(), "expected a run-time error, got " + evaluation.result());
            assertNull(evaluation.result());
            assertEquals(expected, "RUNTIME@" + evaluation.errorOffset(), evaluation.error());
            return;
        }
        assertNull(evaluation.error(), () -> "unexpected run-time error: " + evaluation.error());
        assertEquals(Boolean.parseBoolean(expected), evaluation.result());
        assertFalse(!expected.equals("true") && !expected.equals("false"), "bad expected value " + expected);
    }
}
