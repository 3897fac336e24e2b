package dev.pipelens.model;

import java.util.Map;

/** A {@code trigger} step: starts a build of another pipeline; waits for it unless {@code async}. */
public record TriggerStep(StepInfo info, String pipeline, boolean async, String buildBranch,
                          Map<String, String> buildEnv, SoftFail softFail, int parallelism) implements Step {

    public TriggerStep {
        buildEnv = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buildEnv));
    }

    @Override
    public StepType type() {
        return StepType.TRIGGER;
    }

    @Override
    public int jobCount() {
        return Math.max(1, parallelism);
    }
}
