package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.plan.Plan;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws the diagram with Java2D into an image and writes it as PNG. Needs no display (run the JVM with
 * {@code java.awt.headless=true} on servers). Refuses images larger than {@link #MAX_SIDE} pixels on a
 * side or {@link #MAX_PIXELS} pixels in all with an {@link ImageTooLargeException}.
 */
public final class PngExporter implements Exporter {

    /** Largest accepted width or height, in pixels. */
    public static final int MAX_SIDE = 16_384;
    /** Largest accepted width times height. */
    public static final long MAX_PIXELS = 200_000_000L;

    private final int maxSide;
    private final long maxPixels;

    public PngExporter() {
        this(MAX_SIDE, MAX_PIXELS);
    }

    /** An exporter with other limits (tests, or a caller that knows its memory). */
    public PngExporter(int maxSide, long maxPixels) {
        if (maxSide <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    /** The image size in pixels for these arguments: the page size times the scale, rounded up. */
    public static int[] imageSize(Plan plan, Layout layout, ExportOptions options) {
        DiagramRenderer.Frame f = DiagramRenderer.frame(plan, layout, options);
        return new int[] {(int) Math.min(Integer.MAX_VALUE, Math.ceil(f.width() * options.scale())),
                (int) Math.min(Integer.MAX_VALUE, Math.ceil(f.height() * options.scale()))};
    }

    @Override
    public void export(Plan plan, Layout layout, OutputStream out, ExportOptions options) throws IOException {
        BufferedImage image = render(plan, layout, options);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available");
        }
        out.flush();
    }

    /** Draws the diagram into a new RGB image. */
    public BufferedImage render(Plan plan, Layout layout, ExportOptions options) throws ImageTooLargeException {
        Objects.requireNonNull(layout, "PNG export needs a layout");
        DiagramRenderer.Frame f = DiagramRenderer.frame(plan, layout, options);
        double w = Math.ceil(f.width() * options.scale());
        double h = Math.ceil(f.height() * options.scale());
        if (w > maxSide || h > maxSide) {
            throw new ImageTooLargeException((long) w, (long) h, maxSide + " pixels on a side");
        }
        if (w * h > maxPixels) {
            throw new ImageTooLargeException((long) w, (long) h,
                    String.format(Locale.ROOT, "%,d pixels in all", maxPixels));
        }
        BufferedImage image;
        try {
            image = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_RGB);
        } catch (OutOfMemoryError e) {
            throw new ImageTooLargeException((long) w, (long) h, "the memory available");
        }
        Graphics2D g = image.createGraphics();
        DiagramRenderer.render(plan, layout, options, new Java2DCanvas(g, options.scale()));
        return image;
    }
}
