package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.plan.Plan;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a plan in one file format. Implementations are stateless and thread-safe. */
public interface Exporter {

    /**
     * Writes {@code plan} to {@code out} (which is flushed, not closed). {@code layout} must be a layout
     * of {@code plan} for the drawn formats (PNG, SVG); the text formats ignore it and accept null.
     *
     * @throws ImageTooLargeException when an image would be too large to write
     */
    void export(Plan plan, Layout layout, OutputStream out, ExportOptions options) throws IOException;
}
