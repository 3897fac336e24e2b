package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Evaluation;
import dev.pipelens.expr.VariableUse;

import java.util.List;

/**
 * A parsed and validated Buildkite condition. Immutable and thread-safe; {@link #evaluate} may be called
 * concurrently and allocates only what one evaluation needs (the trace is rendered when read).
 */
public final class CompiledCondition {

    private final String source;
    private final Node root;
    private final List<VariableUse> variables;

    CompiledCondition(String source, Node root, List<VariableUse> variables) {
        this.source = source;
        this.root = root;
        this.variables = variables;
    }

    /** The condition text as compiled. */
    public String source() {
        return source;
    }

    /** Evaluates once. Never throws: run-time errors come back in {@link Evaluation#error()}. */
    public Evaluation evaluate(BuildkiteContext context) {
        return Evaluator.evaluate(source, root, context);
    }

    /** Every variable the condition reads, with the literal values it is compared to, by first use. */
    Node root() {
        return root;
    }

    public List<VariableUse> variables() {
        return variables;
    }

    @Override
    public String toString() {
        return source;
    }
}
