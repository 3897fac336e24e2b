package dev.pipelens.gitlab;

import dev.pipelens.model.SourceSpan;

import java.util.List;

/**
 * An {@code include:} entry with {@code rules:}: whether the file is included depends on the scenario.
 * {@code id} is stable for one loaded configuration ({@code file#index}).
 */
public record IncludeCondition(String id, String location, List<GitLabRule> rules, SourceSpan span) {

    public IncludeCondition {
        rules = List.copyOf(rules);
    }
}
