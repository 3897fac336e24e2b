/**
 * Buildkite's step {@code if:} conditional language (server side, as specified by buildkite/conditional):
 * {@link dev.pipelens.buildkite.expr.Lexer} → {@link dev.pipelens.buildkite.expr.Parser} (AST of
 * {@link dev.pipelens.buildkite.expr.Node}s) → {@link dev.pipelens.buildkite.expr.TypeChecker} →
 * {@link dev.pipelens.buildkite.expr.Evaluator}. The public entry point is
 * {@link dev.pipelens.buildkite.expr.BuildkiteConditions#compile(String)}.
 */
package dev.pipelens.buildkite.expr;
