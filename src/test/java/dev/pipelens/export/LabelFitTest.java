package dev.pipelens.export;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelFitTest {

    /** Text 7 px per character, plus 0.05 px that does not shrink with the size (as hinting and rounding add). */
    private static final class HintedCanvas implements Canvas {
        @Override public void begin(double width, double height, Rgb background) { }
        @Override public void rect(double x, double y, double w, double h, double r, Rgb fill, Rgb stroke, double sw, boolean dashed) { }
        @Override public void circle(double cx, double cy, double r, Rgb fill, Rgb stroke, double strokeWidth) { }
        @Override public void path(VectorPath path, Rgb fill, Rgb stroke, double strokeWidth, double[] dash) { }
        @Override public void text(String text, double x, double baseline, double size, boolean bold, Rgb color, Anchor anchor) { }
        @Override public double textWidth(String text, double size, boolean bold) {
            return text.length() * 7 * size / 13 + 0.05;
        }
        @Override public void end() { }
    }

    @Test
    void aLabelAFewPercentTooWideIsDrawnWholeInASmallerSizeEvenWhenWidthIsNotProportional() {
        Canvas c = new HintedCanvas();
        String label = "migration:path-pg"; // 17 characters: 119.05 px at 13 px
        double avail = 117;
        DiagramRenderer.Fitted f = DiagramRenderer.fit(c, label, 13, false, avail);
        assertEquals(label, f.text(), "whole, not shortened");
        assertTrue(f.size() < 13 && f.size() >= 13 * 0.88, "size " + f.size());
        assertTrue(c.textWidth(f.text(), f.size(), false) <= avail);
    }

    @Test
    void aLabelFarTooWideIsShortenedAtTheSmallestSize() {
        Canvas c = new HintedCanvas();
        DiagramRenderer.Fitted f = DiagramRenderer.fit(c, "migration:path-pg", 13, false, 80);
        assertTrue(f.text().contains("\u2026"), f.text());
        assertEquals(13 * 0.88, f.size(), 1e-9);
    }
}
