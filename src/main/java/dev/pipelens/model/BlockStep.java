package dev.pipelens.model;

import java.util.List;

/** A {@code block} step: a gate that waits for a person and a barrier like a wait. */
public record BlockStep(StepInfo info, String prompt, List<InputField> fields, String blockedState) implements Step {

    public BlockStep {
        fields = List.copyOf(fields);
    }

    @Override
    public StepType type() {
        return StepType.BLOCK;
    }
}
