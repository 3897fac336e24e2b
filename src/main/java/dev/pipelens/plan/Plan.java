package dev.pipelens.plan;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The what-if answer for one file and one scenario: whether the pipeline is created, one
 * {@link PlannedStep} per step in source order, the effective dependency edges, and diagnostics.
 * Immutable; the CLI, the window and every exporter render the same instance.
 */
public record Plan(String file, CiSystem system, Scenario scenario, boolean created, List<String> pipelineReasons,
                   List<PlannedStep> steps, List<PlanEdge> edges, List<Diagnostic> diagnostics) {

    public Plan {
        pipelineReasons = List.copyOf(pipelineReasons);
        steps = List.copyOf(steps);
        edges = List.copyOf(edges);
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<PlannedStep> step(String id) {
        for (PlannedStep s : steps) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Steps by id, in source order. */
    public Map<String, PlannedStep> stepsById() {
        Map<String, PlannedStep> m = new LinkedHashMap<>();
        for (PlannedStep s : steps) {
            m.put(s.id(), s);
        }
        return m;
    }

    /** How many steps have each outcome (groups not counted). */
    public Map<Outcome, Integer> countsByOutcome() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (PlannedStep s : steps) {
            if (s.type() != dev.pipelens.model.StepType.GROUP) {
                counts.merge(s.outcome(), 1, Integer::sum);
            }
        }
        return counts;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
