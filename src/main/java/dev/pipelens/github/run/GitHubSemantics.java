package dev.pipelens.github.run;

import dev.pipelens.model.When;
import dev.pipelens.plan.Outcome;
import dev.pipelens.simulate.BuildState;
import dev.pipelens.simulate.JobResult;
import dev.pipelens.simulate.JobState;
import dev.pipelens.simulate.Node;
import dev.pipelens.simulate.Semantics;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GitHub Actions' run-time rules (github-actions-semantics.md sections 6 and 7.3). A job waits until all
 * its needs have completed. When every job before it ended as the plan expected, the plan's answer holds
 * (its {@code if} was evaluated for exactly that). When a job the plan expected to succeed failed, was
 * cancelled or skipped, the plan's typed {@code when} decides (the planner evaluated the {@code if} in the
 * worlds where the needs fail and where the run is cancelled): {@code on_success} skips it (the implicit
 * {@code success()} covers every ancestor, not only the direct needs), {@code not_cancelled} and
 * {@code always} run it, {@code on_failure} runs only when a job before it failed. Approximation (said
 * here, UNCONFIRMED): a condition that tests one need's result is judged by "some need failed". A job that does not run is
 * {@code skipped} (GitHub has no "not run"). A job whose environment requires reviewers is a gate
 * ({@code blocked}, GitHub status "Waiting"); approving it runs it. A failure with job-level
 * {@code continue-on-error} (the plan's soft-fail setting) is {@code soft-failed} and counts as success for
 * the jobs after it. The run fails when a job fails (without continue-on-error) or is cancelled. Reads only
 * the plan.
 */
public final class GitHubSemantics implements Semantics {

    @Override
    public String gateNoun() {
        return "job waiting for its environment's reviewers";
    }

    /** Spec 6.4: GitHub concludes such a run {@code skipped}; the simulation reports it {@code not-run}. */
    @Override
    public String allSkippedNote() {
        return "every job is skipped: GitHub concludes such a run skipped (shown as not-run)";
    }

    /**
     * A job waits until every direct need has finished; only then does it read its ancestors, which have all
     * finished by then (a finished job does not change), so a change of a direct need is the only news.
     */
    @Override
    public boolean decidesFromIncoming(Node node) {
        return true;
    }

    @Override
    public Decision decide(Node node) {
        for (Node.In in : node.incoming) {
            if (!in.from().state.isFinished()) {
                return Decision.WAIT;
            }
        }
        Node failed = null;
        Node deviated = null;
        for (Node a : ancestors(node)) {
            if (failedHard(a) && failed == null) {
                failed = a;
            }
            if (plannedToRun(a) && !succeeded(a) && deviated == null) {
                deviated = a;
            }
        }
        When when = node.planned.when() == null ? When.ON_SUCCESS : node.planned.when();
        if (when == When.ON_FAILURE) {
            return failed != null ? Decision.release(false, "its if is true: " + failed.id() + " failed")
                    : Decision.skip("GitHub skips it: its if needs a failure, and no job before it failed");
        }
        if (deviated == null) {
            return Decision.release(false, null);
        }
        if (when == When.ALWAYS || when == When.NOT_CANCELLED) {
            return Decision.release(false, "its if is still true although " + deviated.id() + " is "
                    + deviated.state.id() + " (" + (when == When.ALWAYS ? "always()" : "not cancelled") + ")");
        }
        return Decision.skip("GitHub skips it: " + deviated.id() + " is " + deviated.state.id()
                + ", so its if (with the implicit success()) is false");
    }

    /** Whether the plan expected {@code n} to run and succeed. */
    private static boolean plannedToRun(Node n) {
        Outcome o = n.planned.outcome();
        return o == Outcome.RUNS || o == Outcome.GATED || o == Outcome.BLOCKED || o == Outcome.DELAYED;
    }

    /** Every job before {@code node} through needs (edges into a group reach its children). */
    private static Set<Node> ancestors(Node node) {
        Set<Node> seen = new LinkedHashSet<>();
        ArrayDeque<Node> todo = new ArrayDeque<>();
        node.incoming.forEach(in -> todo.add(in.from()));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (seen.add(n)) {
                n.incoming.forEach(in -> todo.add(in.from()));
            }
        }
        return seen;
    }

    private static boolean succeeded(Node n) {
        return n.state == JobState.PASSED || n.state == JobState.UNBLOCKED || n.state == JobState.SOFT_FAILED;
    }

    private static boolean failedHard(Node n) {
        return n.state == JobState.FAILED;
    }

    @Override
    public Finish finish(Node node, JobResult result) {
        boolean continueOnError = node.planned.run().softFail().all();
        switch (result.kind()) {
            case PASS:
                return new Finish(JobState.PASSED, result.note());
            case SOFT_FAIL:
                return new Finish(JobState.SOFT_FAILED, "failed; counted as success (set by the user)");
            case CANCEL:
                return new Finish(JobState.CANCELED, "cancelled");
            case FAIL:
            default:
                return continueOnError
                        ? new Finish(JobState.SOFT_FAILED, "failed; continue-on-error: true, so the run does not fail and "
                        + "the jobs after it see success")
                        : new Finish(JobState.FAILED, "conclusion failure (exit status " + result.exitStatus() + ")");
        }
    }

    /** GitHub asks for the review only once the job waits at its environment; an early approval applies then. */
    @Override
    public String unblockedInAdvanceNote(Node node) {
        return "approved as soon as it waited for its environment's reviewers (--unblock given before it was reached):"
                + " GitHub asks for the review only when the job reaches its environment";
    }

    @Override
    public String gateNote(Node node) {
        return "waiting: its environment requires a reviewer's approval (GitHub status \"Waiting\"; "
                + "rejected or not approved in 30 days, it fails)";
    }

    @Override
    public boolean failsBuild(Node node) {
        return node.state == JobState.FAILED || node.state == JobState.CANCELED;
    }

    @Override
    public boolean isGate(Node node) {
        return node.planned.outcome() == Outcome.BLOCKED;
    }

    @Override
    public JobState gateState(Node node) {
        return JobState.BLOCKED;
    }

    @Override
    public boolean gateRunsWhenUnblocked(Node node) {
        return true;
    }

    @Override
    public boolean holdsBuild(Node gate) {
        return true;
    }

    @Override
    public boolean failureEndsGates() {
        return false;
    }

    @Override
    public Finish settleWaiting(Node node) {
        return new Finish(JobState.SKIPPED, "GitHub skips it: a job it needs never completed");
    }

    @Override
    public BuildState settledState(List<Node> jobs) {
        boolean blocked = false;
        boolean canceled = false;
        for (Node n : jobs) {
            if (n.state == JobState.FAILED) {
                return BuildState.FAILED;
            }
            canceled |= n.state == JobState.CANCELED;
            blocked |= n.state == JobState.BLOCKED;
        }
        return canceled ? BuildState.CANCELED : blocked ? BuildState.BLOCKED : BuildState.PASSED;
    }
}
