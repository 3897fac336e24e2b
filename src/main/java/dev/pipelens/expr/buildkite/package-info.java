/**
 * Buildkite's step {@code if:} conditional language (server side, as specified by buildkite/conditional):
 * {@link dev.pipelens.expr.buildkite.Lexer} → {@link dev.pipelens.expr.buildkite.Parser} (AST of
 * {@link dev.pipelens.expr.buildkite.Node}s) → {@link dev.pipelens.expr.buildkite.TypeChecker} →
 * {@link dev.pipelens.expr.buildkite.Evaluator}. The public entry point is
 * {@link dev.pipelens.expr.buildkite.BuildkiteConditions#compile(String)}.
 */
package dev.pipelens.expr.buildkite;
