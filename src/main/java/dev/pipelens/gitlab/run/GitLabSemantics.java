package dev.pipelens.gitlab.run;

import dev.pipelens.simulate.*;
import dev.pipelens.model.When;
import dev.pipelens.plan.JobFields;
import dev.pipelens.plan.Outcome;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitLab's run-time rules (gitlab-semantics.md section 6). A job waits until every job its
 * <em>previous status</em> is made of has completed, then proceeds by its {@code when} (6.2):
 * {@code on_success}/{@code manual}/{@code delayed} on success (a stage job also on skipped),
 * {@code on_failure} on failed, {@code always} on anything but canceled; otherwise it is
 * {@code skipped}. The previous status is the composite status (6.3) of the job's {@code needs} (DAG
 * mode) or of the jobs of the earlier stages. Each job contributes a token: a failed or canceled job
 * with {@code allow_failure} counts as success with warnings (shown {@code soft-failed}), an unplayed
 * optional manual job is ignored, a blocking manual job is not complete, so the stages after it wait
 * and the pipeline is {@code manual}, shown as {@code blocked}. Playing a manual job is
 * {@link Simulation#unblock}: the job then runs with its set result.
 * <p>Choices (each visible in a note): the plan's {@code when} is read from the outcome and its reasons;
 * earlier-stage jobs are found by following the plan's edges back (a stage made only of DAG jobs hides
 * the stages before it — an approximation); a DAG job needing an unplayed optional manual job waits
 * and becomes {@code skipped} when the pipeline settles (GitLab skips it and re-processes it when the job
 * is played: same end result); a delayed job starts at once (its timer assumed elapsed); a pipeline
 * whose jobs are all skipped or ignored (GitLab {@code skipped}) is reported {@code passed}.
 */
public final class GitLabSemantics implements Semantics {

    private enum Token { SUCCESS, SUCCESS_WITH_WARNINGS, FAILED, CANCELED, SKIPPED, IGNORED, MANUAL, CREATED }

    private final Map<Node, List<Node>> stageScope = new IdentityHashMap<>();
    private Map<Node, Boolean> allowFailure;
    /** Each child pipeline job's trigger job (absent for the top pipeline's jobs). */
    private final Map<Node, Node> owner = new IdentityHashMap<>();
    /** Each trigger job's child pipeline jobs (direct members only; a grandchild belongs to its own trigger). */
    private final Map<Node, List<Node>> childJobs = new IdentityHashMap<>();

    /** A DAG job (needs) reads its needs' states only; a stage job reads every earlier stage's. */
    @Override
    public boolean decidesFromIncoming(Node node) {
        return node.incoming.stream().anyMatch(Node.In::explicit);
    }

    @Override
    public Decision decide(Node node) {
        if (unplayedTrigger(node) != null) {
            return Decision.WAIT; // its child pipeline is created only when the manual trigger job is played
        }
        boolean dag = node.incoming.stream().anyMatch(Node.In::explicit);
        List<Node> scope = dag ? direct(node) : stageScope.computeIfAbsent(node, GitLabSemantics::ancestors);
        List<Token> tokens = new ArrayList<>();
        for (Node p : scope) {
            if (within(p, node)) {
                continue; // the trigger job's own child pipeline: read below, not as an earlier stage
            }
            Token t = token(p);
            if (t == Token.CREATED || t == Token.MANUAL || dag && t == Token.IGNORED) {
                return Decision.WAIT;
            }
            tokens.add(t);
        }
        String status = composite(tokens, dag);
        When when = when(node);
        boolean proceed;
        switch (when) {
            case ON_FAILURE:
                proceed = status.equals("failed");
                break;
            case ALWAYS:
                proceed = !status.equals("canceled");
                break;
            default:
                proceed = status.equals("success") || !dag && status.equals("skipped");
                break;
        }
        String mode = dag ? "its needs" : "the earlier stages";
        if (!proceed) {
            return Decision.skip("GitLab skips it: when: " + when.id() + ", and the status of " + mode + " is " + status);
        }
        String note = when == When.ON_SUCCESS || when == When.MANUAL ? null
                : "when: " + when.id() + "; the status of " + mode + " is " + status
                + (when == When.DELAYED ? " (start_in timer assumed elapsed)" : "");
        JobFields.Downstream down = downstream(node);
        if (down != null && down.depend() && Boolean.TRUE.equals(down.created()) && !isGate(node)
                && childStatus(node) == null) {
            return Decision.WAIT; // strategy: depend: the trigger job runs until its child pipeline ends
        }
        return Decision.release(false, note);
    }

