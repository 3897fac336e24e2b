package dev.pipelens.model;

/**
 * A place in a source file: 1-based line and column. {@code file} may be null for text that did not
 * come from a file (an expression typed in the window, a test string).
 */
public record SourceSpan(String file, int line, int column) {

    /** A span that points nowhere, for generated items. */
    public static final SourceSpan NONE = new SourceSpan(null, 0, 0);

    /** Whether this span names a real line. */
    public boolean isKnown() {
        return line > 0;
    }

    /** The same place shifted by {@code columns} on the same line (used for offsets inside an expression). */
    public SourceSpan plusColumns(int columns) {
        return isKnown() ? new SourceSpan(file, line, column + columns) : this;
    }

    /** {@code file:line:column}, leaving out what is unknown. */
    @Override
    public String toString() {
        String f = file == null ? "<input>" : file;
        return isKnown() ? f + ":" + line + ":" + column : f;
    }
}
