package dev.pipelens.expr;

import java.util.List;

/**
 * The outcome of evaluating a compiled condition once.
 *
 * @param result      true or false (a null result of the whole expression counts as false); null when a
 *                    run-time error happened
 * @param error       the run-time error message, or null
 * @param errorOffset 0-based offset of the failing sub-expression, or -1 without error
 * @param trace       evaluated sub-expressions in evaluation order (innermost first); literals are left out
 * @param reads       variables read, in first-read order, each once; short-circuited operands read nothing
 */
public record Evaluation(Boolean result, String error, int errorOffset, List<SubValue> trace, List<ReadValue> reads) {

    /** Whether evaluation ended with a run-time error. */
    public boolean failed() {
        return error != null;
    }

    /** Whether the result is true (false for a run-time error). */
    public boolean isTrue() {
        return Boolean.TRUE.equals(result);
    }

    /** The reads rendered for a reason sentence: {@code NIGHTLY = "1", build.tag = null}; empty when nothing was read. */
    public String explain() {
        return explain(this);
    }

    /** The reads of {@code evaluation} rendered as {@code NIGHTLY = "1", build.tag = null}. */
    public static String explain(Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        for (ReadValue read : evaluation.reads()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(read.name()).append(" = ").append(read.rendered());
        }
        return out.toString();
    }
}