    private static List<Node> direct(Node node) {
        List<Node> out = new ArrayList<>();
        for (Node.In in : node.incoming) {
            out.add(in.from());
        }
        return out;
    }

    /** The manual trigger job above {@code n}'s child pipeline that has not been played yet, or null. */
    private Node unplayedTrigger(Node n) {
        for (Node o = owner.get(n); o != null; o = owner.get(o)) {
            if (isGate(o) && !o.state.isFinished()) {
                return o;
            }
        }
        return null;
    }

    /** Whether {@code n} is a job of {@code trigger}'s child pipeline (or of a pipeline below it). */
    private boolean within(Node n, Node trigger) {
        for (Node o = owner.get(n); o != null; o = owner.get(o)) {
            if (o == trigger) {
                return true;
            }
        }
        return false;
    }

    private static JobFields.Downstream downstream(Node n) {
        return n.planned.job() == null ? null : n.planned.job().downstream();
    }

    /**
     * The status of {@code trigger}'s child pipeline once it has ended ({@code success}, {@code failed},
     * {@code canceled}, {@code skipped}), or null while it runs or waits for a manual job (gitlab-semantics 6.3
     * over the child's own jobs).
     */
    private String childStatus(Node trigger) {
        List<Token> tokens = new ArrayList<>();
        for (Node c : childJobs.getOrDefault(trigger, List.of())) {
            if (c.planned.outcome() != Outcome.SKIPPED) {
                tokens.add(token(c));
            }
        }
        String status = composite(tokens, false);
        return switch (status) {
            case "success", "failed", "canceled", "skipped" -> status;
            default -> null;
        };
    }

