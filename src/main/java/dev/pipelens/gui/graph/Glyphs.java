package dev.pipelens.gui.graph;

import dev.pipelens.export.DiagramRenderer;

import dev.pipelens.export.Canvas;
import dev.pipelens.export.Glyph;
import dev.pipelens.export.NodeStyle;
import dev.pipelens.export.Rgb;
import javafx.scene.canvas.GraphicsContext;

/**
 * Draws an outcome icon (accent disc plus glyph) for the legend, the why panel's badge and the status
 * bar, with the same shapes as the exporters' {@code DiagramRenderer} so every icon looks alike.
 */
public final class Glyphs {

    private Glyphs() {
    }

    /** A small canvas showing {@code style}'s icon. */
    public static javafx.scene.canvas.Canvas icon(NodeStyle style, double size) {
        javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(size, size);
        GraphicsContext g = c.getGraphicsContext2D();
        FxCanvas fx = new FxCanvas(g, 1, 0, 0, size, size);
        double r = size / 2;
        fx.circle(r, r, r, style.accent(), null, 0);
        draw(fx, style.glyph(), r, r, r, style.glyphColor());
        fx.end();
        c.getStyleClass().add("outcome-icon");
        return c;
    }

    /** The glyph itself, drawn by the exporters' renderer: one definition of every icon. */
    public static void draw(Canvas c, Glyph g, double cx, double cy, double r, Rgb color) {
        DiagramRenderer.glyph(c, g, cx, cy, r, color);
    }
}
