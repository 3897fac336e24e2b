package dev.pipelens.github.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed GitHub expression, checked against the contexts and functions allowed where it is written
 * (a job {@code if} may read only {@code github, needs, vars, inputs}). Parsing throws
 * {@link GhExpressionException} with GitHub's message; evaluation never throws except for GitHub's own
 * evaluation errors. Immutable.
 */
public final class GhExpression {

    /** Contexts of a job {@code if} (C-WFP {@code job-if}). */
    public static final Set<String> JOB_IF_CONTEXTS = Set.of("github", "needs", "vars", "inputs");
    /** Contexts of {@code strategy}, concurrency and workflow-level values: also no {@code env}/{@code matrix}. */
    public static final Set<String> JOB_CONTEXTS = Set.of("github", "needs", "vars", "inputs", "strategy", "matrix");

    private final String text;
    private final Expr tree;

    private GhExpression(String text, Expr tree) {
        this.text = text;
        this.tree = tree;
    }

    /** Parses {@code text}; {@code contexts} and {@code functions} are what this place allows. */
    public static GhExpression parse(String text, Set<String> contexts, Map<String, Functions.Arity> functions) {
        Set<String> lower = contexts.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Token> tokens = new Lexer(text).lex();
        return new GhExpression(text, new Parser(tokens, lower, functions).parse());
    }

    /** The text as parsed. */
    public String text() {
        return text;
    }

    /** The tree; null for an empty expression. */
    public Expr tree() {
        return tree;
    }

    /** Whether any status function ({@code success, failure, cancelled, always}) is called anywhere. */
    public boolean callsStatusFunction() {
        return callsStatus(tree);
    }

    private static boolean callsStatus(Expr e) {
        if (e == null) {
            return false;
        }
        if (e instanceof Expr.Call c) {
            return Functions.STATUS.contains(c.name().toLowerCase(Locale.ROOT))
                    || c.args().stream().anyMatch(GhExpression::callsStatus);
        }
        if (e instanceof Expr.Binary b) {
            return callsStatus(b.left()) || callsStatus(b.right());
        }
        if (e instanceof Expr.Not n) {
            return callsStatus(n.expr());
        }
        if (e instanceof Expr.Logical l) {
            return l.args().stream().anyMatch(GhExpression::callsStatus);
        }
        if (e instanceof Expr.Grouping g) {
            return callsStatus(g.expr());
        }
        if (e instanceof Expr.IndexAccess ia) {
            return callsStatus(ia.object()) || callsStatus(ia.index());
        }
        return false;
    }

    /** Evaluates with these contexts; {@code host} answers non-built-in functions. */
    public Result evaluate(GhValue.Obj contexts, Evaluator.Host host) {
        Evaluator ev = new Evaluator(text, contexts, host);
        if (tree == null) {
            return new Result(GhValue.NULL, List.of());
        }
        GhValue v = ev.evaluate(tree);
        return new Result(v, ev.reads());
    }

    /** A value and what was read to reach it. */
    public record Result(GhValue value, List<Evaluator.Read> reads) {
        public boolean truthy() {
            return GhValue.truthy(value);
        }

        /** The reads as {@code github.ref = 'refs/tags/v1'}, joined with commas. */
        public String readsText() {
            StringBuilder sb = new StringBuilder();
            for (Evaluator.Read r : reads) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(r.text()).append(" = ").append(GhValue.show(r.value()));
            }
            return sb.toString();
        }
    }
}
