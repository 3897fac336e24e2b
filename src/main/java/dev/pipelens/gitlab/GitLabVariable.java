package dev.pipelens.gitlab;

import dev.pipelens.model.SourceSpan;

import java.util.List;

/**
 * A variable defined in YAML ({@code NAME: value} or {@code NAME: {value:, description:, options:}}).
 * Numbers and booleans become their text; a YAML null becomes the empty string.
 */
public record GitLabVariable(String name, String value, String description, List<String> options, SourceSpan span) {

    public GitLabVariable {
        options = List.copyOf(options);
    }
}
