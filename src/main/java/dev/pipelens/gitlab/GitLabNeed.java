package dev.pipelens.gitlab;

import dev.pipelens.model.SourceSpan;

/**
 * One {@code needs} entry on a job in this pipeline: the job name (a parallel/matrix instance name already
 * mapped to its job), whether it is {@code optional}, and whether it selects matrix instances.
 */
public record GitLabNeed(String job, boolean optional, boolean matrixSelection, SourceSpan span) {
}
