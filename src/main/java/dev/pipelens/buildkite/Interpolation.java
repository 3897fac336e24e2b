package dev.pipelens.buildkite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The agent's upload-time {@code $VAR} interpolation, with the behaviour of buildkite/interpolate v0.1.5
 * (spec section 7): {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}},
 * {@code ${VAR?message}}, {@code ${VAR:offset}}, {@code ${VAR:offset:length}}, {@code ${VAR%pattern}},
 * {@code ${VAR%%pattern}}, {@code ${VAR#pattern}}, {@code ${VAR##pattern}}; {@code $$} and {@code \$} are a
 * literal {@code $}; {@code \\} is kept as is; {@code $(} and a {@code $} not followed by a letter or
 * {@code {} are literal. The whole text is parsed before anything is expanded, so a syntax error wins over
 * a missing required variable. Stateless and thread-safe.
 */
public final class Interpolation {

    private Interpolation() {
    }

    /**
     * Expands {@code text}; {@code lookup} returns a variable's value or null when it is unset. A text with no
     * {@code $} is returned as is, without allocating.
     */
    public static String expand(String text, Function<String, String> lookup) throws InterpolationException {
        if (text.indexOf('$') < 0) {
            return text;
        }
        List<InterpolationParser.Item> items = new InterpolationParser(text).parse();
        StringBuilder out = new StringBuilder(text.length() + 16);
        InterpolationParser.expandInto(items, lookup, out);
        return out.toString();
    }

    /** The variable names {@code text} would read, in order (nested defaults included). */
    public static List<String> identifiers(String text) throws InterpolationException {
        List<String> names = new ArrayList<>();
        if (text.indexOf('$') >= 0) {
            InterpolationParser.collectNames(new InterpolationParser(text).parse(), names);
        }
        return names;
    }

    /**
     * The distinct variable names {@code text} would read, in first-seen order; none when the text does not
     * parse (that upload fails, and the interpolation error is reported where the pipeline is read).
     */
    public static List<String> referencedNames(String text) {
        try {
            return new ArrayList<>(new java.util.LinkedHashSet<>(identifiers(text)));
        } catch (InterpolationException e) {
            return List.of();
        }
    }
}