    /** Every job before {@code node} along the plan's edges: the earlier stages' jobs. */
    private static List<Node> ancestors(Node node) {
        Set<Node> seen = new LinkedHashSet<>();
        ArrayDeque<Node> todo = new ArrayDeque<>(direct(node));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (seen.add(n)) {
                todo.addAll(direct(n));
            }
        }
        return new ArrayList<>(seen);
    }

    private Token token(Node p) {
        switch (p.state) {
            case PASSED:
            case UNBLOCKED:
                return Token.SUCCESS;
            case SOFT_FAILED:
                return Token.SUCCESS_WITH_WARNINGS;
            case FAILED:
                return allowFailure(p) ? Token.SUCCESS_WITH_WARNINGS : Token.FAILED;
            case CANCELED:
                return allowFailure(p) ? Token.SUCCESS_WITH_WARNINGS : Token.CANCELED;
            case SKIPPED:
            case NOT_RUN:
                return Token.SKIPPED;
            case MANUAL:
            case BLOCKED:
                return allowFailure(p) ? Token.IGNORED : Token.MANUAL;
            default:
                return Token.CREATED;
        }
    }

    /** Section 6.3 over completed tokens (plus created and manual for the pipeline). */
    private static String composite(List<Token> tokens, boolean dag) {
        if (tokens.isEmpty()) {
            return "success";
        }
        Set<Token> set = new LinkedHashSet<>(tokens);
        if (dag && (set.contains(Token.SKIPPED) || set.contains(Token.IGNORED))) {
            return "skipped";
        }
        if (only(set, Token.SKIPPED, Token.IGNORED)) {
            return "skipped";
        }
        if (only(set, Token.SUCCESS, Token.SKIPPED, Token.SUCCESS_WITH_WARNINGS, Token.IGNORED)) {
            return "success";
        }
        if (only(set, Token.CREATED, Token.SUCCESS_WITH_WARNINGS, Token.IGNORED)) {
            return "created";
        }
        if (only(set, Token.CANCELED, Token.SUCCESS, Token.SKIPPED, Token.SUCCESS_WITH_WARNINGS, Token.IGNORED)) {
            return "canceled";
        }
        if (set.contains(Token.MANUAL)) {
            return "manual";
        }
        if (set.contains(Token.CREATED)) {
            return "running";
        }
        return "failed";
    }

    private static boolean only(Set<Token> set, Token... allowed) {
        return List.of(allowed).containsAll(set);
    }

    /** The job's effective {@code when}: as planned, or (for plans made without it) from its outcome. */
    static When when(Node n) {
        if (n.planned.when() != null) {
            return n.planned.when();
        }
        Outcome o = n.planned.outcome();
        if (o == Outcome.ON_FAILURE) {
            return When.ON_FAILURE;
        }
        if (o == Outcome.BLOCKED || o == Outcome.MANUAL) {
            return When.MANUAL;
        }
        if (o == Outcome.DELAYED) {
            return When.DELAYED;
        }
        return When.ON_SUCCESS;
    }

    /** The job's {@code allow_failure}: as planned, else what the plan's edges out of it say, else its outcome. */
    private boolean allowFailure(Node n) {
        if (n.planned.allowFailure() != null) {
            return n.planned.allowFailure();
        }
        Boolean known = allowFailure == null ? null : allowFailure.get(n);
        if (known != null) {
            return known;
        }
        return n.planned.outcome() == Outcome.MANUAL;
    }

    /** Learns each job's allow_failure from the edges out of it (the plan puts the from-job's flag there). */
    @Override
    public void learn(List<Node> jobs) {
        Map<String, Node> byGroup = new HashMap<>();
        for (Node n : jobs) {
            JobFields.Downstream down = downstream(n);
            if (down != null) {
                byGroup.put(down.group(), n);
            }
        }
        for (Node n : jobs) {
            Node trigger = n.planned.group() == null ? null : byGroup.get(n.planned.group());
            if (trigger != null) {
                owner.put(n, trigger);
                childJobs.computeIfAbsent(trigger, k -> new ArrayList<>()).add(n);
            }
        }
        allowFailure = new HashMap<>();
        for (Node n : jobs) {
            for (Node.In in : n.incoming) {
                allowFailure.put(in.from(), in.allowFailure());
            }
        }
    }

    @Override
    public Finish finish(Node node, JobResult result) {
        JobFields.Downstream down = downstream(node);
        if (down != null && Boolean.FALSE.equals(down.created())) {
            // Ci::CreateDownstreamPipelineService drops the bridge with failure_reason
            // downstream_pipeline_creation_failed when the child pipeline is not created (its workflow:rules
            // match nothing or none of its jobs is in it): "downstream pipeline can not be created"
            return failed(node, "the child pipeline is not created, so GitLab fails the trigger job: downstream"
                    + " pipeline can not be created (downstream_pipeline_creation_failed)");
        }
        String child = down != null && down.depend() && Boolean.TRUE.equals(down.created()) ? childStatus(node) : null;
        if (child != null) {
            // Ci::Bridge#inherit_status_from_downstream!: success -> success, canceled -> canceled,
            // failed or skipped -> failed
            String why = "strategy: depend: the child pipeline ended " + child;
            return switch (child) {
                case "success" -> new Finish(JobState.PASSED, why);
                case "canceled" -> new Finish(allowFailure(node) ? JobState.SOFT_FAILED : JobState.CANCELED,
                        why + (allowFailure(node) ? "; allow_failure: true, so it counts as success with warnings" : ""));
                default -> failed(node, why + ", so the trigger job fails");
            };
        }
        if (down != null && !down.depend() && Boolean.TRUE.equals(down.created()) && result.kind() == JobResult.Kind.PASS) {
            return new Finish(JobState.PASSED, join("the child pipeline is created; without strategy: depend the"
                    + " trigger job succeeds at once, whatever the child's jobs do", result.note()));
        }
        switch (result.kind()) {
            case PASS:
                return new Finish(JobState.PASSED, result.note());
            case SOFT_FAIL:
                return new Finish(JobState.SOFT_FAILED, join("failed with a warning (set by the user)", result.note()));
            case CANCEL:
                return new Finish(JobState.CANCELED, join(allowFailure(node)
                        ? "canceled; allow_failure: true, so it counts as success with warnings" : "canceled", result.note()));
            case FAIL:
            default:
                if (allowFailure(node)) {
                    return new Finish(JobState.SOFT_FAILED, join("exit status " + result.exitStatus()
                            + "; allow_failure: true: failed with a warning, counts as success", result.note()));
                }
                if (node.planned.run().allowFailureExitCodes().contains(result.exitStatus())) {
                    return new Finish(JobState.SOFT_FAILED, join("exit status " + result.exitStatus()
                            + "; allow_failure: exit_codes " + node.planned.run().allowFailureExitCodes()
                            + " includes it: failed with a warning, counts as success", result.note()));
                }
                return new Finish(JobState.FAILED, join("exit status " + result.exitStatus(), result.note()));
        }
    }

    private Finish failed(Node node, String why) {
        return allowFailure(node) ? new Finish(JobState.SOFT_FAILED, why + "; allow_failure: true: failed with a"
                + " warning, counts as success") : new Finish(JobState.FAILED, why);
    }

    private static String join(String a, String b) {
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }

    /** A depend trigger job whose child waits at a manual job: GitLab leaves it running (no status to inherit). */
    @Override
    public List<String> gateNotes(List<Node> gates) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Node, List<Node>> e : childJobs.entrySet()) {
            Node trigger = e.getKey();
            JobFields.Downstream down = downstream(trigger);
            if (trigger.state == JobState.WAITING && down.depend() && e.getValue().stream().anyMatch(gates::contains)) {
                out.add("trigger job " + trigger.id() + " (strategy: depend) stays running: its child pipeline waits"
                        + " for a manual job, and GitLab changes the trigger job's status only when the child"
                        + " pipeline succeeds, fails, is canceled or skipped");
            }
        }
        return out;
    }

    @Override
    public String gateNoun() {
        return "manual job";
    }

    @Override
    public String gateNote(Node node) {
        return allowFailure(node) ? "optional manual job: holds nothing back; runs only if someone plays it"
                : "blocking manual job (allow_failure: false): the stages after it wait until someone plays it";
    }

    @Override
    public String unblockedInAdvanceNote(Node node) {
        return "played as soon as it became playable (--unblock given before it was reached): a manual job can be"
                + " played once its stage or needs let it start (gitlab-semantics 4, manual jobs)";
    }

    @Override
    public boolean failsBuild(Node node) {
        // a child pipeline's job fails its own pipeline; the parent sees it only through a depend trigger job
        return node.state == JobState.FAILED && !allowFailure(node) && !owner.containsKey(node);
    }

    @Override
    public boolean isGate(Node node) {
        return node.planned.outcome() == Outcome.BLOCKED || node.planned.outcome() == Outcome.MANUAL;
    }

    @Override
    public JobState gateState(Node node) {
        return allowFailure(node) ? JobState.MANUAL : JobState.BLOCKED;
    }

    @Override
    public boolean gateRunsWhenUnblocked(Node node) {
        return true;
    }

    @Override
    public boolean holdsBuild(Node gate) {
        return !allowFailure(gate);
    }

    @Override
    public boolean failureEndsGates() {
        return false;
    }

    @Override
    public Finish settleWaiting(Node node) {
        Node trigger = unplayedTrigger(node);
        if (trigger != null) {
            return new Finish(JobState.SKIPPED, "not created: its child pipeline is created when the manual trigger"
                    + " job " + trigger.id() + " is played, and nobody played it");
        }
        for (Node.In in : node.incoming) {
            if (in.from().state == JobState.MANUAL && allowFailure(in.from())) {
                return new Finish(JobState.SKIPPED, "GitLab skips it: it needs the optional manual job "
                        + in.from().id() + ", which nobody played (it is processed again once played)");
            }
        }
        return new Finish(JobState.SKIPPED, "GitLab skips it: what it needs never completes");
    }

    @Override
    public BuildState settledState(List<Node> jobs) {
        List<Token> tokens = new ArrayList<>();
        for (Node n : jobs) {
            if (n.planned.outcome() != Outcome.SKIPPED && !owner.containsKey(n)) {
                tokens.add(token(n));
            }
        }
        switch (composite(tokens, false)) {
            case "failed":
                return BuildState.FAILED;
            case "canceled":
                return BuildState.CANCELED;
            case "manual":
            case "created":
            case "running":
                return BuildState.BLOCKED;
            default:
                return BuildState.PASSED;
        }
    }
}
