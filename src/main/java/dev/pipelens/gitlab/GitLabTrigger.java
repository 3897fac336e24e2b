package dev.pipelens.gitlab;

import dev.pipelens.model.SourceSpan;

import java.util.List;

/**
 * A trigger job's {@code trigger:}: what downstream pipeline it creates and what it passes on.
 *
 * @param kind        a child pipeline from files of this repository (followed), a child pipeline Pipelens cannot
 *                    read (an artifact a job generates, or a template/remote/project include), or a multi-project
 *                    pipeline ({@code trigger: project:})
 * @param localFiles  for {@link Kind#CHILD}: the {@code include:} files, in order
 * @param what        what the trigger names, for reasons ("artifact child.yml of job gen", "project a/b")
 * @param depend      {@code strategy: depend}: the trigger job's status follows the downstream pipeline's
 * @param forwardYamlVariables     {@code forward: yaml_variables} (default true): the job's variables (with the
 *                                 global ones it inherits) become the child's pipeline variables
 * @param forwardPipelineVariables {@code forward: pipeline_variables} (default false): this pipeline's variables too
 */
public record GitLabTrigger(Kind kind, List<String> localFiles, String what, boolean depend,
                            boolean forwardYamlVariables, boolean forwardPipelineVariables, SourceSpan span) {

    /** What a trigger creates, as far as Pipelens can follow it. */
    public enum Kind { CHILD, DYNAMIC_CHILD, PROJECT }

    public GitLabTrigger {
        localFiles = List.copyOf(localFiles);
    }
}
