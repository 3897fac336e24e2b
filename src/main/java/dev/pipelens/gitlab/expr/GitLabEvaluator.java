package dev.pipelens.gitlab.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a {@link GitLabExpr} with GitLab's Ruby semantics (spec section 2). Values are {@code null}
 * (Ruby nil: an undefined variable or {@code null}), {@link String}, {@link Boolean} (comparison results) or
 * {@link GitLabRegex}.
 * <ul>
 *   <li>{@code ==}/{@code !=}: Ruby equality, so {@code nil == nil} and {@code nil != ""}.</li>
 *   <li>{@code &&}/{@code ||}: Ruby {@code left && right} on raw values; only nil and false are falsy, so an
 *       empty string is truthy inside them.</li>
 *   <li>{@code =~}/{@code !~}: the left side is {@code to_s} (nil becomes ""); an undefined right side gives
 *       false/true; a right side that is a regex literal, or a string (quoted or from a variable) that reads as
 *       {@code /re/flags}, is matched anywhere; any other string is a substring test (left in right).</li>
 *   <li>The statement is true iff the final value is {@code present?}: not nil, not false, not blank.</li>
 * </ul>
 * One instance per evaluation; it records each variable read once, in order.
 */
public final class GitLabEvaluator {

    private final VariableLookup variables;
    private final Map<String, VariableRead> reads = new LinkedHashMap<>();

    private GitLabEvaluator(VariableLookup variables) {
        this.variables = variables;
    }

    /** Evaluates {@code tree} against {@code variables}. Linear in the tree size; regexes run on RE2/J. */
    public static Evaluation evaluate(GitLabExpr tree, VariableLookup variables) {
        GitLabEvaluator evaluator = new GitLabEvaluator(variables);
        Object value = evaluator.eval(tree);
        return new Evaluation(isPresent(value), new ArrayList<>(evaluator.reads.values()), null);
    }

    private Object eval(GitLabExpr e) {
        if (e instanceof GitLabExpr.Variable v) {
            String value = variables.get(v.name());
            reads.putIfAbsent(v.name(), new VariableRead(v.name(), value));
            return value;
        }
        if (e instanceof GitLabExpr.Str s) {
            return s.value();
        }
        if (e instanceof GitLabExpr.Null) {
            return null;
        }
        if (e instanceof GitLabExpr.Regex r) {
            return r.regex();
        }
        if (e instanceof GitLabExpr.Logical l) {
            Object left = eval(l.left());
            if (l.and()) {
                return isTruthy(left) ? eval(l.right()) : left;
            }
            return isTruthy(left) ? left : eval(l.right());
        }
        GitLabExpr.Compare c = (GitLabExpr.Compare) e;
        Object left = eval(c.left());
        Object right = eval(c.right());
        switch (c.operator()) {
            case EQUALS:
                return Objects.equals(left, right);
            case NOT_EQUALS:
                return !Objects.equals(left, right);
            case MATCHES:
                return right != null && matches(left, right);
            case NOT_MATCHES:
                return right == null || !matches(left, right);
            default:
                throw new IllegalStateException("not a comparison: " + c.operator());
        }
    }

    /** GitLab's {@code regexp.scan(text.to_s).present?} for a regex or a plain string on the right. */
    private static boolean matches(Object left, Object right) {
        String text = toS(left);
        if (right instanceof GitLabRegex regex) {
            return regex.find(text);
        }
        if (right instanceof String s) {
            GitLabRegex regex = GitLabRegex.parse(s);
            return regex != null ? regex.find(text) : s.contains(text);
        }
        return false;
    }

    private static String toS(Object value) {
        if (value == null) {
            return "";
        }
        return value.toString();
    }

    /** Ruby truthiness: everything but nil and false. */
    static boolean isTruthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** ActiveSupport {@code present?}: not nil, not false, not a blank (empty or whitespace-only) string. */
    static boolean isPresent(Object value) {
        if (!isTruthy(value)) {
            return false;
        }
        if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
