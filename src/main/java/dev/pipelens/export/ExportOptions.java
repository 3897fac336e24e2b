package dev.pipelens.export;

import java.util.Objects;

/**
 * How to export.
 *
 * @param scale  pixel density of PNG images (1 = one pixel per layout unit, 2 = retina); SVG size too
 * @param theme  colours
 * @param title  the header's first line; null means the plan's file name, empty means no header at all
 * @param legend whether PNG and SVG draw a legend of the outcomes and edge kinds shown
 */
public record ExportOptions(double scale, Theme theme, String title, boolean legend) {

    public ExportOptions {
        Objects.requireNonNull(theme, "theme");
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("scale must be > 0 and <= 8: " + scale);
        }
    }

    /** Scale 1, light theme, automatic title, legend on. */
    public static ExportOptions defaults() {
        return new ExportOptions(1, Theme.light(), null, true);
    }

    public ExportOptions withScale(double value) {
        return new ExportOptions(value, theme, title, legend);
    }

    public ExportOptions withTheme(Theme value) {
        return new ExportOptions(scale, value, title, legend);
    }

    public ExportOptions withTitle(String value) {
        return new ExportOptions(scale, theme, value, legend);
    }

    public ExportOptions withLegend(boolean value) {
        return new ExportOptions(scale, theme, title, value);
    }
}
