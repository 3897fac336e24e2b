package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.ExpressionErrorKind;
import dev.pipelens.expr.ExpressionException;
import dev.pipelens.expr.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written recursive-descent parser for Buildkite conditions. Precedence, lowest first: ternary
 * (right-associative), {@code ||}, {@code &&}, comparisons ({@code == != =~ !~ includes}, left-associative),
 * prefix {@code !}, call. It is the same grammar as buildkite/conditional's Pratt table. Instances parse
 * one source once and are not thread-safe. Bounded: nesting deeper than {@link #MAX_DEPTH} levels
 * (parentheses, brackets, calls, {@code !}, {@code ?:}) or more than {@link #MAX_OPERATORS} binary
 * operators is a parse error at the offending token, so no condition can overflow the stack of this
 * parser or of the checkers and evaluator that walk its tree.
 */
final class Parser {

    /** Deepest nesting accepted. */
    static final int MAX_DEPTH = 64;
    /** Most binary operators ({@code && || == != =~ !~ includes}) in one condition. */
    static final int MAX_OPERATORS = 500;

    private final String src;
    private final List<Token> tokens;
    private int index;
    private int depth;
    private int operators;

    private Parser(String src, List<Token> tokens) {
        this.src = src;
        this.tokens = tokens;
    }

    /** Parses {@code src} into a tree, or throws a {@link ExpressionErrorKind#PARSE} error. */
    static Node parse(String src) throws ExpressionException {
        List<Token> tokens = new Lexer(src).tokenize();
        Parser parser = new Parser(src, tokens);
        return parser.parseCondition();
    }

    /** {@code condition := ternary EOF}. */
    private Node parseCondition() throws ExpressionException {
        if (peek().kind() == TokenKind.EOF) {
            throw error("empty expression", 0);
        }
        Node node = parseTernary();
        Token rest = peek();
        if (rest.kind() != TokenKind.EOF) {
            throw error("unexpected token after expression: " + rest.kind().describe() + " (\"" + rest.value() + "\")",
                    rest.start());
        }
        return node;
    }

    /** {@code ternary := or ( "?" ternary ":" ternary )?} - right-associative. */
    private Node parseTernary() throws ExpressionException {
        enter();
        try {
            return parseTernaryBody();
        } finally {
            depth--;
        }
    }

    private void enter() throws ExpressionException {
        if (++depth > MAX_DEPTH) {
            throw error("the condition nests more than " + MAX_DEPTH + " levels deep", peek().start());
        }
    }

    private int operator() throws ExpressionException {
        Token op = advance();
        if (++operators > MAX_OPERATORS) {
            throw error("the condition has more than " + MAX_OPERATORS + " operators", op.start());
        }
        return op.start();
    }

    private Node parseTernaryBody() throws ExpressionException {
        int start = peek().start();
        Node condition = parseOr();
        if (!accept(TokenKind.QUESTION)) {
            return condition;
        }
        Node consequence = parseTernary();
        expect(TokenKind.COLON);
        Node alternative = parseTernary();
        return new Node.Ternary(condition, consequence, alternative, start, previous().end());
    }

    /** {@code or := and ( "||" and )*}. */
    private Node parseOr() throws ExpressionException {
        int start = peek().start();
        Node left = parseAnd();
        while (peek().kind() == TokenKind.OR) {
            int opStart = operator();
            Node right = parseAnd();
            left = new Node.Binary(BinaryOperator.OR, left, right, opStart, start, previous().end());
        }
        return left;
    }

    /** {@code and := comparison ( "&&" comparison )*}. */
    private Node parseAnd() throws ExpressionException {
        int start = peek().start();
        Node left = parseComparison();
        while (peek().kind() == TokenKind.AND) {
            int opStart = operator();
            Node right = parseComparison();
            left = new Node.Binary(BinaryOperator.AND, left, right, opStart, start, previous().end());
        }
        return left;
    }

    /** {@code comparison := unary ( ("==" | "!=" | "=~" | "!~" | "includes") unary )*}. */
    private Node parseComparison() throws ExpressionException {
        int start = peek().start();
        Node left = parseUnary();
        BinaryOperator operator;
        while ((operator = BinaryOperator.comparison(peek().kind())) != null) {
            int opStart = operator();
            Node right = parseUnary();
            left = new Node.Binary(operator, left, right, opStart, start, previous().end());
        }
        return left;
    }

    /** {@code unary := "!" unary | postfix} - so {@code !a == b} is {@code (!a) == b}. */
    private Node parseUnary() throws ExpressionException {
        if (peek().kind() == TokenKind.BANG) {
            Token bang = advance();
            enter();
            try {
                Node operand = parseUnary();
                return new Node.Not(operand, bang.start(), previous().end());
            } finally {
                depth--;
            }
        }
        return parsePostfix();
    }

    /** {@code postfix := IDENT "(" arguments ")" | primary}; only identifiers can be called. */
    private Node parsePostfix() throws ExpressionException {
        Node primary = parsePrimary();
        if (peek().kind() != TokenKind.LPAREN) {
            return primary;
        }
        Token open = advance();
        if (!(primary instanceof Node.Identifier)) {
            throw error("function call must be an identifier", open.start());
        }
        List<Node> arguments = parseList(TokenKind.RPAREN);
        Node call = new Node.Call(((Node.Identifier) primary).name(), arguments, primary.start(), previous().end());
        if (peek().kind() == TokenKind.LPAREN) {
            throw error("function call must be an identifier", peek().start());
        }
        return call;
    }

    /**
     * {@code primary := IDENT | INT | STRING | REGEX | SHELL | "true" | "false" | "null"
     * | "(" ternary ")" | "[" arguments "]"}.
     */
    private Node parsePrimary() throws ExpressionException {
        Token token = advance();
        switch (token.kind()) {
            case IDENT:
                if (token.value().endsWith(".") || token.value().contains("..")) {
                    throw error("invalid dotted identifier: " + token.value(), token.start());
                }
                return new Node.Identifier(token.value(), token.start(), token.end());
            case INT:
                return new Node.Literal(Value.of(parseInteger(token)), token.start(), token.end());
            case STRING:
                return stringLiteral(token);
            case REGEX:
                return new Node.Regex(RegexCompiler.compile(src, token), token.start(), token.end());
            case SHELL:
                return new Node.Shell(token.value(), token.start(), token.end());
            case TRUE:
                return new Node.Literal(Value.TRUE, token.start(), token.end());
            case FALSE:
                return new Node.Literal(Value.FALSE, token.start(), token.end());
            case NULL:
                return new Node.Literal(Value.NULL, token.start(), token.end());
            case LPAREN: {
                Node inner = parseTernary();
                expect(TokenKind.RPAREN);
                return inner;
            }
            case LBRACKET: {
                List<Node> elements = parseList(TokenKind.RBRACKET);
                return new Node.ArrayLiteral(elements, token.start(), previous().end());
            }
            case EOF:
                throw error("unexpected end of expression", token.start());
            default:
                throw error("expected an operand but found " + token.kind().describe(), token.start());
        }
    }

    /** {@code arguments := ( ternary ( "," ternary )* )? close} - the opening token is already consumed. */
    private List<Node> parseList(TokenKind close) throws ExpressionException {
        List<Node> items = new ArrayList<>();
        if (accept(close)) {
            return items;
        }
        items.add(parseTernary());
        while (accept(TokenKind.COMMA)) {
            items.add(parseTernary());
        }
        expect(close);
        return items;
    }

    /** Decimal digits; like Go's {@code ParseInt(s, 0, 64)} a leading {@code 0} means octal. */
    private long parseInteger(Token token) throws ExpressionException {
        String digits = token.value();
        try {
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                return Long.parseLong(digits.substring(1), 8);
            }
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("could not parse \"" + digits + "\" as integer", token.start());
        }
    }

    private Node stringLiteral(Token token) throws ExpressionException {
        char quote = token.flags().charAt(0);
        String raw = token.value();
        try {
            String value;
            if (quote == '\'') {
                value = ShellSubstitution.decodeSingleQuoted(raw);
            } else if (ShellSubstitution.containsExpansion(raw)) {
                ShellSubstitution.checkEscapes(raw);
                value = null;
            } else {
                value = ShellSubstitution.expandDoubleQuoted(raw, name -> null);
            }
            return new Node.StringLiteral(quote, raw, value, token.start(), token.end());
        } catch (ShellSubstitution.ShellException e) {
            throw error(e.getMessage(), token.start());
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token previous() {
        return tokens.get(index - 1);
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.EOF) {
            index++;
        }
        return token;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            advance();
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind) throws ExpressionException {
        Token token = peek();
        if (token.kind() != kind) {
            throw error("expected next token to be " + kind.describe() + ", got " + token.kind().describe() + " instead",
                    token.start());
        }
        advance();
    }

    private ExpressionException error(String message, int offset) {
        return new ExpressionException(ExpressionErrorKind.PARSE, message, offset, src);
    }
}
