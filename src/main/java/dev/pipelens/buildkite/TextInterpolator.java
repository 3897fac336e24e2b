package dev.pipelens.buildkite;

/**
 * Upload-time interpolation of one string of the pipeline. Implementations report problems (an unset
 * {@code ${VAR?}}) by throwing {@link TextInterpolator.Failure} with the offset inside {@code text}.
 */
@FunctionalInterface
public interface TextInterpolator {

    /** Leaves every string as written ({@code --no-interpolation}). */
    TextInterpolator NONE = text -> text;

    String apply(String text) throws Failure;

    /** An interpolation error: the agent would refuse the upload. */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        public Failure(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }
}
