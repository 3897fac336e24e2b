package dev.pipelens.model;

import java.util.Locale;

/**
 * When a job runs relative to the jobs before it (GitLab {@code when:}), as the planner decided it. The
 * reader turns the written word into this once; nothing downstream compares strings. A planner may also
 * compute it from a job's condition, which is where {@link #NOT_CANCELLED} comes from.
 */
public enum When {
    ON_SUCCESS, ON_FAILURE, ALWAYS, MANUAL, DELAYED, NEVER,
    /**
     * Runs after the jobs before it succeed or fail, but not once the build is cancelled (a condition such
     * as {@code !cancelled()}); no system writes it as a keyword, so {@link #of} never returns it.
     */
    NOT_CANCELLED;

    /** The keyword as written in YAML ({@code on_success}...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a written keyword, or null when it is not one (the reader reports that). */
    public static When of(String written) {
        if (written == null) {
            return null;
        }
        for (When w : values()) {
            if (w != NOT_CANCELLED && w.id().equals(written)) {
                return w;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id();
    }
}
