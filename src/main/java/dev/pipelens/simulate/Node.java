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
public final class Node {

    /**
     * One dependency as the simulation sees it: edges into a group are copied to each child, and an edge
     * from a group becomes one edge from each child ("the whole group finished").
     *
     * @param continueOnFailure the edge leads into a wait with {@code continue_on_failure} (and that is
     *                          the only reason its failure is allowed)
     * @param explicit          written as {@code depends_on}/{@code needs} (GitLab: a DAG job)
     */
    public record In(Node from, boolean allowFailure, boolean continueOnFailure, boolean explicit) {
    }

    public final PlannedStep planned;
    /** The step as written, for running it for real (null where the system has no step model). */
    public final Step model;
    public final List<In> incoming = new ArrayList<>();
    /** Children, for a group node. */
    public final List<Node> children = new ArrayList<>();
    /** Whether the plan says it can never start (missing key, cycle, behind such a step). */
    public final boolean never;

    public JobState state;
    public String note;
    /** Finished while a hard failure upstream was let through (allow_failure, continue_on_failure). */
    public boolean tainted;
    /** Not run because a wait/block barrier (or a cancellation) stopped the build here. */
    public boolean stopped;
    /** Unblocked by the user before it was reached. */
    public boolean approved;
    public final Map<String, String> fieldValues = new LinkedHashMap<>();
    public JobResult preset;
    public JobResult result;
    /** Counted among the steps that fail the build (Simulation's incremental count). */
    boolean countedFailing;

    public Node(PlannedStep planned) {
        this.planned = planned;
        this.model = planned.run().source();
        this.never = planned.outcome() == Outcome.NEVER;
        clear();
    }

    public void clear() {
        state = planned.outcome() == Outcome.SKIPPED ? JobState.SKIPPED : JobState.WAITING;
        note = null;
        tainted = false;
        stopped = false;
        approved = false;
        fieldValues.clear();
        result = null;
    }

    public String id() {
        return planned.id();
    }

    public StepType type() {
        return planned.type();
    }

    public boolean isGroup() {
        return planned.type() == StepType.GROUP;
    }

    @Override
    public String toString() {
        return id() + "=" + state.id();
    }
}
