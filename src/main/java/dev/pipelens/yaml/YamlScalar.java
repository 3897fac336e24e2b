package dev.pipelens.yaml;

import dev.pipelens.model.SourceSpan;

/**
 * A scalar: its text exactly as the YAML parser read it, and how the YAML 1.2 core schema resolves it.
 * A quoted {@code "true"} is a {@link Kind#STRING}; a plain {@code true} is a {@link Kind#BOOL}.
 */
public record YamlScalar(String value, Kind kind, boolean quoted, String tag, SourceSpan span) implements YamlNode {

    /** The core-schema type of a scalar. */
    public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The text, or null for a YAML null. */
    public String text() {
        return kind == Kind.NULL ? null : value;
    }

    /** True for a boolean true, or the strings "true"; false for false/"false"; null otherwise. */
    public Boolean asBoolean() {
        if (kind == Kind.NULL) {
            return null;
        }
        if ("true".equals(value)) {
            return Boolean.TRUE;
        }
        if ("false".equals(value)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The integer value, or null when this is not an integer. */
    public Long asLong() {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public YamlScalar withValue(String newValue) {
        return new YamlScalar(newValue, kind, quoted, tag, span);
    }

    @Override
    public String describe() {
        return switch (kind) {
            case NULL -> "null";
            case STRING -> "the string \"" + value + "\"";
            default -> value;
        };
    }
}
