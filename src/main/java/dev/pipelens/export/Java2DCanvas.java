package dev.pipelens.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.font.FontRenderContext;
import java.util.HashMap;
import java.util.Map;

/** A {@link Canvas} on a Java2D {@link Graphics2D} (a {@code BufferedImage} in the PNG exporter). */
final class Java2DCanvas implements Canvas {

    private static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final Graphics2D g;
    private final double scale;
    private final Map<Long, Font> fonts = new HashMap<>();

    Java2DCanvas(Graphics2D g, double scale) {
        this.g = g;
        this.scale = scale;
    }

    static Font font(double size, boolean bold) {
        return BASE.deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size);
    }

    /** {@code text} without the characters {@code font} has no glyph for (emoji, rare symbols). */
    static String drawable(Font font, String text) {
        if (text == null) {
            return "";
        }
        if (font.canDisplayUpTo(text) < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (font.canDisplay(cp) && cp != 0xFE0F && cp != 0x200D) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString().replaceAll(" {2,}", " ").strip();
    }

    private Font cachedFont(double size, boolean bold) {
        long key = Double.doubleToLongBits(size) ^ (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> font(size, bold));
    }

    @Override
    public void begin(double width, double height, Rgb background) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(scale, scale);
        g.setColor(color(background));
        g.fill(new Rectangle2D.Double(0, 0, width + 1, height + 1));
    }

    @Override
    public void rect(double x, double y, double width, double height, double radius, Rgb fill, Rgb stroke,
                     double strokeWidth, boolean dashed) {
        java.awt.Shape s = radius > 0 ? new RoundRectangle2D.Double(x, y, width, height, 2 * radius, 2 * radius)
                : new Rectangle2D.Double(x, y, width, height);
        paint(s, fill, stroke, strokeWidth, dashed ? new double[] {5, 3} : null);
    }

    @Override
    public void circle(double cx, double cy, double r, Rgb fill, Rgb stroke, double strokeWidth) {
        paint(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), fill, stroke, strokeWidth, null);
    }

    @Override
    public void path(VectorPath path, Rgb fill, Rgb stroke, double strokeWidth, double[] dash) {
        Path2D.Double p = new Path2D.Double();
        for (VectorPath.Op op : path.ops()) {
            double[] c = op.coords();
            switch (op.kind()) {
                case MOVE:
                    p.moveTo(c[0], c[1]);
                    break;
                case LINE:
                    p.lineTo(c[0], c[1]);
                    break;
                case CUBIC:
                    p.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    break;
                default:
                    p.closePath();
                    break;
            }
        }
        paint(p, fill, stroke, strokeWidth, dash);
    }

    private void paint(java.awt.Shape s, Rgb fill, Rgb stroke, double strokeWidth, double[] dash) {
        if (fill != null) {
            g.setColor(color(fill));
            g.fill(s);
        }
        if (stroke != null && strokeWidth > 0) {
            float[] d = null;
            if (dash != null) {
                d = new float[dash.length];
                for (int i = 0; i < dash.length; i++) {
                    d[i] = (float) dash[i];
                }
            }
            g.setStroke(new BasicStroke((float) strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, d,
                    0f));
            g.setColor(color(stroke));
            g.draw(s);
        }
    }

    @Override
    public void text(String text, double x, double baseline, double size, boolean bold, Rgb color, Anchor anchor) {
        Font f = cachedFont(size, bold);
        String s = drawable(f, text);
        if (s.isEmpty()) {
            return;
        }
        double w = anchor == Anchor.START ? 0 : width(f, s);
        double left = anchor == Anchor.MIDDLE ? x - w / 2 : anchor == Anchor.END ? x - w : x;
        g.setFont(f);
        g.setColor(color(color));
        g.drawString(s, (float) left, (float) baseline);
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        Font f = cachedFont(size, bold);
        String s = drawable(f, text);
        return s.isEmpty() ? 0 : width(f, s);
    }

    private static double width(Font f, String s) {
        return f.getStringBounds(s, new FontRenderContext(null, true, true)).getWidth();
    }

    @Override
    public void end() {
        g.dispose();
    }

    private static Color color(Rgb c) {
        return new Color(c.rgb());
    }
}
