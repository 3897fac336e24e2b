package dev.pipelens.simulate;

/**
 * The state of one step during a simulated build (DESIGN.md section 5). The {@link #id()} is the name
 * used in {@code pipelens run} output and in {@code run.schema.json}.
 */
public enum JobState {
    /** Not started: its dependencies are not satisfied yet (Buildkite {@code pending}/{@code waiting}). */
    WAITING("waiting", false),
    /** A gate (block or input step) waiting for a person. */
    BLOCKED("blocked", false),
    /** A GitLab manual job waiting to be played (reserved for GitLab semantics). */
    MANUAL("manual", false),
    /** A gate someone unblocked: it counts as passed for the steps after it. */
    UNBLOCKED("unblocked", true),
    PASSED("passed", true),
    /** Failed with a status that matches the step's {@code soft_fail}: counts as passed. */
    SOFT_FAILED("soft-failed", true),
    FAILED("failed", true),
    CANCELED("canceled", true),
    /** Not part of this build ({@code if}, {@code branches}, {@code skip}...). */
    SKIPPED("skipped", true),
    /** Never ran: a dependency failed or never started (Buildkite {@code waiting_failed}, {@code blocked_failed}). */
    NOT_RUN("not-run", true);

    private final String id;
    private final boolean finished;

    JobState(String id, boolean finished) {
        this.id = id;
        this.finished = finished;
    }

    /** The name used in text and JSON output. */
    public String id() {
        return id;
    }

    /** Whether the step is done and its state will not change (until {@link Simulation#reset()}). */
    public boolean isFinished() {
        return finished;
    }
}
