package dev.pipelens.gui.why;

import dev.pipelens.expr.SubValue;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlannedStep;

import java.util.List;

/**
 * Everything the why panel shows for one selected step, computed off the JavaFX thread.
 *
 * @param step            the planned step
 * @param trace           each evaluated sub-expression of its {@code if:} with its value (innermost first)
 * @param conditionValue  the value of the whole condition ({@code true}, {@code false}, an error), or null
 * @param excerpt         the YAML lines around the step, its own lines highlighted
 * @param dependsOn       the steps it waits for
 * @param dependents      the steps that wait for it
 * @param groups          the groups it sits in, innermost first: their dependencies and conditions apply
 *                        to it too, so the panel shows their reasons
 */
public record StepDetails(PlannedStep step, List<SubValue> trace, String conditionValue, List<ExcerptLine> excerpt,
                          List<Link> dependsOn, List<Link> dependents, List<PlannedStep> groups) {

    public StepDetails {
        trace = List.copyOf(trace);
        excerpt = List.copyOf(excerpt);
        dependsOn = List.copyOf(dependsOn);
        dependents = List.copyOf(dependents);
        groups = List.copyOf(groups);
    }

    /** One line of the YAML excerpt. {@code focus} marks the line a diagnostic points at. */
    public record ExcerptLine(int number, String text, boolean highlighted, boolean focus) {
    }

    /** A step named in the panel, clickable; {@code via} names the group the dependency is inherited from, or null. */
    public record Link(String id, String label, Outcome outcome, String via) {
    }
}
