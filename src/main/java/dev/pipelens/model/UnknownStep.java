package dev.pipelens.model;

/** A step whose type could not be recognised; kept so that it is shown, planned as a command. */
public record UnknownStep(StepInfo info, String typeName) implements Step {

    @Override
    public StepType type() {
        return StepType.COMMAND;
    }
}
