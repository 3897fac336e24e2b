package dev.pipelens.simulate;

import dev.pipelens.model.Step;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable run state of one step inside a {@link Simulation}; confined to the simulation. */
final class Node {

    /**
     * One dependency as the simulation sees it: edges into a group are copied to each child, and an edge
     * from a group becomes one edge from each child ("the whole group finished").
     *
     * @param continueOnFailure the edge leads into a wait with {@code continue_on_failure} (and that is
     *                          the only reason its failure is allowed)
     * @param explicit          written as {@code depends_on}/{@code needs} (GitLab: a DAG job)
     */
    record In(Node from, boolean allowFailure, boolean continueOnFailure, boolean explicit) {
    }

    final PlannedStep planned;
    final Step model;
    final List<In> incoming = new ArrayList<>();
    /** Children, for a group node. */
    final List<Node> children = new ArrayList<>();
    /** Whether the plan says it can never start (missing key, cycle, behind such a step). */
    final boolean never;

    JobState state;
    String note;
    /** Finished while a hard failure upstream was let through (allow_failure, continue_on_failure). */
    boolean tainted;
    /** Not run because a wait/block barrier (or a cancellation) stopped the build here. */
    boolean stopped;
    /** Unblocked by the user before it was reached. */
    boolean approved;
    final Map<String, String> fieldValues = new LinkedHashMap<>();
    JobResult preset;
    JobResult result;
    /** Counted among the steps that fail the build (Simulation's incremental count). */
    boolean countedFailing;

    Node(PlannedStep planned, Step model) {
        this.planned = planned;
        this.model = model;
        this.never = planned.outcome() == Outcome.NEVER;
        clear();
    }

    void clear() {
        state = planned.outcome() == Outcome.SKIPPED ? JobState.SKIPPED : JobState.WAITING;
        note = null;
        tainted = false;
        stopped = false;
        approved = false;
        fieldValues.clear();
        result = null;
    }

    String id() {
        return planned.id();
    }

    StepType type() {
        return planned.type();
    }

    boolean isGroup() {
        return planned.type() == StepType.GROUP;
    }

    @Override
    public String toString() {
        return id() + "=" + state.id();
    }
}
