package dev.pipelens.gitlab;

import dev.pipelens.model.SourceSpan;

/**
 * One {@code needs} entry on a job in this pipeline: the job name (a parallel/matrix instance name already
 * mapped to its job), whether it is {@code optional}, whether it selects matrix instances, and whether it
 * downloads the job's {@code artifacts} (true unless {@code artifacts: false}).
 */
public record GitLabNeed(String job, boolean optional, boolean matrixSelection, SourceSpan span, boolean artifacts) {

    /** A need that downloads artifacts (GitLab's default). */
    public GitLabNeed(String job, boolean optional, boolean matrixSelection, SourceSpan span) {
        this(job, optional, matrixSelection, span, true);
    }
}
