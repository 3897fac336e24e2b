package dev.pipelens.model;

/** One entry of {@code depends_on}: the key depended on, and whether its failure is allowed. */
public record Dependency(String key, boolean allowFailure, SourceSpan span) {
}
