package dev.pipelens.export;

import dev.pipelens.plan.Outcome;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Colours of a diagram: page, text, groups, edges, and one {@link NodeStyle} per {@link Outcome}. Runs are
 * green, blocked amber, gated violet, manual slate blue, skipped light grey with a dashed border, never
 * red, delayed teal and on-failure orange; {@link #light()} and {@link #dark()} share the hues.
 */
public record Theme(String name, boolean isDark, Rgb background, Rgb text, Rgb mutedText, Rgb groupFill,
                    Rgb groupStroke, Rgb groupTitleFill, Rgb groupTitleText, Rgb edge, Rgb implicitEdge,
                    Rgb backEdge, Map<Outcome, NodeStyle> styles) {

    public Theme {
        Objects.requireNonNull(name, "name");
        Map<Outcome, NodeStyle> copy = new EnumMap<>(Outcome.class);
        copy.putAll(styles);
        for (Outcome o : Outcome.values()) {
            if (!copy.containsKey(o)) {
                throw new IllegalArgumentException("no style for outcome " + o.id());
            }
        }
        styles = java.util.Collections.unmodifiableMap(copy);
    }

    public NodeStyle style(Outcome outcome) {
        return styles.get(outcome == null ? Outcome.RUNS : outcome);
    }

    /** {@code light} or {@code dark}; anything else is an {@link IllegalArgumentException}. */
    public static Theme named(String name) {
        if ("light".equalsIgnoreCase(name)) {
            return light();
        }
        if ("dark".equalsIgnoreCase(name)) {
            return dark();
        }
        throw new IllegalArgumentException("unknown theme '" + name + "' (expected light or dark)");
    }

    public static Theme light() {
        Rgb white = Rgb.of("#ffffff");
        Map<Outcome, NodeStyle> s = new EnumMap<>(Outcome.class);
        s.put(Outcome.RUNS, style("#e7f8ee", "#22a05a", "#0f3d24", "#1e9a55", white, false, Glyph.PLAY));
        s.put(Outcome.BLOCKED, style("#fff4d6", "#e09a12", "#5c3d04", "#e0920b", white, false, Glyph.PAUSE));
        s.put(Outcome.GATED, style("#efeafe", "#7c5ce6", "#2e1c6b", "#7354e0", white, false, Glyph.LOCK));
        s.put(Outcome.MANUAL, style("#e6edf5", "#5f7a99", "#1f2f42", "#587391", white, false, Glyph.HAND));
        s.put(Outcome.SKIPPED, style("#f6f7f9", "#b3bcc8", "#6b7685", "#a5afbc", white, true, Glyph.SKIP));
        s.put(Outcome.NEVER, style("#fdecec", "#d93b3b", "#6e1414", "#d43333", white, false, Glyph.CROSS));
        s.put(Outcome.DELAYED, style("#e3f6f4", "#179c8e", "#0b3d38", "#14968a", white, false, Glyph.CLOCK));
        s.put(Outcome.ON_FAILURE, style("#fff0e3", "#eb6c1c", "#5c2606", "#e8650f", white, false, Glyph.ALERT));
        return new Theme("light", false, white, Rgb.of("#1d2433"), Rgb.of("#667085"), Rgb.of("#f7f8fa"),
                Rgb.of("#d0d5dd"), Rgb.of("#eceff3"), Rgb.of("#344054"), Rgb.of("#5b6577"), Rgb.of("#98a2b3"),
                Rgb.of("#d93b3b"), s);
    }

    public static Theme dark() {
        Rgb ink = Rgb.of("#0f1420");
        Map<Outcome, NodeStyle> s = new EnumMap<>(Outcome.class);
        s.put(Outcome.RUNS, style("#12311f", "#34c274", "#d5f5e3", "#2fb56b", ink, false, Glyph.PLAY));
        s.put(Outcome.BLOCKED, style("#3a2c0c", "#f0b429", "#fdefc8", "#f0b429", ink, false, Glyph.PAUSE));
        s.put(Outcome.GATED, style("#2a2250", "#9d86f7", "#e6e0fd", "#9a82f5", ink, false, Glyph.LOCK));
        s.put(Outcome.MANUAL, style("#1f2b3a", "#8aa3bf", "#dbe5f0", "#8aa3bf", ink, false, Glyph.HAND));
        s.put(Outcome.SKIPPED, style("#171d29", "#4b5565", "#8f99a8", "#5b6576", ink, true, Glyph.SKIP));
        s.put(Outcome.NEVER, style("#3d1719", "#f06b6b", "#fddcdc", "#f06b6b", ink, false, Glyph.CROSS));
        s.put(Outcome.DELAYED, style("#0f3330", "#2cc5b4", "#cdf5f0", "#2cc5b4", ink, false, Glyph.CLOCK));
        s.put(Outcome.ON_FAILURE, style("#3b210e", "#fb8c3c", "#fde3cf", "#fb8c3c", ink, false, Glyph.ALERT));
        return new Theme("dark", true, Rgb.of("#0f1420"), Rgb.of("#e4e7ec"), Rgb.of("#98a2b3"),
                Rgb.of("#161d2b"), Rgb.of("#2f3a4d"), Rgb.of("#1e2738"), Rgb.of("#c6cdd8"), Rgb.of("#8792a5"),
                Rgb.of("#5b667a"), Rgb.of("#f06b6b"), s);
    }

    private static NodeStyle style(String fill, String stroke, String text, String accent, Rgb glyph,
                                   boolean dashed, Glyph g) {
        return new NodeStyle(Rgb.of(fill), Rgb.of(stroke), Rgb.of(text), Rgb.of(accent), glyph, dashed, g);
    }
}
