package dev.pipelens.model;

import java.util.Objects;

/**
 * One problem found in a pipeline file: a stable {@code code} (tests assert it, never the wording), a
 * severity, a human message, where it is, and the YAML path of the node ({@code steps[3].if}).
 */
public record Diagnostic(Severity severity, String code, String message, SourceSpan span, String path) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        span = span == null ? SourceSpan.NONE : span;
        path = path == null ? "" : path;
    }

    public static Diagnostic error(String code, String message, SourceSpan span) {
        return new Diagnostic(Severity.ERROR, code, message, span, "");
    }

    public static Diagnostic warning(String code, String message, SourceSpan span) {
        return new Diagnostic(Severity.WARNING, code, message, span, "");
    }

    public static Diagnostic info(String code, String message, SourceSpan span) {
        return new Diagnostic(Severity.INFO, code, message, span, "");
    }

    public Diagnostic withPath(String newPath) {
        return new Diagnostic(severity, code, message, span, newPath);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form used on stderr: {@code FILE:LINE:COLUMN: message}. */
    public String toLine() {
        return span + ": " + severity.label() + ": " + message + " [" + code + "]";
    }
}
