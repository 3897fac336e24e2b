package dev.pipelens.gitlab.expr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data-driven: every row of {@code gitlab/expressions/cases.tsv} is one expression, its variables and the answer. */
class GitLabExpressionTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = GitLabExpressionTest.class.getResourceAsStream("/gitlab/expressions/cases.tsv")) {
            assertNotNull(in, "cases.tsv on the test class path");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int line = 0;
            for (String row : text.split("\n", -1)) {
                line++;
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] cols = row.split("\t", -1);
                assertEquals(3, cols.length, "cases.tsv line " + line + " needs 3 tab-separated columns");
                out.add(Arguments.of(line, cols[0], cols[1], cols[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "line {0}: {1} [{2}] -> {3}")
    @MethodSource("cases")
    void evaluatesLikeGitLab(int line, String expression, String extra, String expected) {
        Map<String, String> vars = new HashMap<>();
        vars.put("PRESENT_VARIABLE", "my variable");
        vars.put("EMPTY_VARIABLE", "");
        vars.put("PATH_VARIABLE", "a/path/variable/value");
        if (!extra.equals("-")) {
            for (String pair : extra.split(";")) {
                int eq = pair.indexOf('=');
                vars.put(pair.substring(0, eq), pair.substring(eq + 1).replace("\\n", "\n"));
            }
        }
        GitLabExpression parsed = GitLabExpression.parse(expression);
        if (expected.startsWith("error:")) {
            String code = expected.substring(6, expected.indexOf('@'));
            int offset = Integer.parseInt(expected.substring(expected.indexOf('@') + 1));
            assertFalse(parsed.isValid(), "should not parse");
            assertEquals(code, parsed.error().code(), parsed.error().message());
            assertEquals(offset, parsed.error().offset(), parsed.error().message());
            assertFalse(parsed.evaluate(vars::get).result());
        } else {
            assertTrue(parsed.isValid(), () -> "should parse: " + parsed.error());
            assertEquals(Boolean.parseBoolean(expected), parsed.evaluate(vars::get).result());
        }
    }

    @Test
    void tracesEveryVariableReadOnceInOrder() {
        Evaluation e = GitLabExpression.parse("$CI_COMMIT_TAG && $CI_COMMIT_TAG =~ /^v/ || $NOPE")
                .evaluate(Map.of("CI_COMMIT_TAG", "v1.2.0")::get);
        assertTrue(e.result());
        assertEquals("$CI_COMMIT_TAG = \"v1.2.0\"", e.describeReads());
        Evaluation undefined = GitLabExpression.parse("$A == 'x' || $B").evaluate(name -> null);
        assertEquals("$A undefined, $B undefined", undefined.describeReads());
        assertNull(undefined.error());
    }

    @Test
    void listsComparedLiterals() {
        Map<String, List<String>> lits = GitLabExpression.parse(
                "$CI_PIPELINE_SOURCE == \"push\" || $CI_PIPELINE_SOURCE == 'web' && $TAG =~ /^v\\d/ || $FLAG || $X == null")
                .comparedLiterals();
        assertEquals(List.of("push", "web"), lits.get("CI_PIPELINE_SOURCE"));
        assertEquals(List.of("/^v\\d/"), lits.get("TAG"));
        assertEquals(List.of(), lits.get("FLAG"));
        assertEquals(List.of(), lits.get("X"));
    }
}
