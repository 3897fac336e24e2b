package dev.pipelens.github.expr;

import java.util.List;

/**
 * The syntax tree of a GitHub expression (C-EXPR ast.ts). Every node knows the 0-based range
 * {@code [start, end)} of its text in the expression, so reasons can quote sub-expressions.
 */
public sealed interface Expr {

    int start();

    int end();

    /** A literal: null, boolean, number or string. */
    record Literal(GhValue value, int start, int end) implements Expr {
    }

    /** A named context ({@code github}, {@code needs}...). */
    record ContextAccess(String name, int start, int end) implements Expr {
    }

    /** {@code object[index]}, {@code object.name} (index is a string literal), or {@code object.*} (index null). */
    record IndexAccess(Expr object, Expr index, int start, int end) implements Expr {
        public boolean star() {
            return index == null;
        }
    }

    /** A function call; the name as written (functions are case-insensitive). */
    record Call(String name, List<Expr> args, int start, int end) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code !expr}. */
    record Not(Expr expr, int start, int end) implements Expr {
    }

    /** A comparison: {@code == != < <= > >=}. */
    record Binary(Expr left, String operator, Expr right, int start, int end) implements Expr {
    }

    /** {@code a && b && ...} or {@code a || b || ...}; returns the deciding operand. */
    record Logical(boolean and, List<Expr> args, int start, int end) implements Expr {
        public Logical {
            args = List.copyOf(args);
        }
    }

    /** {@code ( expr )}. */
    record Grouping(Expr expr, int start, int end) implements Expr {
    }
}
