package dev.pipelens.gitlab.expr;

import dev.pipelens.expr.Atom;
import dev.pipelens.expr.Dnf;
import dev.pipelens.expr.VariableUse;

/** A GitLab expression as a {@link Dnf} over its comparisons, for scenario discovery. */
public final class GitLabAtoms {

    private GitLabAtoms() {
    }

    /** When the expression is true; {@link Dnf#TRUE} for an invalid expression (nothing to learn). */
    public static Dnf of(GitLabExpression e) {
        return e == null || !e.isValid() ? Dnf.TRUE : dnf(e.tree());
    }

    private static Dnf dnf(GitLabExpr e) {
        if (e instanceof GitLabExpr.Logical l) {
            Dnf a = dnf(l.left());
            Dnf b = dnf(l.right());
            return l.and() ? a.and(b) : a.or(b);
        }
        if (e instanceof GitLabExpr.Variable v) {
            return Dnf.of(atom(v.name(), Atom.Op.PRESENT, null, ""));
        }
        if (e instanceof GitLabExpr.Compare c) {
            boolean eq = c.operator() == TokenKind.EQUALS;
            boolean ne = c.operator() == TokenKind.NOT_EQUALS;
            boolean match = c.operator() == TokenKind.MATCHES;
            GitLabExpr left = c.left();
            GitLabExpr right = c.right();
            if (!(left instanceof GitLabExpr.Variable) && right instanceof GitLabExpr.Variable) {
                GitLabExpr t = left;
                left = right;
                right = t;
            }
            if (!(left instanceof GitLabExpr.Variable v)) {
                return Dnf.TRUE;
            }
            if (right instanceof GitLabExpr.Str s && (eq || ne)) {
                return Dnf.of(atom(v.name(), eq ? Atom.Op.EQ : Atom.Op.NE, s.value(), ""));
            }
            if (right instanceof GitLabExpr.Null && (eq || ne)) {
                return Dnf.of(atom(v.name(), eq ? Atom.Op.ABSENT : Atom.Op.PRESENT, null, ""));
            }
            if (right instanceof GitLabExpr.Variable w && (eq || ne)) {
                return Dnf.of(atom(v.name(), eq ? Atom.Op.SAME : Atom.Op.DIFFERENT, w.name(), ""));
            }
            if (right instanceof GitLabExpr.Regex r && (match || c.operator() == TokenKind.NOT_MATCHES)) {
                return Dnf.of(atom(v.name(), match ? Atom.Op.MATCH : Atom.Op.NO_MATCH, r.regex().source(), r.regex().flags()));
            }
        }
        return Dnf.TRUE;
    }

    private static Atom atom(String name, Atom.Op op, String value, String flags) {
        return new Atom(name, op, value, flags, VariableUse.Kind.ENV);
    }
}
