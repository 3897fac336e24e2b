package dev.pipelens.github.expr;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounded nesting on hostile input, and the {@code ${{ }}} rewriting of the spec (3.1). */
class LimitsAndTemplatesTest {

    private static GhExpression parse(String text) {
        return GhExpression.parse(text, GhExpression.JOB_IF_CONTEXTS, Functions.JOB_IF);
    }

    @Test
    void deepNestingIsAParseErrorNotAStackOverflow() {
        String parens = "(".repeat(5_000) + "1" + ")".repeat(5_000);
        GhExpressionException e = assertThrows(GhExpressionException.class, () -> parse(parens));
        assertTrue(e.getMessage().startsWith("Exceeded max expression depth 50"), e.getMessage());
        String nots = "!".repeat(10_000) + "true";
        assertThrows(GhExpressionException.class, () -> parse(nots));
        String json = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(IllegalArgumentException.class, () -> Json.parse(json));
    }

    @Test
    void overLongExpressionIsRejected() {
        GhExpressionException e = assertThrows(GhExpressionException.class, () -> parse("1 == " + "1".repeat(21_000)));
        assertEquals("Exceeded max expression length 21000", e.getMessage());
    }

    @Test
    void textAroundAnExpressionBecomesFormat() {
        Template.Converted c = Template.convert("${{ github.ref_name }} == 'main'");
        assertTrue(c.expression());
        assertEquals("format('{0} == ''main''', github.ref_name)", c.text());
        GhValue.Obj ctx = new GhValue.Obj().put("github", new GhValue.Obj().put("ref_name", GhValue.of("dev")));
        GhExpression.Result r = parse(c.text()).evaluate(ctx, (n, a) -> GhValue.TRUE);
        assertEquals(GhValue.of("dev == 'main'"), r.value());
        assertTrue(r.truthy(), "a non-empty string is true");
    }

    @Test
    void wholeValueExpressionIsItselfAndAStringLiteralIsText() {
        assertEquals(new Template.Converted(true, "github.ref"), Template.convert("${{ github.ref }}"));
        assertEquals(new Template.Converted(false, "x"), Template.convert("${{ 'x' }}"));
        assertEquals(new Template.Converted(false, "plain"), Template.convert("plain"));
        assertEquals("format('{0}\n', false)", Template.convert("${{ false }}\n").text());
        assertThrows(GhExpressionException.class, () -> Template.convert("${{ github.ref "));
    }

    @Test
    void statusFunctionAnywhereIsFound() {
        assertTrue(parse("cancelled() || github.event_name == 'push'").callsStatusFunction());
        assertTrue(parse("!ALWAYS()").callsStatusFunction());
        assertFalse(parse("github.event_name == 'success()'").callsStatusFunction());
        assertThrows(GhExpressionException.class, () -> parse("always(1)"));
        assertEquals(parse("success('build')").text(), "success('build')");
        assertThrows(GhExpressionException.class, () -> GhExpression.parse("x", GhExpression.JOB_IF_CONTEXTS, Map.of()));
    }
}
