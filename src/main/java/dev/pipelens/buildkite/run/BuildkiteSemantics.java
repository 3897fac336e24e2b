package dev.pipelens.buildkite.run;

import dev.pipelens.simulate.*;
import dev.pipelens.model.SoftFail;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Reason;
import dev.pipelens.plan.RunSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * Buildkite's run-time rules (buildkite-semantics.md sections 4.4, 5, 6.1, 6.8, 8):
 * <ul>
 * <li>A dependency in state passed, soft-failed, unblocked or skipped is satisfied; failed and not-run
 *     only through an edge whose failure is allowed ({@code allow_failure}, {@code allow_dependency_failure},
 *     {@code continue_on_failure}); canceled never (D-DEP, docs PR 2241).</li>
 * <li>A step released through an allowed failure is <em>tainted</em>, and the taint flows along every
 *     edge: a plain wait or a block step that sees a tainted step before it does not pass (it becomes
 *     not-run). So "failure, wait continue_on_failure, A, wait, B" runs A but not B (E9), and a block after
 *     a failure never runs (E17).</li>
 * <li>A plain wait or block that does not pass <em>stops</em> the build: the not-run steps behind it are
 *     marked stopped, and a later {@code continue_on_failure} wait does not accept them, so nothing after a
 *     failed plain wait runs (E10). A cancellation stops the same way (D-WAIT "not after a cancelation").
 *     An explicit {@code allow_failure}/{@code allow_dependency_failure} still accepts a not-run step
 *     (E12), even a stopped one (UNCONFIRMED).</li>
 * <li>{@code soft_fail} turns a failure whose exit status matches into a soft failure, which satisfies
 *     dependencies and does not fail the build (D-SOFT). A canceled job never soft-fails, but with
 *     {@code soft_fail} set it does not fail the build (D-CANCEL); its dependents still do not run
 *     (UNCONFIRMED, spec 11.10).</li>
 * <li>An async trigger passes once the triggered build starts, whatever that build does; a non-async
 *     trigger takes the triggered build's result; trigger {@code soft_fail: true} makes its failure a soft
 *     failure, whose dependents then run like any soft failure's (UNCONFIRMED, spec E25/11.10).</li>
 * <li>A matrix or parallel step is one unit: its result stands for all its jobs, and dependents need all
 *     of them to pass (UNCONFIRMED, spec 4.4/11.8).</li>
 * </ul>
 */
public final class BuildkiteSemantics implements Semantics {

    static final String MATRIX_NOTE = "jobs run as one unit: dependents wait for all of them and need all to pass"
            + " (UNCONFIRMED, spec 4.4)";

    /** Buildkite's rule reads the direct dependencies' states only (and the step's own fixed facts). */
    @Override
    public boolean decidesFromIncoming(Node node) {
        return true;
    }

    @Override
    public Decision decide(Node node) {
        boolean barrier = node.type() == StepType.BLOCK
                || node.type() == StepType.WAIT && !node.planned.run().continueOnFailure();
        boolean pending = false;
        boolean tainted = false;
        String taintNote = null;
        for (Node.In in : node.incoming) {
            Node p = in.from();
            switch (p.state) {
                case WAITING:
                case BLOCKED:
                case MANUAL:
                    pending = true;
                    break;
                case PASSED:
                case SOFT_FAILED:
                case UNBLOCKED:
                case SKIPPED:
                    if (p.tainted) {
                        if (barrier && !in.allowFailure()) {
                            return Decision.notRun(true, "a step before it failed (" + p.id()
                                    + " ran after an allowed failure), so this " + node.type().id()
                                    + " step does not pass" + (node.type() == StepType.BLOCK
                                    ? " and is never reached (blocked_failed)" : ""));
                        }
                        tainted = true;
                    }
                    break;
                case FAILED:
                    if (!in.allowFailure()) {
                        return Decision.notRun(barrier, p.id() + " failed" + (node.type() == StepType.BLOCK
                                ? "; a block step after a failure does not run" : ""));
                    }
                    tainted = true;
                    taintNote = p.id() + " failed, but its failure is allowed here"
                            + (in.continueOnFailure() ? " (continue_on_failure)" : "");
                    break;
                case NOT_RUN:
                    if (!in.allowFailure()) {
                        return Decision.notRun(barrier || p.stopped, p.id() + " did not run");
                    }
                    if (in.continueOnFailure() && p.stopped) {
                        return Decision.notRun(true, p.id() + " did not run because an earlier wait stopped the build;"
                                + " continue_on_failure does not pass that (D-WAIT)");
                    }
                    tainted = true;
                    taintNote = p.id() + " did not run, but allow_failure covers it (D-DEP)";
                    break;
                case CANCELED:
                    return Decision.notRun(true, p.id() + " was canceled; a canceled dependency is never satisfied,"
                            + " even with allow_failure or continue_on_failure");
                default:
                    throw new IllegalStateException("state " + p.state);
            }
        }
        if (pending || node.never) {
            return Decision.WAIT;
        }
        return Decision.release(tainted, taintNote);
    }

