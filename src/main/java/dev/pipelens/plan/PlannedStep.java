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
 */
public record PlannedStep(String id, String key, String label, StepType type, String group, Outcome outcome,
                          int jobs, List<String> reasons, List<String> dependsOn, SourceSpan span,
                          String condition) {

    public PlannedStep {
        reasons = List.copyOf(reasons);
        dependsOn = List.copyOf(dependsOn);
        span = span == null ? SourceSpan.NONE : span;
    }
}
