package dev.pipelens.export;

import dev.pipelens.layout.TextMeasurer;

import java.math.BigDecimal;

/** A {@link Canvas} that writes SVG 1.1 text; widths are estimated (the viewer picks the font). */
final class SvgCanvas implements Canvas {

    static final String FONTS = "Inter, 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final double scale;
    private int depth;

    SvgCanvas(double scale) {
        this.scale = scale;
    }

    String svg() {
        return out.toString();
    }

    @Override
    public void begin(double width, double height, Rgb background) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width * scale))
                .append("\" height=\"").append(num(height * scale)).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\" font-family=\"").append(Text.xml(FONTS)).append("\">\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"").append(background.hex()).append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, double radius, Rgb fill, Rgb stroke,
                     double strokeWidth, boolean dashed) {
        indent();
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append('"');
        if (radius > 0) {
            out.append(" rx=\"").append(num(radius)).append('"');
        }
        paint(fill, stroke, strokeWidth, dashed ? new double[] {5, 3} : null);
        out.append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Rgb fill, Rgb stroke, double strokeWidth) {
        indent();
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append('"');
        paint(fill, stroke, strokeWidth, null);
        out.append("/>\n");
    }

    @Override
    public void path(VectorPath path, Rgb fill, Rgb stroke, double strokeWidth, double[] dash) {
        indent();
        out.append("<path d=\"");
        boolean first = true;
        for (VectorPath.Op op : path.ops()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            double[] c = op.coords();
            switch (op.kind()) {
                case MOVE:
                    out.append('M').append(num(c[0])).append(' ').append(num(c[1]));
                    break;
                case LINE:
                    out.append('L').append(num(c[0])).append(' ').append(num(c[1]));
                    break;
                case CUBIC:
                    out.append('C').append(num(c[0])).append(' ').append(num(c[1])).append(' ').append(num(c[2]))
                            .append(' ').append(num(c[3])).append(' ').append(num(c[4])).append(' ')
                            .append(num(c[5]));
                    break;
                default:
                    out.append('Z');
                    break;
            }
        }
        out.append('"');
        paint(fill, stroke, strokeWidth, dash);
        if (stroke != null) {
            out.append(" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
        }
        out.append("/>\n");
    }

    @Override
    public void text(String text, double x, double baseline, double size, boolean bold, Rgb color, Anchor anchor) {
        indent();
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(baseline)).append("\" font-size=\"")
                .append(num(size)).append('"');
        if (bold) {
            out.append(" font-weight=\"600\"");
        }
        if (anchor == Anchor.MIDDLE) {
            out.append(" text-anchor=\"middle\"");
        } else if (anchor == Anchor.END) {
            out.append(" text-anchor=\"end\"");
        }
        out.append(" fill=\"").append(color.hex()).append("\">").append(Text.xml(text)).append("</text>\n");
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        return TextMeasurer.estimate(size).width(text) * (bold ? 1.06 : 1);
    }

    @Override
    public void beginItem(String kind, String id, String tooltip) {
        indent();
        out.append("<g class=\"").append(Text.xml(kind)).append("\" data-id=\"").append(Text.xml(id)).append("\">");
        if (tooltip != null && !tooltip.isEmpty()) {
            out.append("<title>").append(Text.xml(tooltip).replace("&#10;", "\n")).append("</title>");
        }
        out.append('\n');
        depth++;
    }

    @Override
    public void endItem() {
        depth--;
        indent();
        out.append("</g>\n");
    }

    @Override
    public void end() {
        out.append("</svg>\n");
    }

    private void indent() {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void paint(Rgb fill, Rgb stroke, double strokeWidth, double[] dash) {
        out.append(" fill=\"").append(fill == null ? "none" : fill.hex()).append('"');
        if (stroke != null && strokeWidth > 0) {
            out.append(" stroke=\"").append(stroke.hex()).append("\" stroke-width=\"").append(num(strokeWidth))
                    .append('"');
            if (dash != null) {
                out.append(" stroke-dasharray=\"");
                for (int i = 0; i < dash.length; i++) {
                    out.append(i == 0 ? "" : " ").append(num(dash[i]));
                }
                out.append('"');
            }
        }
    }

    /** A number with at most two decimals, no exponent. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long r = Math.round(v * 100);
        if (r % 100 == 0) {
            return Long.toString(r / 100);
        }
        return BigDecimal.valueOf(r, 2).stripTrailingZeros().toPlainString();
    }
}
