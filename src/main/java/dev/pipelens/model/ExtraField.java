package dev.pipelens.model;

/**
 * A step attribute Pipelens does not interpret (plugins, agents, artifact_paths, ...), kept in source
 * order so the window can show everything that was written. {@code value} is a compact YAML-like rendering.
 */
public record ExtraField(String name, String value, SourceSpan span) {
}
