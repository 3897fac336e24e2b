package dev.pipelens.simulate;

/**
 * The state of the simulated build. {@link #RUNNING} and {@link #FAILING} are in-progress states a
 * view can show while stepping; a build that has run as far as it can is in one of the others
 * (the build states of {@code run.schema.json}).
 */
public enum BuildState {
    /** Steps can still start. */
    RUNNING("running", false),
    /** Steps can still start, but a hard failure already decides that the build fails. */
    FAILING("failing", false),
    PASSED("passed", true),
    FAILED("failed", true),
    /** Nothing can move until someone unblocks a gate (a finished state that an unblock resumes). */
    BLOCKED("blocked", true),
    CANCELED("canceled", true),
    /** Every step of the build was omitted (Buildkite {@code not_run}, spec 8.2 and E27). */
    NOT_RUN("not-run", true),
    /** The CI system would not create this build (rejected upload, GitLab workflow rules). */
    NOT_CREATED("not-created", true);

    private final String id;
    private final boolean settled;

    BuildState(String id, boolean settled) {
        this.id = id;
        this.settled = settled;
    }

    public String id() {
        return id;
    }

    /** Whether nothing more happens without a user action. */
    public boolean isSettled() {
        return settled;
    }
}
