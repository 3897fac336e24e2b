package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Atom;
import dev.pipelens.expr.Dnf;
import dev.pipelens.expr.Value;
import dev.pipelens.expr.VariableUse;

/** A Buildkite condition as a {@link Dnf} over its comparisons, for scenario discovery. */
public final class BuildkiteAtoms {

    private BuildkiteAtoms() {
    }

    /** When the condition is true. */
    public static Dnf of(CompiledCondition condition) {
        return dnf(condition.root());
    }

    private static Dnf dnf(Node n) {
        if (n instanceof Node.Not not) {
            return dnf(not.operand()).not();
        }
        if (n instanceof Node.Binary b) {
            switch (b.operator()) {
                case AND:
                    return dnf(b.left()).and(dnf(b.right()));
                case OR:
                    return dnf(b.left()).or(dnf(b.right()));
                default:
                    return comparison(b);
            }
        }
        Var v = variable(n);
        if (v != null) {
            // a bare variable: truthy when set (a boolean such as build.pull_request.draft when true)
            return Dnf.of(new Atom(v.name, Atom.Op.TRUE, null, "", v.kind));
        }
        return Dnf.TRUE;
    }

    private static Dnf comparison(Node.Binary b) {
        Node left = b.left();
        Node right = b.right();
        if (variable(left) == null && variable(right) != null) {
            Node t = left;
            left = right;
            right = t;
        }
        Var v = variable(left);
        if (v == null) {
            return Dnf.TRUE;
        }
        BinaryOperator op = b.operator();
        boolean eq = op == BinaryOperator.EQ;
        if (op == BinaryOperator.EQ || op == BinaryOperator.NOT_EQ) {
            if (right instanceof Node.StringLiteral s && s.staticValue() != null) {
                return Dnf.of(new Atom(v.name, eq ? Atom.Op.EQ : Atom.Op.NE, s.staticValue(), "", v.kind));
            }
            if (right instanceof Node.Literal l) {
                if (l.value() == Value.NULL) {
                    return Dnf.of(new Atom(v.name, eq ? Atom.Op.ABSENT : Atom.Op.PRESENT, null, "", v.kind));
                }
                if (l.value() instanceof Value.BoolValue bv) {
                    boolean want = bv.value() == eq;
                    return Dnf.of(new Atom(v.name, want ? Atom.Op.TRUE : Atom.Op.FALSE, null, "", v.kind));
                }
                return Dnf.of(new Atom(v.name, eq ? Atom.Op.EQ : Atom.Op.NE, l.value().render(), "", v.kind));
            }
            Var w = variable(right);
            if (w != null) {
                return Dnf.of(new Atom(v.name, eq ? Atom.Op.SAME : Atom.Op.DIFFERENT, w.name, "", v.kind));
            }
            if (right instanceof Node.Regex r) {
                // == with a regex literal compares as a match in Buildkite's library
                return Dnf.of(new Atom(v.name, eq ? Atom.Op.MATCH : Atom.Op.NO_MATCH, r.value().source(),
                        r.value().flags(), v.kind));
            }
        }
        if ((op == BinaryOperator.MATCH || op == BinaryOperator.NOT_MATCH) && right instanceof Node.Regex r) {
            return Dnf.of(new Atom(v.name, op == BinaryOperator.MATCH ? Atom.Op.MATCH : Atom.Op.NO_MATCH,
                    r.value().source(), r.value().flags(), v.kind));
        }
        if (op == BinaryOperator.INCLUDES && right instanceof Node.StringLiteral s && s.staticValue() != null) {
            return Dnf.of(new Atom(v.name, Atom.Op.EQ, s.staticValue(), "", v.kind));
        }
        return Dnf.TRUE;
    }

    private record Var(String name, VariableUse.Kind kind) {
    }

    private static Var variable(Node n) {
        if (n instanceof Node.Identifier id) {
            return new Var(id.name(), VariableUse.Kind.BUILD_VARIABLE);
        }
        if (n instanceof Node.Call call && TypeChecker.isEnvFunction(call.function()) && call.arguments().size() == 1
                && call.arguments().get(0) instanceof Node.StringLiteral s && s.staticValue() != null) {
            return new Var(s.staticValue(), VariableUse.Kind.ENV);
        }
        return null;
    }
}
