package dev.pipelens.gitlab.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed GitLab expression ({@code rules:if} text): the entry point of this package. Parse once, evaluate
 * for many scenarios. Never throws for bad input: an invalid expression carries an {@link ExpressionError}
 * (with a 0-based offset) and evaluates to false, as GitLab's {@code Statement#truthful?} does.
 * Immutable and thread-safe.
 */
public final class GitLabExpression {

    private final String text;
    private final GitLabExpr tree;
    private final ExpressionError error;

    private GitLabExpression(String text, GitLabExpr tree, ExpressionError error) {
        this.text = text;
        this.tree = tree;
        this.error = error;
    }

    /** Lexes and parses {@code text}. */
    public static GitLabExpression parse(String text) {
        String source = text == null ? "" : text;
        try {
            return new GitLabExpression(source, GitLabExprParser.parse(GitLabLexer.tokenize(source)), null);
        } catch (GitLabLexer.SyntaxException e) {
            return new GitLabExpression(source, null, e.error());
        }
    }

    public String text() {
        return text;
    }

    public boolean isValid() {
        return error == null;
    }

    /** The syntax error, or null when valid. */
    public ExpressionError error() {
        return error;
    }

    /** The syntax tree, or null when invalid. */
    public GitLabExpr tree() {
        return tree;
    }

    /** Evaluates against {@code variables}; an invalid expression gives false with the error as reason. */
    public Evaluation evaluate(VariableLookup variables) {
        if (error != null) {
            return new Evaluation(false, List.of(), "invalid expression: " + error.message());
        }
        return GitLabEvaluator.evaluate(tree, variables);
    }

    /**
     * Every variable the expression reads, in order, with the literals it is compared to ({@code "x"} as
     * {@code x}, regexes as {@code /re/flags}; {@code null} is not listed). Empty when invalid.
     */
    public Map<String, List<String>> comparedLiterals() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (tree != null) {
            collect(tree, out);
        }
        return out;
    }

    private static void collect(GitLabExpr e, Map<String, List<String>> out) {
        if (e instanceof GitLabExpr.Variable v) {
            out.computeIfAbsent(v.name(), k -> new ArrayList<>());
        } else if (e instanceof GitLabExpr.Logical l) {
            collect(l.left(), out);
            collect(l.right(), out);
        } else if (e instanceof GitLabExpr.Compare c) {
            collect(c.left(), out);
            collect(c.right(), out);
            addLiteral(c.left(), c.right(), out);
            addLiteral(c.right(), c.left(), out);
        }
    }

    private static void addLiteral(GitLabExpr variable, GitLabExpr literal, Map<String, List<String>> out) {
        if (!(variable instanceof GitLabExpr.Variable v)) {
            return;
        }
        String value = null;
        if (literal instanceof GitLabExpr.Str s) {
            value = s.value();
        } else if (literal instanceof GitLabExpr.Regex r) {
            value = r.regex().toString();
        }
        if (value != null) {
            List<String> values = out.computeIfAbsent(v.name(), k -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
