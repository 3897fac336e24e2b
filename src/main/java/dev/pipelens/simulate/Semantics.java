package dev.pipelens.simulate;

import dev.pipelens.model.CiSystem;

/**
 * The rules of one CI system that the {@link Simulation} loop consults: when a waiting step may start,
 * what a job's result turns into, and what counts as a failure of the build. The loop itself (ticks,
 * events, user actions, settling) is system-neutral. Chosen by {@link #forSystem(CiSystem)} from the
 * plan's system; GitLab rules (gitlab-semantics.md section 6) plug in here.
 */
interface Semantics {

    /** The rules for {@code system}. */
    static Semantics forSystem(CiSystem system) {
        return system == CiSystem.GITLAB ? new GitLabSemantics() : new BuildkiteSemantics();
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
    BuildState settledState(java.util.List<Node> jobs);

    /** What a waiting, non-group step does in this tick, judged on the states at the start of the tick. */
    Decision decide(Node node);

    /** The state a released job takes from its result (soft_fail rules, async triggers...). */
    Finish finish(Node node, JobResult result);

    /** The note logged when a gate that was unblocked before it was reached is reached. */
    default String unblockedInAdvanceNote(Node node) {
        return "unblocked in advance, before it was reached (allowed at any time; UNCONFIRMED, spec 5.1)";
    }

    /** The note logged when a gate is reached. */
    String gateNote(Node node);

    /** Whether this finished step makes the build fail (hard failure, cancellation, never ran). */
    boolean failsBuild(Node node);

    /** A decision about a waiting step. */
    record Decision(Kind kind, boolean tainted, boolean stopped, String note) {
        /** Keep waiting; start now; never run (Buildkite waiting_failed); skipped at run time (GitLab). */
        enum Kind { WAIT, RELEASE, NOT_RUN, SKIP }

        static final Decision WAIT = new Decision(Kind.WAIT, false, false, null);

        static Decision release(boolean tainted, String note) {
            return new Decision(Kind.RELEASE, tainted, false, note);
        }

        static Decision skip(String note) {
            return new Decision(Kind.SKIP, false, false, note);
        }

        static Decision notRun(boolean stopped, String note) {
            return new Decision(Kind.NOT_RUN, false, stopped, note);
        }
    }

    /** The state and note a job ends with. */
    record Finish(JobState state, String note) {
    }
}
