package dev.pipelens.plan;

import java.util.Objects;

/**
 * One reason for a step's outcome: what kind of fact it states, and the sentence a person reads (the
 * text every output shows, unchanged). Code that needs to know why a step is as it is looks at the
 * {@link Kind}, never at the words.
 */
public record Reason(Kind kind, String text) {

    /** What a reason is about. */
    public enum Kind {
        /** Anything not listed below: a condition, a rule, a filter, what the step waits for. */
        GENERAL,
        /** The stage the job belongs to (GitLab), said for orientation rather than as a cause. */
        STAGE,
        /** A dependency names a key no step has, so the step never starts. */
        MISSING_DEPENDENCY,
        /** The step is part of a dependency cycle, so it never starts. */
        CYCLE,
        /** The step waits for a step that never starts. */
        WAITS_FOR_NEVER
    }

    public Reason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** A {@link Kind#GENERAL} reason. */
    public static Reason of(String text) {
        return new Reason(Kind.GENERAL, text);
    }

    /** Whether this reason says why the step can never start. */
    public boolean explainsNever() {
        return kind == Kind.MISSING_DEPENDENCY || kind == Kind.CYCLE || kind == Kind.WAITS_FOR_NEVER;
    }

    @Override
    public String toString() {
        return text;
    }
}
