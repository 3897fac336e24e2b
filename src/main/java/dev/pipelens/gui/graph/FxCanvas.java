package dev.pipelens.gui.graph;

import dev.pipelens.export.Canvas;
import dev.pipelens.export.Rgb;
import dev.pipelens.export.VectorPath;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;

/**
 * The exporters' {@link Canvas} drawn on a JavaFX {@link GraphicsContext}, so the window draws with the
 * same {@link dev.pipelens.export.DiagramRenderer} as the PNG and SVG exports and looks like them. It
 * draws only what intersects the visible part of the diagram (culling, so a 1,000-step pipeline pans
 * smoothly) and leaves out text too small to read when zoomed far out.
 */
public final class FxCanvas implements Canvas {

    private static final String FAMILY = "SansSerif";
    private static final double MIN_TEXT_PX = 3.5;
    private static final Map<String, Double> WIDTHS = new HashMap<>();
    private static final Map<Long, Font> FONTS = new HashMap<>();
    private static final Text MEASURE = new Text();

    private final GraphicsContext g;
    private final double scale;
    private final double left;
    private final double top;
    private final double right;
    private final double bottom;
    private final double pixelWidth;
    private final double pixelHeight;
    private int drawn;

    /**
     * @param scale  screen pixels per diagram pixel
     * @param tx     screen x of the diagram origin
     * @param ty     screen y of the diagram origin
     */
    public FxCanvas(GraphicsContext g, double scale, double tx, double ty, double pixelWidth, double pixelHeight) {
        this.g = g;
        this.scale = scale;
        this.pixelWidth = pixelWidth;
        this.pixelHeight = pixelHeight;
        this.left = -tx / scale;
        this.top = -ty / scale;
        this.right = (pixelWidth - tx) / scale;
        this.bottom = (pixelHeight - ty) / scale;
        g.setTransform(scale, 0, 0, scale, tx, ty);
    }

    /** How many primitives were actually drawn (tests check culling). */
    int drawn() {
        return drawn;
    }

    private boolean visible(double x, double y, double w, double h) {
        return x <= right && x + w >= left && y <= bottom && y + h >= top;
    }

    public static Color fx(Rgb c) {
        return Color.rgb(c.red(), c.green(), c.blue());
    }

    @Override
    public void begin(double width, double height, Rgb background) {
        g.save();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(fx(background));
        g.fillRect(0, 0, pixelWidth, pixelHeight);
        g.restore();
    }

    @Override
    public void rect(double x, double y, double w, double h, double radius, Rgb fill, Rgb stroke, double strokeWidth,
                     boolean dashed) {
        double sw = stroke == null ? 0 : strokeWidth;
        if (!visible(x - sw, y - sw, w + 2 * sw, h + 2 * sw)) {
            return;
        }
        drawn++;
        double arc = radius * 2;
        if (fill != null) {
            g.setFill(fx(fill));
            if (radius > 0) {
                g.fillRoundRect(x, y, w, h, arc, arc);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        if (stroke != null && strokeWidth > 0) {
            g.setStroke(fx(stroke));
            g.setLineWidth(strokeWidth);
            g.setLineDashes(dashed ? new double[] {5, 4} : null);
            if (radius > 0) {
                g.strokeRoundRect(x, y, w, h, arc, arc);
            } else {
                g.strokeRect(x, y, w, h);
            }
            g.setLineDashes((double[]) null);
        }
    }

    @Override
    public void circle(double cx, double cy, double r, Rgb fill, Rgb stroke, double strokeWidth) {
        if (!visible(cx - r - strokeWidth, cy - r - strokeWidth, 2 * (r + strokeWidth), 2 * (r + strokeWidth))) {
            return;
        }
        drawn++;
        if (fill != null) {
            g.setFill(fx(fill));
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        if (stroke != null && strokeWidth > 0) {
            g.setStroke(fx(stroke));
            g.setLineWidth(strokeWidth);
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
    }

    @Override
    public void path(VectorPath path, Rgb fill, Rgb stroke, double strokeWidth, double[] dash) {
        var ops = path.ops();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (VectorPath.Op op : ops) {
            double[] c = op.coords();
            for (int i = 0; i + 1 < c.length; i += 2) {
                minX = Math.min(minX, c[i]);
                maxX = Math.max(maxX, c[i]);
                minY = Math.min(minY, c[i + 1]);
                maxY = Math.max(maxY, c[i + 1]);
            }
        }
        if (ops.isEmpty() || !visible(minX - strokeWidth, minY - strokeWidth, maxX - minX + 2 * strokeWidth,
                maxY - minY + 2 * strokeWidth)) {
            return;
        }
        drawn++;
        g.beginPath();
        for (VectorPath.Op op : ops) {
            double[] c = op.coords();
            switch (op.kind()) {
                case MOVE:
                    g.moveTo(c[0], c[1]);
                    break;
                case LINE:
                    g.lineTo(c[0], c[1]);
                    break;
                case CUBIC:
                    g.bezierCurveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    break;
                default:
                    g.closePath();
                    break;
            }
        }
        if (fill != null) {
            g.setFill(fx(fill));
            g.fill();
        }
        if (stroke != null && strokeWidth > 0) {
            g.setStroke(fx(stroke));
            g.setLineWidth(strokeWidth);
            g.setLineDashes(dash);
            g.stroke();
            g.setLineDashes((double[]) null);
        }
    }

    @Override
    public void text(String text, double x, double baseline, double size, boolean bold, Rgb color, Anchor anchor) {
        if (text == null || text.isEmpty() || size * scale < MIN_TEXT_PX) {
            return;
        }
        double w = textWidth(text, size, bold);
        double x0 = anchor == Anchor.START ? x : anchor == Anchor.MIDDLE ? x - w / 2 : x - w;
        if (!visible(x0, baseline - size, w, size * 1.4)) {
            return;
        }
        drawn++;
        g.setFont(font(size, bold));
        g.setFill(fx(color));
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(anchor == Anchor.START ? TextAlignment.LEFT
                : anchor == Anchor.MIDDLE ? TextAlignment.CENTER : TextAlignment.RIGHT);
        g.fillText(text, x, baseline);
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        return width(text, size, bold);
    }

    static double width(String text, double size, boolean bold) {
        String key = (bold ? "b" : "n") + size + "\u0000" + text;
        Double w = WIDTHS.get(key);
        if (w == null) {
            if (WIDTHS.size() > 50_000) {
                WIDTHS.clear();
            }
            MEASURE.setFont(font(size, bold));
            MEASURE.setText(text);
            w = MEASURE.getLayoutBounds().getWidth();
            WIDTHS.put(key, w);
        }
        return w;
    }

    static Font font(double size, boolean bold) {
        long key = Double.doubleToLongBits(size) * 31 + (bold ? 1 : 0);
        return FONTS.computeIfAbsent(key, k -> Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    @Override
    public void end() {
        g.setTransform(1, 0, 0, 1, 0, 0);
    }
}
