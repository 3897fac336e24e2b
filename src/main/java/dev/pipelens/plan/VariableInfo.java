package dev.pipelens.plan;

import java.util.List;

/**
 * A variable that a pipeline's conditions read, for {@code pipelens vars} and the window's toggles.
 *
 * @param name     the variable ({@code NIGHTLY}, {@code build.branch}, {@code CI_COMMIT_TAG})
 * @param kind     {@code env} for an environment variable, {@code build} for a Buildkite build variable
 * @param values   literal values the conditions compare it with, in first-seen order (regexes as {@code /re/})
 * @param usedBy   ids of the steps (or "workflow") whose conditions read it, in source order
 */
public record VariableInfo(String name, String kind, List<String> values, List<String> usedBy) {

    public VariableInfo {
        values = List.copyOf(values);
        usedBy = List.copyOf(usedBy);
    }
}
