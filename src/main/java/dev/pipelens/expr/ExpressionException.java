package dev.pipelens.expr;

/**
 * An expression that cannot be compiled: its {@link #kind()}, the 0-based character {@link #offset()} in
 * the expression source where the problem is, and a human message. Tests assert kind and offset, not wording.
 */
public final class ExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExpressionErrorKind kind;
    private final int offset;
    private final String source;

    public ExpressionException(ExpressionErrorKind kind, String message, int offset, String source) {
        super(message);
        this.kind = kind;
        this.offset = offset;
        this.source = source;
    }

    public ExpressionErrorKind kind() {
        return kind;
    }

    public int offset() {
        return offset;
    }

    /** The expression text the error belongs to (may be null when unknown). */
    public String source() {
        return source;
    }

    /** The message prefixed the way buildkite/conditional does: {@code parse: ...}, {@code validation: ...}. */
    public String toDetailedString() {
        StringBuilder out = new StringBuilder()
                .append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(getMessage());
        if (source != null) {
            out.append('\n').append(source.replace('\n', ' ')).append('\n')
                    .append(" ".repeat(Math.max(0, Math.min(offset, source.length())))).append('^');
        }
        return out.toString();
    }
}
