/**
 * GitHub Actions' expression language, as GitHub's own evaluator (actions/languageservices, package
 * {@code @actions/expressions}): {@link dev.pipelens.github.expr.GhExpression} parses with the contexts and
 * functions a workflow key allows, {@link dev.pipelens.github.expr.Evaluator} evaluates with loose,
 * case-insensitive comparison and records what it read, {@link dev.pipelens.github.expr.Template} turns
 * {@code ${{ }}} values into expressions. Depends on nothing of the project.
 */
package dev.pipelens.github.expr;