    @Override
    public Finish finish(Node node, JobResult result) {
        String extra = result.note() == null ? "" : "; " + result.note();
        String unit = node.planned.jobs() > 1 ? "; " + node.planned.jobs() + " " + MATRIX_NOTE : "";
        RunSettings run = node.planned.run();
        if (node.type() == StepType.TRIGGER) {
            if (run.async() && result.kind() != JobResult.Kind.CANCEL) {
                return new Finish(JobState.PASSED, "async trigger: passes once the triggered build starts"
                        + (result.kind() == JobResult.Kind.PASS ? "" : ", whatever that build does") + extra);
            }
            if (result.kind() == JobResult.Kind.FAIL && run.softFail().isSet()) {
                return new Finish(JobState.SOFT_FAILED, "the triggered build failed; soft_fail on the trigger;"
                        + " dependents run as after any soft failure (UNCONFIRMED, spec E25)" + extra);
            }
        }
        switch (result.kind()) {
            case PASS:
                return new Finish(JobState.PASSED, join(result.note(), unit.isEmpty() ? null : unit.substring(2)));
            case SOFT_FAIL:
                return new Finish(JobState.SOFT_FAILED, (result.note() != null ? "soft failure: " + result.note()
                        : "soft failure set by the user" + (softFail(node).isSet() ? "" : " (the step has no soft_fail rule)"))
                        + unit);
            case CANCEL:
                return new Finish(JobState.CANCELED, "canceled" + (softFail(node).isSet()
                        ? "; soft_fail is set, so the build is not failed by it (D-CANCEL); its dependents still do"
                        + " not run (UNCONFIRMED, spec 11.10)" : "; canceling a job fails the build (D-CANCEL)") + extra);
            case FAIL:
            default:
                int status = result.exitStatus();
                SoftFail sf = softFail(node);
                if (sf.softFails(status)) {
                    return new Finish(JobState.SOFT_FAILED, "exit status " + status + " matches soft_fail"
                            + (sf.all() ? " (any non-zero status)" : " " + sf.exitStatuses()) + extra + unit);
                }
                String partial = matrixSoftFailNote(node);
                return new Finish(JobState.FAILED, "exit status " + status
                        + (sf.isSet() ? " does not match soft_fail " + sf.exitStatuses() : "") + partial + extra + unit);
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }

    /** The step's soft_fail as planned (a matrix whose every job soft-fails counts as soft_fail: true). */
    static SoftFail softFail(Node node) {
        return node.planned.run().softFail();
    }

    private static String matrixSoftFailNote(Node node) {
        if (node.planned.run().someMatrixJobsSoftFail()) {
            return "; some matrix jobs have soft_fail, but the simulation treats the step as one unit and counts"
                    + " the failure as hard (use --soft-fail to try the other case)";
        }
        return "";
    }

    @Override
    public boolean isGate(Node node) {
        return node.type() == StepType.BLOCK || node.type() == StepType.INPUT;
    }

    @Override
    public JobState gateState(Node node) {
        return JobState.BLOCKED;
    }

    @Override
    public boolean gateRunsWhenUnblocked(Node node) {
        return false;
    }

    @Override
    public boolean holdsBuild(Node gate) {
        return true;
    }

    @Override
    public boolean failureEndsGates() {
        return true;
    }

    @Override
    public Finish settleWaiting(Node node) {
        if (node.never) {
            return new Finish(JobState.NOT_RUN, "never started: " + neverReason(node)
                    + "; the build fails once everything else has settled (D-DEP)");
        }
        return null;
    }

    private static String neverReason(Node n) {
        for (Reason r : n.planned.why()) {
            if (r.explainsNever()) {
                return r.text();
            }
        }
        return "it waits for a step that never starts";
    }

    @Override
    public BuildState settledState(java.util.List<Node> jobs) {
        boolean blocked = false;
        for (Node n : jobs) {
            if (n.state.isFinished() && failsBuild(n)) {
                return BuildState.FAILED;
            }
            blocked |= n.state == JobState.BLOCKED;
        }
        return blocked ? BuildState.BLOCKED : BuildState.PASSED;
    }

    @Override
    public String allSkippedNote() {
        return "every step is skipped: the build is not_run (spec 8.2, E27)";
    }

    @Override
    public String gateNoun() {
        return "block or input step";
    }

    @Override
    public String awaitingNote(List<Node> gates) {
        return gates.stream().allMatch(g -> g.type() == StepType.INPUT)
                ? " (only input steps remain: Pipelens reports the build blocked; UNCONFIRMED, spec 11.13)" : "";
    }

    @Override
    public List<String> gateNotes(List<Node> gates) {
        List<String> out = new ArrayList<>();
        for (Node g : gates) {
            String bs = g.planned.run().blockedState();
            if (bs != null && !bs.equals("passed")) {
                out.add(g.id() + " has blocked_state: " + bs + ": Buildkite shows the blocked build as " + bs);
            }
        }
        return out;
    }

    @Override
    public String unblockedInAdvanceNote(Node node) {
        return "unblocked in advance, before it was reached (allowed at any time; UNCONFIRMED, spec 5.1)";
    }

    @Override
    public String gateNote(Node node) {
        return node.type() == StepType.INPUT
                ? "input step: waits for someone to fill it in; holds back only the steps that depend on it"
                : "block step: waits for someone to unblock it";
    }

    @Override
    public boolean failsBuild(Node node) {
        switch (node.state) {
            case FAILED:
            case NOT_RUN:
                return true;
            case CANCELED:
                return !softFail(node).isSet();
            default:
                return false;
        }
    }
}
