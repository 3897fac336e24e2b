package dev.pipelens.github.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser of GitHub expressions, the grammar and checks of C-EXPR parser.ts:
 * <pre>
 * expression := or
 * or         := and ( '||' and )*
 * and        := equality ( '&amp;&amp;' equality )*
 * equality   := comparison ( ( '==' | '!=' ) comparison )*
 * comparison := unary ( ( '&gt;' | '&gt;=' | '&lt;' | '&lt;=' ) unary )*
 * unary      := '!' unary | index
 * index      := call ( '[' ( '*' | expression ) ']' | '.' ( IDENT | '*' ) )*   (only after a group, call or context)
 * call       := IDENT '(' args ')' | IDENT (a known context) | primary
 * primary    := false | true | null | NUMBER | STRING | '(' expression ')'
 * </pre>
 * Unknown contexts and functions, wrong argument counts and nesting deeper than 50 are errors, with
 * GitHub's messages. The depth bound also bounds this parser's recursion.
 */
final class Parser {

    /** Deepest nesting GitHub accepts. */
    static final int MAX_DEPTH = 50;

    private final List<Token> tokens;
    private final Set<String> contexts;
    private final Map<String, Functions.Arity> functions;
    private int pos;
    private int depth;

    Parser(List<Token> tokens, Set<String> contexts, Map<String, Functions.Arity> functions) {
        this.tokens = tokens;
        this.contexts = contexts;
        this.functions = functions;
    }

    /** The tree, or null for an empty expression. */
    Expr parse() {
        if (atEnd()) {
            return null;
        }
        Expr e = expression();
        if (!atEnd()) {
            throw error("Unexpected symbol", peek());
        }
        return e;
    }

    private Expr expression() {
        enter();
        try {
            return or();
        } finally {
            depth--;
        }
    }

    private Expr or() {
        Expr e = and();
        if (!check(Token.Type.OR)) {
            return e;
        }
        enter();
        try {
            List<Expr> args = new ArrayList<>(List.of(e));
            while (match(Token.Type.OR)) {
                args.add(and());
            }
            return new Expr.Logical(false, args, e.start(), args.get(args.size() - 1).end());
        } finally {
            depth--;
        }
    }

    private Expr and() {
        Expr e = equality();
        if (!check(Token.Type.AND)) {
            return e;
        }
        enter();
        try {
            List<Expr> args = new ArrayList<>(List.of(e));
            while (match(Token.Type.AND)) {
                args.add(equality());
            }
            return new Expr.Logical(true, args, e.start(), args.get(args.size() - 1).end());
        } finally {
            depth--;
        }
    }

    private Expr equality() {
        Expr e = comparison();
        while (match(Token.Type.BANG_EQUAL, Token.Type.EQUAL_EQUAL)) {
            String op = previous().lexeme();
            Expr right = comparison();
            e = new Expr.Binary(e, op, right, e.start(), right.end());
        }
        return e;
    }

    private Expr comparison() {
        Expr e = unary();
        while (match(Token.Type.GREATER, Token.Type.GREATER_EQUAL, Token.Type.LESS, Token.Type.LESS_EQUAL)) {
            String op = previous().lexeme();
            Expr right = unary();
            e = new Expr.Binary(e, op, right, e.start(), right.end());
        }
        return e;
    }

    private Expr unary() {
        if (match(Token.Type.BANG)) {
            enter();
            Token bang = previous();
            Expr inner = unary();
            depth--;
            return new Expr.Not(inner, bang.start(), inner.end());
        }
        return index();
    }

