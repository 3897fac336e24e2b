package dev.pipelens.model;

/**
 * A Buildkite pipeline step. The set is closed; anything the parser cannot classify becomes an
 * {@link UnknownStep} so that nothing the user wrote disappears.
 */
public sealed interface Step permits CommandStep, WaitStep, BlockStep, InputStep, TriggerStep, GroupStep, UnknownStep {

    /** The attributes every step has. */
    StepInfo info();

    /** The kind of step, as listed in plans. Unknown steps report {@link StepType#COMMAND}. */
    StepType type();

    default String id() {
        return info().id();
    }

    /** The label to show: the written label, else the key, else the id. */
    default String displayLabel() {
        StepInfo i = info();
        if (i.label() != null && !i.label().isBlank()) {
            return i.label();
        }
        return i.key() != null ? i.key() : i.id();
    }

    /** Number of jobs the step creates ({@code parallelism}, matrix size); 1 for most steps. */
    default int jobCount() {
        return 1;
    }
}
