package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;

import java.util.List;

/**
 * A composed GitLab configuration: stage order (with {@code .pre} first and {@code .post} last), top-level
 * variables, {@code workflow}, the jobs in source order, and every problem found while composing it.
 * {@code defaultOnlyApplies} is false when {@code workflow:rules} exists (GitLab then drops the implicit
 * {@code only: [branches, tags]}).
 */
public record GitLabConfig(List<String> stages, List<GitLabVariable> variables, GitLabWorkflow workflow,
                           List<GitLabJob> jobs, List<Diagnostic> diagnostics) {

    public GitLabConfig {
        stages = List.copyOf(stages);
        variables = List.copyOf(variables);
        jobs = List.copyOf(jobs);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether GitLab would reject this configuration (any error diagnostic). */
    public boolean invalid() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean defaultOnlyApplies() {
        return workflow == null || workflow.rules() == null;
    }
}
