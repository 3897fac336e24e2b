package dev.pipelens.model;

import java.util.List;

/** An {@code input} step: waits for a person but holds nothing back unless depended on. */
public record InputStep(StepInfo info, String prompt, List<InputField> fields, String blockedState) implements Step {

    public InputStep {
        fields = List.copyOf(fields);
    }

    @Override
    public StepType type() {
        return StepType.INPUT;
    }
}
