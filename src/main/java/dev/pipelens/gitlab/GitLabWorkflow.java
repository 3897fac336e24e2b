package dev.pipelens.gitlab;

import dev.pipelens.model.SourceSpan;

import java.util.List;

/** {@code workflow:rules} (null list = no {@code workflow:rules}: every pipeline runs). */
public record GitLabWorkflow(List<GitLabRule> rules, SourceSpan span) {

    public GitLabWorkflow {
        rules = rules == null ? null : List.copyOf(rules);
    }
}
