package dev.pipelens.expr;

/** Why an expression was rejected before evaluation (mirrors buildkite/conditional's error kinds). */
public enum ExpressionErrorKind {
    /** The text is not a valid expression (bad token, missing operand, unsupported regex). */
    PARSE,
    /** Parsed, but a type rule, an unknown variable or an unsupported {@code env()} name rejects it. */
    VALIDATION,
    /** The whole expression has a type other than boolean (or null). */
    RESULT
}
