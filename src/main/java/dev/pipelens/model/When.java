package dev.pipelens.model;

import java.util.Locale;

/**
 * When a job runs relative to the jobs before it (GitLab {@code when:}), as the planner decided it. The
 * reader turns the written word into this once; nothing downstream compares strings.
 */
public enum When {
    ON_SUCCESS, ON_FAILURE, ALWAYS, MANUAL, DELAYED, NEVER;

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
            if (w.id().equals(written)) {
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
