package dev.pipelens.gitlab.expr;

import java.util.List;

/**
 * The result of evaluating an expression: whether the statement is truthful (GitLab's {@code present?} of
 * the final value), every variable read in order (each once), and an error message when evaluation failed
 * (an invalid expression evaluates to false, as in GitLab).
 */
public record Evaluation(boolean result, List<VariableRead> reads, String error) {

    public Evaluation {
        reads = List.copyOf(reads);
    }

    /** The reads as {@code $A = "x", $B undefined}, or empty text when nothing was read. */
    public String describeReads() {
        StringBuilder sb = new StringBuilder();
        for (VariableRead r : reads) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(r.describe());
        }
        return sb.toString();
    }
}
