package dev.pipelens.model;

import java.util.List;

/** A {@code fields} entry of a block or input step: text or select, with its key and default. */
public record InputField(String kind, String key, String label, boolean required, String defaultValue,
                         List<String> options) {

    public InputField {
        options = List.copyOf(options);
    }
}
