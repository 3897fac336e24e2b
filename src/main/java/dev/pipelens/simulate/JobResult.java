package dev.pipelens.simulate;

import java.util.Objects;

/**
 * How a job ends when it runs: set by the user before it runs ({@link Simulation#setResult}), or
 * reported by a {@link JobRunner} that really executed it. A {@link Kind#FAIL} carries the exit status
 * so the step's {@code soft_fail} rules can turn it into a soft failure.
 *
 * @param kind       pass, fail, soft-fail (forced) or cancel
 * @param exitStatus the exit status (0 for a pass; non-zero for a failure)
 * @param note       extra words for the event log (for example "timed out after 5 s"), or null
 */
public record JobResult(Kind kind, int exitStatus, String note) {

    /** The four ways a job can end. */
    public enum Kind {
        PASS, FAIL, SOFT_FAIL, CANCEL
    }

    public JobResult {
        Objects.requireNonNull(kind, "kind");
    }

    public static JobResult pass() {
        return new JobResult(Kind.PASS, 0, null);
    }

    /** A failure with exit status 1. */
    public static JobResult fail() {
        return fail(1);
    }

    /** A failure with the given exit status; the step's soft_fail rules decide whether it soft-fails. */
    public static JobResult fail(int exitStatus) {
        if (exitStatus == 0) {
            throw new IllegalArgumentException("a failure needs a non-zero exit status");
        }
        return new JobResult(Kind.FAIL, exitStatus, null);
    }

    /** A soft failure whatever the step's soft_fail rules say (a what-if). */
    public static JobResult softFail() {
        return new JobResult(Kind.SOFT_FAIL, 1, null);
    }

    /** Canceled by a person while it ran. */
    public static JobResult cancel() {
        return new JobResult(Kind.CANCEL, -1, null);
    }

    /** From a process exit status: 0 passes, anything else fails. */
    public static JobResult ofExitStatus(int exitStatus) {
        return exitStatus == 0 ? pass() : fail(exitStatus);
    }

    public JobResult withNote(String text) {
        return new JobResult(kind, exitStatus, text);
    }
}
