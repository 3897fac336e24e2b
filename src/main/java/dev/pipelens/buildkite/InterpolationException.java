package dev.pipelens.buildkite;

/**
 * Upload-time interpolation failed, as {@code buildkite-agent pipeline upload} would: a required variable
 * is unset ({@code $SLACK_CHANNEL: not set}) or the text is not valid interpolation syntax
 * ({@code Unable to parse offset ...}, {@code Expected an operator, got +}). {@link #offset()} is the
 * 0-based character offset in the interpolated text.
 */
public final class InterpolationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public InterpolationException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