    private Expr index() {
        Expr e = call();
        int increased = 0;
        if (e instanceof Expr.Grouping || e instanceof Expr.Call || e instanceof Expr.ContextAccess) {
            while (true) {
                if (match(Token.Type.LEFT_BRACKET)) {
                    Expr idx = match(Token.Type.STAR) ? null : expression();
                    consume(Token.Type.RIGHT_BRACKET);
                    enter();
                    increased++;
                    e = new Expr.IndexAccess(e, idx, e.start(), previous().start() + 1);
                } else if (match(Token.Type.DOT)) {
                    enter();
                    increased++;
                    if (match(Token.Type.IDENTIFIER)) {
                        Token p = previous();
                        Expr.Literal name = new Expr.Literal(new GhValue.Str(p.lexeme()), p.start(), end(p));
                        e = new Expr.IndexAccess(e, name, e.start(), end(p));
                    } else if (match(Token.Type.STAR)) {
                        e = new Expr.IndexAccess(e, null, e.start(), end(previous()));
                    } else {
                        throw error("Unexpected symbol", peek());
                    }
                } else {
                    break;
                }
            }
        }
        depth -= increased;
        return e;
    }

    private Expr call() {
        if (!check(Token.Type.IDENTIFIER)) {
            return primary();
        }
        Token id = next();
        if (!match(Token.Type.LEFT_PAREN)) {
            if (!contexts.contains(id.lexeme().toLowerCase(Locale.ROOT))) {
                throw error("Unrecognized named-value", id);
            }
            return new Expr.ContextAccess(id.lexeme(), id.start(), end(id));
        }
        List<Expr> args = new ArrayList<>();
        while (!match(Token.Type.RIGHT_PAREN)) {
            if (atEnd()) {
                throw error("Unexpected end of expression", previous());
            }
            args.add(expression());
            if (!check(Token.Type.RIGHT_PAREN)) {
                consume(Token.Type.COMMA);
            }
        }
        Functions.Arity arity = Functions.arity(id.lexeme(), functions);
        if (arity == null) {
            throw error("Unrecognized function", id);
        }
        if (args.size() < arity.min()) {
            throw error("Too few parameters supplied", id);
        }
        if (args.size() > arity.max()) {
            throw error("Too many parameters supplied", id);
        }
        if (id.lexeme().equalsIgnoreCase("case") && args.size() % 2 == 0) {
            throw error("Even number of parameters supplied, requires an odd number of parameters", id);
        }
        return new Expr.Call(id.lexeme(), args, id.start(), end(previous()));
    }

    private Expr primary() {
        if (match(Token.Type.FALSE)) {
            return literal(GhValue.FALSE);
        }
        if (match(Token.Type.TRUE)) {
            return literal(GhValue.TRUE);
        }
        if (match(Token.Type.NULL)) {
            return literal(GhValue.NULL);
        }
        if (match(Token.Type.NUMBER, Token.Type.STRING)) {
            return literal(previous().value());
        }
        if (match(Token.Type.LEFT_PAREN)) {
            int open = previous().start();
            Expr e = expression();
            if (atEnd()) {
                throw error("Unexpected end of expression", previous());
            }
            consume(Token.Type.RIGHT_PAREN);
            return new Expr.Grouping(e, open, end(previous()));
        }
        if (atEnd()) {
            throw error("Unexpected end of expression", pos == 0 ? peek() : previous());
        }
        throw error("Unexpected symbol", peek());
    }

    private Expr literal(GhValue v) {
        Token t = previous();
        return new Expr.Literal(v, t.start(), end(t));
    }

    private static int end(Token t) {
        return t.start() + t.lexeme().length();
    }

    private void enter() {
        depth++;
        if (depth > MAX_DEPTH) {
            throw error("Exceeded max expression depth " + MAX_DEPTH, peek());
        }
    }

    private boolean match(Token.Type... types) {
        for (Token.Type t : types) {
            if (check(t)) {
                pos++;
                return true;
            }
        }
        return false;
    }

    private boolean check(Token.Type t) {
        return !atEnd() && peek().type() == t;
    }

    private boolean atEnd() {
        return peek().type() == Token.Type.EOF;
    }

    private Token next() {
        if (!atEnd()) {
            pos++;
        }
        return previous();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    private void consume(Token.Type t) {
        if (check(t)) {
            pos++;
            return;
        }
        throw error("Unexpected symbol", peek());
    }

    private static GhExpressionException error(String what, Token t) {
        return new GhExpressionException(what + ": '" + t.display() + "'", t.start(), false);
    }
}
