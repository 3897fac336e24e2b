package dev.pipelens.gitlab.expr;

import dev.pipelens.gitlab.expr.GitLabLexer.SyntaxException;

import java.util.List;

/**
 * Recursive-descent parser with GitLab's precedences (comparisons 10, {@code &&} 11, {@code ||} 12; all left
 * associative; parentheses group):
 * <pre>
 * statement  := or END                       (a statement that is a single literal is rejected)
 * or         := and ( "||" and )*
 * and        := comparison ( "&amp;&amp;" comparison )*
 * comparison := primary ( ("==" | "!=" | "=~" | "!~") primary )*
 * primary    := VARIABLE | STRING | REGEX | "null" | "(" or ")"
 * </pre>
 */
public final class GitLabExprParser {

    private final List<Token> tokens;
    private int index;

    private GitLabExprParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses tokens produced by {@link GitLabLexer} (ending with END). */
    public static GitLabExpr parse(List<Token> tokens) throws SyntaxException {
        GitLabExprParser parser = new GitLabExprParser(tokens);
        Token first = parser.peek();
        if (first.kind() == TokenKind.END) {
            throw new SyntaxException(ExpressionError.EMPTY, "empty expression", first.offset());
        }
        GitLabExpr tree = parser.or();
        Token end = parser.peek();
        if (end.kind() != TokenKind.END) {
            throw parser.unexpected(end, "an operator (== != =~ !~ && ||)");
        }
        if (tree instanceof GitLabExpr.Str || tree instanceof GitLabExpr.Regex || tree instanceof GitLabExpr.Null) {
            throw new SyntaxException(ExpressionError.LONE_LITERAL,
                    "a statement must compare or test a variable, not be a lone literal", tree.offset());
        }
        return tree;
    }

    /** {@code or := and ( "||" and )*}. */
    private GitLabExpr or() throws SyntaxException {
        GitLabExpr left = and();
        while (peek().kind() == TokenKind.OR) {
            index++;
            left = new GitLabExpr.Logical(false, left, and(), left.offset());
        }
        return left;
    }

    /** {@code and := comparison ( "&&" comparison )*}. */
    private GitLabExpr and() throws SyntaxException {
        GitLabExpr left = comparison();
        while (peek().kind() == TokenKind.AND) {
            index++;
            left = new GitLabExpr.Logical(true, left, comparison(), left.offset());
        }
        return left;
    }

    /** {@code comparison := primary ( OP primary )*}. */
    private GitLabExpr comparison() throws SyntaxException {
        GitLabExpr left = primary();
        while (peek().kind().isComparison()) {
            Token op = tokens.get(index++);
            left = new GitLabExpr.Compare(op.kind(), left, primary(), left.offset());
        }
        return left;
    }

    /** {@code primary := VARIABLE | STRING | REGEX | null | "(" or ")"}. */
    private GitLabExpr primary() throws SyntaxException {
        Token t = peek();
        switch (t.kind()) {
            case VARIABLE:
                index++;
                return new GitLabExpr.Variable(t.value(), t.offset());
            case STRING:
                index++;
                return new GitLabExpr.Str(t.value(), t.offset());
            case NULL:
                index++;
                return new GitLabExpr.Null(t.offset());
            case REGEX:
                index++;
                return new GitLabExpr.Regex(GitLabRegex.compile(t.value(), t.flags()), t.offset());
            case LEFT_PAREN:
                index++;
                GitLabExpr inner = or();
                Token close = peek();
                if (close.kind() != TokenKind.RIGHT_PAREN) {
                    throw unexpected(close, "')'");
                }
                index++;
                return inner;
            default:
                throw unexpected(t, "a variable, a string, a regular expression, null or '('");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private SyntaxException unexpected(Token t, String expected) {
        String found = t.kind() == TokenKind.END ? "the end of the expression" : "'" + t.text() + "'";
        return new SyntaxException(ExpressionError.UNEXPECTED_TOKEN, "expected " + expected + " but found " + found,
                t.offset());
    }
}
