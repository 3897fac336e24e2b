package dev.pipelens.github;

import dev.pipelens.model.Diagnostic;

import java.util.List;

/**
 * A workflow file as read: its triggers, inputs and jobs in source order, and the problems found.
 * {@link #invalid()} is true when GitHub would reject the file (no run is created for any event).
 */
public record Workflow(String file, String name, List<Trigger> triggers, List<WorkflowInput> dispatchInputs,
                       List<WorkflowInput> callInputs, List<WorkflowJob> jobs, String concurrency,
                       List<Diagnostic> diagnostics) {

    public Workflow {
        triggers = List.copyOf(triggers);
        dispatchInputs = List.copyOf(dispatchInputs);
        callInputs = List.copyOf(callInputs);
        jobs = List.copyOf(jobs);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether GitHub would reject this file (any error diagnostic). */
    public boolean invalid() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The trigger for {@code event}, or null. */
    public Trigger trigger(String event) {
        for (Trigger t : triggers) {
            if (t.event().equals(event)) {
                return t;
            }
        }
        return null;
    }

    /** The job with this id (case-insensitive, as GitHub matches needs), or null. */
    public WorkflowJob job(String id) {
        for (WorkflowJob j : jobs) {
            if (j.id().equalsIgnoreCase(id)) {
                return j;
            }
        }
        return null;
    }
}
