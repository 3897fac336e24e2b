package dev.pipelens.model;

import java.util.List;
import java.util.Map;

/**
 * A {@code command}/{@code commands}/{@code script} step (or a plugins-only step).
 *
 * @param matrixJobs the expanded matrix jobs (empty when there is no matrix)
 */
public record CommandStep(StepInfo info, List<String> commands, SoftFail softFail, int parallelism,
                          List<MatrixJob> matrixJobs, Map<String, String> env, String concurrencyGroup,
                          Integer concurrency, boolean cancelOnBuildFailing) implements Step {

    public CommandStep {
        commands = List.copyOf(commands);
        matrixJobs = List.copyOf(matrixJobs);
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }

    @Override
    public StepType type() {
        return StepType.COMMAND;
    }

    @Override
    public int jobCount() {
        if (!matrixJobs.isEmpty()) {
            return matrixJobs.size();
        }
        return Math.max(1, parallelism);
    }
}
