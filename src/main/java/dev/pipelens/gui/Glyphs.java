package dev.pipelens.gui;

import dev.pipelens.export.Canvas;
import dev.pipelens.export.Glyph;
import dev.pipelens.export.NodeStyle;
import dev.pipelens.export.Rgb;
import dev.pipelens.export.VectorPath;
import javafx.scene.canvas.GraphicsContext;

/**
 * Draws an outcome icon (accent disc plus glyph) for the legend, the why panel's badge and the status
 * bar, with the same shapes as the exporters' {@code DiagramRenderer} so every icon looks alike.
 */
final class Glyphs {

    private Glyphs() {
    }

    /** A small canvas showing {@code style}'s icon. */
    static javafx.scene.canvas.Canvas icon(NodeStyle style, double size) {
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

    static void draw(Canvas c, Glyph g, double cx, double cy, double r, Rgb color) {
        switch (g) {
            case PLAY:
                c.path(new VectorPath().moveTo(cx - r * 0.3, cy - r * 0.48).lineTo(cx + r * 0.52, cy)
                        .lineTo(cx - r * 0.3, cy + r * 0.48).close(), color, null, 0, null);
                break;
            case PAUSE:
                c.rect(cx - r * 0.4, cy - r * 0.45, r * 0.28, r * 0.9, r * 0.06, color, null, 0, false);
                c.rect(cx + r * 0.12, cy - r * 0.45, r * 0.28, r * 0.9, r * 0.06, color, null, 0, false);
                break;
            case LOCK:
                c.rect(cx - r * 0.44, cy - r * 0.08, r * 0.88, r * 0.62, r * 0.1, color, null, 0, false);
                c.path(new VectorPath().moveTo(cx - r * 0.26, cy - r * 0.06).lineTo(cx - r * 0.26, cy - r * 0.28)
                        .cubicTo(cx - r * 0.26, cy - r * 0.66, cx + r * 0.26, cy - r * 0.66, cx + r * 0.26, cy - r * 0.28)
                        .lineTo(cx + r * 0.26, cy - r * 0.06), null, color, r * 0.17, null);
                break;
            case HAND:
                c.circle(cx, cy, r * 0.44, null, color, r * 0.16);
                c.circle(cx, cy, r * 0.16, color, null, 0);
                break;
            case CLOCK:
                c.circle(cx, cy, r * 0.52, null, color, r * 0.14);
                c.path(new VectorPath().moveTo(cx, cy - r * 0.32).lineTo(cx, cy).lineTo(cx + r * 0.26, cy + r * 0.14),
                        null, color, r * 0.14, null);
                break;
            case ALERT:
                c.rect(cx - r * 0.1, cy - r * 0.55, r * 0.2, r * 0.68, r * 0.08, color, null, 0, false);
                c.circle(cx, cy + r * 0.4, r * 0.12, color, null, 0);
                break;
            case SKIP:
                c.path(new VectorPath().moveTo(cx - r * 0.5, cy - r * 0.4).lineTo(cx, cy)
                        .lineTo(cx - r * 0.5, cy + r * 0.4).close(), color, null, 0, null);
                c.path(new VectorPath().moveTo(cx, cy - r * 0.4).lineTo(cx + r * 0.5, cy)
                        .lineTo(cx, cy + r * 0.4).close(), color, null, 0, null);
                break;
            default:
                c.path(new VectorPath().moveTo(cx - r * 0.36, cy - r * 0.36).lineTo(cx + r * 0.36, cy + r * 0.36)
                        .moveTo(cx + r * 0.36, cy - r * 0.36).lineTo(cx - r * 0.36, cy + r * 0.36), null, color,
                        r * 0.2, null);
                break;
        }
    }
}
