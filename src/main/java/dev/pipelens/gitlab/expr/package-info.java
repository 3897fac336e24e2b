/**
 * The GitLab CI/CD variable expression dialect of {@code rules:if}, {@code workflow:rules:if} and
 * {@code only/except:variables} (spec/gitlab-semantics.md section 2): {@link dev.pipelens.gitlab.expr.GitLabLexer}
 * (tokens with 0-based offsets), {@link dev.pipelens.gitlab.expr.GitLabExpr} (immutable AST),
 * {@link dev.pipelens.gitlab.expr.GitLabExprParser} (precedence: comparisons, then {@code &&}, then {@code ||}),
 * {@link dev.pipelens.gitlab.expr.GitLabEvaluator} (Ruby value semantics, RE2/J regexes) and the public
 * entry point {@link dev.pipelens.gitlab.expr.GitLabExpression}.
 *
 * <p>Deliberately not supported, as in GitLab's job rules: {@code ${VAR}}, numbers, bare words, {@code !},
 * {@code true}/{@code false}, {@code $[[ inputs.x ]]}, escapes inside string literals. Uses only java.*,
 * {@code dev.pipelens.model} and {@code com.google.re2j}.
 */
package dev.pipelens.gitlab.expr;
