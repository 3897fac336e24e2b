/**
 * Shared value types of the CI expression languages: {@link dev.pipelens.expr.Value},
 * {@link dev.pipelens.expr.ExpressionException}, {@link dev.pipelens.expr.Evaluation} and what it reports.
 * Depends on nothing of the project but {@code dev.pipelens.model}; regular expressions use RE2/J only.
 */
package dev.pipelens.expr;
