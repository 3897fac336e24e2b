package dev.pipelens.model;

/** A {@code wait} step: a barrier for the steps after it. */
public record WaitStep(StepInfo info, boolean continueOnFailure) implements Step {

    @Override
    public StepType type() {
        return StepType.WAIT;
    }
}
