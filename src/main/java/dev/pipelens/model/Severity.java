package dev.pipelens.model;

/** How bad a {@link Diagnostic} is. {@code ERROR} means the CI system would refuse or never run something. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name used in JSON and text output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
