package dev.pipelens.yaml;

import dev.pipelens.model.Diagnostic;

import java.util.List;

/**
 * The result of loading one YAML file: the root node (null when the text could not be parsed at all,
 * or was empty) and every problem found, each located.
 */
public record YamlDocument(String file, String text, YamlNode root, List<Diagnostic> diagnostics) {

    public YamlDocument {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
