package dev.pipelens.export;

import dev.pipelens.layout.TextMeasurer;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * Exact label widths from the Java2D font the PNG exporter draws with (logical {@code SansSerif},
 * antialiased, fractional metrics). Lay out with it when the result is meant for PNG only; the default
 * estimate is fine for both. Works headless.
 */
public final class Java2DTextMeasurer implements TextMeasurer {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final double fontSize;
    private final Font font;

    public Java2DTextMeasurer(double fontSize) {
        if (!(fontSize > 0)) {
            throw new IllegalArgumentException("font size must be positive");
        }
        this.fontSize = fontSize;
        this.font = Java2DCanvas.font(fontSize, false);
    }

    @Override
    public double width(String text) {
        String s = Java2DCanvas.drawable(font, text);
        return s.isEmpty() ? 0 : font.getStringBounds(s, FRC).getWidth();
    }

    @Override
    public double fontSize() {
        return fontSize;
    }
}
