package dev.pipelens.layout;

/**
 * Measures label text so boxes fit their labels. The layout only asks for widths of single lines in the
 * one label font; the default {@link #estimate(double)} guesses from the characters so the layout stays
 * pure and deterministic, while a renderer with real fonts (Java2D, JavaFX) can plug in exact metrics.
 * Implementations must be thread-safe and return the same width for the same text.
 */
public interface TextMeasurer {

    /** The width of one line of label text, in pixels. */
    double width(String text);

    /** The label font size in pixels. */
    double fontSize();

    /** The distance between two baselines of label text. */
    default double lineHeight() {
        return Math.ceil(fontSize() * 1.35);
    }

    /** A measurer of text in a {@code fontSize} font whose widths {@code width} gives (a canvas's font). */
    static TextMeasurer of(java.util.function.ToDoubleFunction<String> width, double fontSize) {
        return new TextMeasurer() {
            @Override
            public double width(String text) {
                return width.applyAsDouble(text);
            }

            @Override
            public double fontSize() {
                return fontSize;
            }
        };
    }

    /** A font-free estimate for a sans-serif font of {@code fontSize} pixels. */
    static TextMeasurer estimate(double fontSize) {
        return new EstimatedTextMeasurer(fontSize);
    }
}
