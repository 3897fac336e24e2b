package dev.pipelens.github.expr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every row of {@code github/expressions/conformance.tsv}, whose answers GitHub's own evaluator
 * ({@code @actions/expressions} 0.3.61, generate.mjs) produced: the same kind and value, or the same error
 * message. The rows where the spec (3.2.4) follows the runner's C# lexer instead (every {@code ''} in a
 * string is an escaped quote, not only the first) are listed in {@link #DIVERGENT} with the runner's answer.
 */
class ConformanceTest {

    /** Expression -> expected compact JSON, where Pipelens follows C-RX rather than the npm package. */
    static final Map<String, String> DIVERGENT = Map.of(
            "'a''b''c'", "\"a'b'c\"",
            "format('{0} == ''main''', github.ref_name)", "\"v1.2.0 == 'main'\"");

    static List<Arguments> rows() throws IOException {
        GhValue.Obj all = (GhValue.Obj) Json.parse(read("contexts.json"));
        List<Arguments> out = new ArrayList<>();
        for (String line : read("conformance.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(Arguments.of(f[0], f[1], f[2], f[3], all.get(f[1])));
        }
        return out;
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/github/expressions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2} {3}")
    @MethodSource("rows")
    void answersAsGitHubsEvaluator(String expression, String context, String kind, String value, GhValue contexts) {
        GhValue got;
        try {
            GhExpression e = GhExpression.parse(expression, Set.of("github", "vars", "inputs", "needs"), Map.of());
            got = e.evaluate((GhValue.Obj) contexts, (n, a) -> {
                throw new AssertionError("no host function expected: " + n);
            }).value();
        } catch (GhExpressionException ex) {
            if (!kind.equals("ERROR")) {
                fail("expected " + kind + " " + value + " but got error: " + ex.getMessage());
            }
            assertEquals(value, ex.getMessage());
            return;
        }
        if (kind.equals("ERROR")) {
            fail("expected error \"" + value + "\" but got " + Json.stringify(got, false));
        }
        String expected = DIVERGENT.getOrDefault(expression, value);
        assertEquals(kind, got.kindName());
        assertEquals(expected, Json.stringify(got, false));
    }
}
