package dev.pipelens.expr;

/**
 * One evaluated sub-expression: its span {@code [start, end)} in the source, the source text of that span,
 * and its value rendered for people ({@code "1"}, {@code false}, {@code null}).
 */
public record SubValue(int start, int end, String text, String value) {

    /** {@code text → value}, as shown in the UI. */
    @Override
    public String toString() {
        return text + " \u2192 " + value;
    }
}
