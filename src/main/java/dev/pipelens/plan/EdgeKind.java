package dev.pipelens.plan;

/** Why one step waits for another. */
public enum EdgeKind {
    /** Written as {@code depends_on} / {@code needs}. */
    EXPLICIT,
    /** Implied by a wait or block step, or by GitLab stage order. */
    IMPLICIT,
    /** Implied by a group's own {@code depends_on} or by membership. */
    GROUP;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
