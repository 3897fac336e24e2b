package dev.pipelens.github.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens exactly as GitHub's lexer (C-EXPR lexer.ts): single-quoted strings
 * with {@code ''} escapes, numbers in JavaScript syntax (also hex, octal, {@code NaN}, {@code Infinity}),
 * identifiers of letters, digits, {@code _} and {@code -}. One divergence, as the spec asks (3.2.4):
 * every {@code ''} in a string is unescaped (the runner's C# lexer), not only the first.
 */
final class Lexer {

    /** Longest expression GitHub accepts. */
    static final int MAX_LENGTH = 21_000;

    private final String input;
    private int start;
    private int offset;
    private final List<Token> tokens = new ArrayList<>();

    Lexer(String input) {
        this.input = input;
    }

    List<Token> lex() {
        if (input.length() > MAX_LENGTH) {
            throw new GhExpressionException("Exceeded max expression length " + MAX_LENGTH, 0, false);
        }
        while (offset < input.length()) {
            start = offset;
            char c = input.charAt(offset++);
            switch (c) {
                case '(' -> add(Token.Type.LEFT_PAREN);
                case ')' -> add(Token.Type.RIGHT_PAREN);
                case '[' -> add(Token.Type.LEFT_BRACKET);
                case ']' -> add(Token.Type.RIGHT_BRACKET);
                case ',' -> add(Token.Type.COMMA);
                case '.' -> {
                    Token.Type p = previous();
                    if (p != Token.Type.IDENTIFIER && p != Token.Type.RIGHT_BRACKET && p != Token.Type.RIGHT_PAREN
                            && p != Token.Type.STAR) {
                        number();
                    } else {
                        add(Token.Type.DOT);
                    }
                }
                case '-', '+' -> number();
                case '!' -> add(match('=') ? Token.Type.BANG_EQUAL : Token.Type.BANG);
                case '=' -> {
                    if (match('=')) {
                        add(Token.Type.EQUAL_EQUAL);
                    } else {
                        identifier();
                    }
                }
                case '<' -> add(match('=') ? Token.Type.LESS_EQUAL : Token.Type.LESS);
                case '>' -> add(match('=') ? Token.Type.GREATER_EQUAL : Token.Type.GREATER);
                case '&' -> {
                    if (match('&')) {
                        add(Token.Type.AND);
                    } else {
                        identifier();
                    }
                }
                case '|' -> {
                    if (match('|')) {
                        add(Token.Type.OR);
                    } else {
                        identifier();
                    }
                }
                case '*' -> add(Token.Type.STAR);
                case ' ', '\r', '\t', '\n' -> {
                }
                case '\'' -> string();
                default -> {
                    if (c >= '0' && c <= '9') {
                        number();
                    } else {
                        identifier();
                    }
                }
            }
        }
        tokens.add(new Token(Token.Type.EOF, "", null, input.length()));
        return tokens;
    }

    private Token.Type previous() {
        return tokens.isEmpty() ? Token.Type.EOF : tokens.get(tokens.size() - 1).type();
    }

    private boolean match(char expected) {
        if (offset < input.length() && input.charAt(offset) == expected) {
            offset++;
            return true;
        }
        return false;
    }

    private void add(Token.Type type) {
        tokens.add(new Token(type, input.substring(start, offset), null, start));
    }

    private GhExpressionException unexpected(String lexeme) {
        return new GhExpressionException("Unexpected symbol: '" + lexeme + "'. Located at position " + (start + 1)
                + " within expression: " + input, start, false);
    }

    private void number() {
        while (offset < input.length() && (!boundary(input.charAt(offset)) || input.charAt(offset) == '.')) {
            offset++;
        }
        String lexeme = input.substring(start, offset);
        double value = Numbers.parseJs(lexeme);
        if (Double.isNaN(value)) {
            throw unexpected(lexeme);
        }
        tokens.add(new Token(Token.Type.NUMBER, lexeme, new GhValue.Num(value), start));
    }

    private void string() {
        while (offset < input.length() && (input.charAt(offset) != '\''
                || offset + 1 < input.length() && input.charAt(offset + 1) == '\'')) {
            if (input.charAt(offset) == '\'') {
                offset++;
            }
            offset++;
        }
        if (offset >= input.length()) {
            throw unexpected(input.substring(start));
        }
        offset++;
        String value = input.substring(start + 1, offset - 1).replace("''", "'");
        tokens.add(new Token(Token.Type.STRING, input.substring(start, offset), new GhValue.Str(value), start));
    }

    private void identifier() {
        while (offset < input.length() && !boundary(input.charAt(offset))) {
            offset++;
        }
        String lexeme = input.substring(start, offset);
        Token.Type type = Token.Type.IDENTIFIER;
        GhValue value = null;
        if (previous() != Token.Type.DOT) {
            switch (lexeme) {
                case "true" -> type = Token.Type.TRUE;
                case "false" -> type = Token.Type.FALSE;
                case "null" -> type = Token.Type.NULL;
                case "NaN" -> {
                    type = Token.Type.NUMBER;
                    value = new GhValue.Num(Double.NaN);
                }
                case "Infinity" -> {
                    type = Token.Type.NUMBER;
                    value = new GhValue.Num(Double.POSITIVE_INFINITY);
                }
                default -> {
                }
            }
        }
        if (!legalIdentifier(lexeme)) {
            throw unexpected(lexeme);
        }
        tokens.add(new Token(type, lexeme, value, start));
    }

    private static boolean boundary(char c) {
        switch (c) {
            case '(', '[', ')', ']', ',', '.', '!', '>', '<', '=', '&', '|':
                return true;
            default:
                return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }

    private static boolean legalIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char f = s.charAt(0);
        if (!(f >= 'a' && f <= 'z' || f >= 'A' && f <= 'Z' || f == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
