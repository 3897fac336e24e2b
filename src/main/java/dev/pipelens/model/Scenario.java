package dev.pipelens.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The what-if inputs: the build's facts (branch, tag, commit message, pipeline source, pull-request
 * number, default branch) plus free variables. Each CI system maps the facts onto its own predefined
 * variables (Buildkite {@code build.branch}/{@code BUILDKITE_BRANCH}, GitLab {@code CI_COMMIT_BRANCH}...).
 * Immutable; variables keep insertion order. A null fact means "not set".
 */
public record Scenario(String branch, String tag, String message, String source, String pullRequest,
                       String defaultBranch, Map<String, String> variables) {

    public static final String DEFAULT_BRANCH = "main";

    public Scenario {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables == null ? Map.of() : variables));
    }

    /** A push to the default branch {@code main}, with no variables: what the window shows first. */
    public static Scenario defaults() {
        return new Scenario(DEFAULT_BRANCH, null, null, null, null, DEFAULT_BRANCH, Map.of());
    }

    /** The default branch to assume when none was given. */
    public String effectiveDefaultBranch() {
        return defaultBranch == null || defaultBranch.isEmpty() ? DEFAULT_BRANCH : defaultBranch;
    }

    public Scenario withBranch(String value) {
        return new Scenario(value, tag, message, source, pullRequest, defaultBranch, variables);
    }

    public Scenario withTag(String value) {
        return new Scenario(branch, value, message, source, pullRequest, defaultBranch, variables);
    }

    public Scenario withMessage(String value) {
        return new Scenario(branch, tag, value, source, pullRequest, defaultBranch, variables);
    }

    public Scenario withSource(String value) {
        return new Scenario(branch, tag, message, value, pullRequest, defaultBranch, variables);
    }

    public Scenario withPullRequest(String value) {
        return new Scenario(branch, tag, message, source, value, defaultBranch, variables);
    }

    public Scenario withDefaultBranch(String value) {
        return new Scenario(branch, tag, message, source, pullRequest, value, variables);
    }

    /** This scenario with one variable set; a null value removes it. */
    public Scenario withVariable(String name, String value) {
        Objects.requireNonNull(name, "name");
        Map<String, String> copy = new LinkedHashMap<>(variables);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Scenario(branch, tag, message, source, pullRequest, defaultBranch, copy);
    }

    public Scenario withVariables(Map<String, String> values) {
        return new Scenario(branch, tag, message, source, pullRequest, defaultBranch, values);
    }
}
