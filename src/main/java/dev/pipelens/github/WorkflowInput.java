package dev.pipelens.github;

import dev.pipelens.model.SourceSpan;

import java.util.List;

/**
 * One {@code workflow_dispatch} or {@code workflow_call} input.
 *
 * @param type         {@code string, boolean, number, choice, environment}
 * @param defaultValue the default as written (YAML text), or null
 * @param options      a choice input's options, else empty
 */
public record WorkflowInput(String name, String type, boolean required, String defaultValue, List<String> options,
                            String description, SourceSpan span) {

    public WorkflowInput {
        options = List.copyOf(options);
        type = type == null ? "string" : type;
    }
}
