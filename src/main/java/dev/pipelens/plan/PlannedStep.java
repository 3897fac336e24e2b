package dev.pipelens.plan;

import dev.pipelens.model.SourceSpan;
import dev.pipelens.model.StepType;

import java.util.List;

/**
 * One step of a {@link Plan}: identity, outcome and the reasons for it.
 *
 * @param id        stable id (key, or generated)
 * @param key       the key as written, or null
 * @param label     the label to show
 * @param type      the step type
 * @param group     the id of the enclosing group, or null
 * @param outcome   the static outcome
 * @param jobs      how many jobs the step creates (matrix, parallelism)
 * @param reasons   human sentences naming the rule, the condition text and the values it read
 * @param dependsOn ids this step waits for in the effective graph (explicit and implicit), source order
 * @param span      where the step is written
 * @param condition the condition text, or null (for the window's "why" panel)
 * @param when      GitLab: the job's effective {@code when} after rules ({@code on_success}, {@code manual},
 *                  {@code always}, {@code on_failure}, {@code delayed}); null for Buildkite steps
 * @param allowFailure GitLab: the job's effective {@code allow_failure}; null for Buildkite steps
 * @param job       GitLab: stage, needs and allowed exit codes; null for Buildkite steps
 */
public record PlannedStep(String id, String key, String label, StepType type, String group, Outcome outcome,
                          int jobs, List<String> reasons, List<String> dependsOn, SourceSpan span,
                          String condition, String when, Boolean allowFailure, JobFields job) {

    public PlannedStep {
        reasons = List.copyOf(reasons);
        dependsOn = List.copyOf(dependsOn);
        span = span == null ? SourceSpan.NONE : span;
    }

    /** A step without GitLab job settings (every Buildkite step). */
    public PlannedStep(String id, String key, String label, StepType type, String group, Outcome outcome,
                       int jobs, List<String> reasons, List<String> dependsOn, SourceSpan span, String condition) {
        this(id, key, label, type, group, outcome, jobs, reasons, dependsOn, span, condition, null, null, null);
    }
}
