package dev.pipelens.expr.buildkite;

import dev.pipelens.expr.ExpressionException;

/**
 * Entry point for Buildkite step conditions ({@code if:}). {@link #compile(String)} parses and validates
 * like the Buildkite server does at upload time; a condition it rejects would reject the whole upload.
 * Thread-safe and stateless.
 */
public final class BuildkiteConditions {

    /** Built-in variables the server sets to "" (not unset) when the build has no value for them. */
    public static final java.util.List<String> BLANK_BUILTINS = BuildkiteVariables.BLANK_BUILTINS;


    private BuildkiteConditions() {
    }

    /**
     * Parses and type-checks {@code source} (the text after the agent's own {@code $VAR} interpolation).
     *
     * @throws ExpressionException with kind PARSE, VALIDATION or RESULT and the offset of the problem
     */
    public static CompiledCondition compile(String source) throws ExpressionException {
        Node root = Parser.parse(source);
        TypeChecker.validate(source, root);
        return new CompiledCondition(source, root, VariableCollector.collect(root));
    }
}
