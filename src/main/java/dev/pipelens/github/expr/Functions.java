package dev.pipelens.github.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions an expression may call at one place of a workflow: the built-in ones (C-EXPR funcs.ts:
 * contains, startsWith, endsWith, format, join, toJSON, fromJSON, case) plus that place's extra ones
 * (the status functions in an {@code if}, {@code hashFiles} in a step).
 */
public final class Functions {

    /** Minimum and maximum argument counts. */
    public record Arity(int min, int max) {
    }

    static final Map<String, Arity> BUILT_IN = Map.of(
            "contains", new Arity(2, 2),
            "startswith", new Arity(2, 2),
            "endswith", new Arity(2, 2),
            "format", new Arity(1, 255),
            "join", new Arity(1, 2),
            "tojson", new Arity(1, 1),
            "fromjson", new Arity(1, 1),
            "case", new Arity(3, Integer.MAX_VALUE));

    /** Status functions in a job {@code if} (C-WFP workflow-v1.0.json {@code job-if}). */
    public static final Map<String, Arity> JOB_IF = Map.of(
            "always", new Arity(0, 0), "cancelled", new Arity(0, 0),
            "success", new Arity(0, Integer.MAX_VALUE), "failure", new Arity(0, Integer.MAX_VALUE));

    /** Functions in a step {@code if} ({@code step-if}). */
    public static final Map<String, Arity> STEP_IF = Map.of(
            "always", new Arity(0, 0), "cancelled", new Arity(0, 0),
            "success", new Arity(0, 0), "failure", new Arity(0, 0), "hashfiles", new Arity(1, 255));

    /** Status function names: any of them anywhere in an {@code if} removes the implicit {@code success() &&}. */
    public static final List<String> STATUS = List.of("success", "failure", "cancelled", "always");

    private Functions() {
    }

    static Arity arity(String name, Map<String, Arity> extra) {
        String lower = name.toLowerCase(Locale.ROOT);
        Arity a = BUILT_IN.get(lower);
        return a != null ? a : extra.get(lower);
    }
}
