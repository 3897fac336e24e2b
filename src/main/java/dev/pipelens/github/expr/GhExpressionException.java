package dev.pipelens.github.expr;

/**
 * An expression GitHub would reject when reading the workflow (parse time: the workflow is invalid) or
 * that fails while being evaluated ({@link #atRunTime()}: {@code fromJSON('')}, a bad {@code format}).
 * Messages are GitHub's own ({@code Unrecognized named-value: 'env'}); {@link #offset()} is the 0-based
 * position inside the expression, -1 when unknown.
 */
public final class GhExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final boolean atRunTime;

    public GhExpressionException(String message, int offset, boolean atRunTime) {
        super(message, null, false, false);
        this.offset = offset;
        this.atRunTime = atRunTime;
    }

    public int offset() {
        return offset;
    }

    /** True for an evaluation error, false for a parse error. */
    public boolean atRunTime() {
        return atRunTime;
    }
}
