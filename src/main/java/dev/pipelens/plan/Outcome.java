package dev.pipelens.plan;

/**
 * What the static plan says of a step, assuming every job that starts succeeds (DESIGN.md section 4).
 */
public enum Outcome {
    /** Starts without any human action. */
    RUNS("runs"),
    /** The step is itself a gate waiting for a human (block/input step, blocking GitLab manual job). */
    BLOCKED("blocked"),
    /** GitLab optional manual job: holds nothing back, runs only if someone starts it. */
    MANUAL("manual"),
    /** Would run, but only after a human acts on a gate upstream of it. */
    GATED("gated"),
    /** GitLab {@code when: delayed}. */
    DELAYED("delayed"),
    /** GitLab {@code when: on_failure}. */
    ON_FAILURE("on-failure"),
    /** Not part of this build ({@code if}, {@code branches}, {@code skip}, rules...). */
    SKIPPED("skipped"),
    /** In the build but can never start (for example depends on a key that does not exist). */
    NEVER("never");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    /** The name used in JSON and text output. */
    public String id() {
        return id;
    }

    public static Outcome fromId(String id) {
        for (Outcome o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome: " + id);
    }
}
