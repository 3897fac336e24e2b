package dev.pipelens.simulate;

import java.util.List;

/**
 * The rules of one CI system that the {@link Simulation} loop consults: when a waiting step may start,
 * what a job's result turns into, and what counts as a failure of the build. The loop itself (ticks,
 * events, user actions, settling) is system-neutral. Each CI system supplies its own (its {@code run}
 * package), through the system seam; one instance serves one simulation.
 */
public interface Semantics {

    /** Called once with every job before the build starts (an instance may learn about its build). */
    default void learn(List<Node> jobs) {
    }

    /** What a gate is called in a message: "block or input step", "manual job". */
    String gateNoun();

    /**
     * Said after "waiting for someone to unblock A, B" when the build settles blocked at {@code gates}
     * (empty, or a note such as " (only input steps remain...)").
     */
    default String awaitingNote(List<Node> gates) {
        return "";
    }

    /** A build note for a created build whose every step is skipped, or null. */
    default String allSkippedNote() {
        return null;
    }

    /** Further build notes about the gates the blocked build waits at (Buildkite {@code blocked_state}). */
    default List<String> gateNotes(List<Node> gates) {
        return List.of();
    }

    /** Whether the step waits for a person when reached (Buildkite block/input, GitLab manual job). */
    boolean isGate(Node node);

    /** The state of a gate that was reached ({@link JobState#BLOCKED}, GitLab {@link JobState#MANUAL}). */
    JobState gateState(Node node);

    /** Whether unblocking the gate runs it as a job (playing a GitLab manual job) rather than passing it. */
    boolean gateRunsWhenUnblocked(Node node);

    /** Whether an unanswered gate keeps the build from finishing (blocked build). */
    boolean holdsBuild(Node gate);

    /** Whether a failure ends the build while gates still wait (their steps then never run). */
    boolean failureEndsGates();

    /** What a step that is still waiting when nothing else can move becomes, with why; null: keep waiting. */
    Finish settleWaiting(Node node);

    /** The build state once nothing more can happen (not canceled, plan created). */
    BuildState settledState(List<Node> jobs);

    /**
     * Whether {@link #decide} looks only at the states of the steps {@code node} has direct edges from
     * (so it needs judging again only after one of them changed); false makes the loop judge it every tick.
     */
    default boolean decidesFromIncoming(Node node) {
        return false;
    }

    /** What a waiting, non-group step does in this tick, judged on the states at the start of the tick. */
    Decision decide(Node node);

    /** The state a released job takes from its result (soft_fail rules, async triggers...). */
    Finish finish(Node node, JobResult result);

    /** The note logged when a gate that was unblocked before it was reached is reached (the system's rule). */
    String unblockedInAdvanceNote(Node node);

    /** The note logged when a gate is reached. */
    String gateNote(Node node);

    /** Whether this finished step makes the build fail (hard failure, cancellation, never ran). */
    boolean failsBuild(Node node);

    /** A decision about a waiting step. */
    record Decision(Kind kind, boolean tainted, boolean stopped, String note) {
        /** Keep waiting; start now; never run (Buildkite waiting_failed); skipped at run time (GitLab). */
        public enum Kind { WAIT, RELEASE, NOT_RUN, SKIP }

        public static final Decision WAIT = new Decision(Kind.WAIT, false, false, null);

        public static Decision release(boolean tainted, String note) {
            return new Decision(Kind.RELEASE, tainted, false, note);
        }

        public static Decision skip(String note) {
            return new Decision(Kind.SKIP, false, false, note);
        }

        public static Decision notRun(boolean stopped, String note) {
            return new Decision(Kind.NOT_RUN, false, stopped, note);
        }
    }

    /** The state and note a job ends with. */
    record Finish(JobState state, String note) {
    }
}
