package dev.pipelens.model;

import java.util.List;

/** A {@code group} step: its children run in their own scope; its {@code if}, {@code skip} and {@code depends_on} apply to them. */
public record GroupStep(StepInfo info, List<Step> steps) implements Step {

    public GroupStep {
        steps = List.copyOf(steps);
    }

    @Override
    public StepType type() {
        return StepType.GROUP;
    }
}
