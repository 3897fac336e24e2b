package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.plan.Plan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the diagram as a standalone SVG file (UTF-8, no external resources, a {@code <title>} tooltip
 * on every node, group and edge). The options' scale sets the width/height attributes; the view box stays
 * in layout units.
 */
public final class SvgExporter implements Exporter {

    @Override
    public void export(Plan plan, Layout layout, OutputStream out, ExportOptions options) throws IOException {
        out.write(toSvg(plan, layout, options).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The SVG document as text. */
    public String toSvg(Plan plan, Layout layout, ExportOptions options) {
        Objects.requireNonNull(layout, "SVG export needs a layout");
        SvgCanvas canvas = new SvgCanvas(options.scale());
        DiagramRenderer.render(plan, layout, options, canvas);
        return canvas.svg();
    }
}
