package dev.pipelens.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The export file formats, with their file name extensions. */
public enum ExportFormat {
    PNG("png", true, "png"),
    SVG("svg", true, "svg"),
    DOT("dot", false, "dot", "gv"),
    GRAPHML("graphml", false, "graphml"),
    MERMAID("mmd", false, "mmd", "mermaid");

    private final String id;
    private final boolean drawn;
    private final List<String> extensions;

    ExportFormat(String id, boolean drawn, String... extensions) {
        this.id = id;
        this.drawn = drawn;
        this.extensions = List.of(extensions);
    }

    /** The name used on the command line ({@code png}, {@code svg}, {@code dot}, {@code graphml}, {@code mmd}). */
    public String id() {
        return id;
    }

    /** The preferred file name extension, without the dot. */
    public String extension() {
        return extensions.get(0);
    }

    /** Whether the format is a picture drawn from a {@link dev.pipelens.layout.Layout}. */
    public boolean needsLayout() {
        return drawn;
    }

    /** A new exporter for this format. */
    public Exporter exporter() {
        switch (this) {
            case PNG:
                return new PngExporter();
            case SVG:
                return new SvgExporter();
            case DOT:
                return new DotExporter();
            case GRAPHML:
                return new GraphMLExporter();
            default:
                return new MermaidExporter();
        }
    }

    /** The format named {@code id} (case-insensitive; extensions such as {@code gv} work too). */
    public static Optional<ExportFormat> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String s = id.toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.id.equals(s) || f.extensions.contains(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format of a file name by its extension ({@code out/graph.SVG} is SVG); empty if unknown. */
    public static Optional<ExportFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return fromId(name.substring(dot + 1));
    }
}
