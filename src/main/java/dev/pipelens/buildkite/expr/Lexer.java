package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.ExpressionErrorKind;
import dev.pipelens.expr.ExpressionException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition into tokens, following buildkite/conditional's lexer: whitespace is space, tab, CR
 * and LF; {@code //} starts a comment to the end of the line; identifiers start with a letter or {@code _}
 * and continue with letters, digits, {@code _} and {@code .}; keywords are lower case; integers are decimal
 * digits; strings are single- or double-quoted; {@code /.../flags} is a regular expression; {@code $name}
 * and {@code ${...}} are shell substitutions. Anything else is a {@link ExpressionErrorKind#PARSE} error
 * at the offending character. Not thread-safe; one instance per source.
 */
final class Lexer {

    private final String src;
    private int pos;

    Lexer(String src) {
        this.src = src;
    }

    /** All tokens, ending with {@link TokenKind#EOF}. */
    List<Token> tokenize() throws ExpressionException {
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = next();
            tokens.add(token);
        } while (token.kind() != TokenKind.EOF);
        return tokens;
    }

    private Token next() throws ExpressionException {
        skipWhitespaceAndComments();
        if (pos >= src.length()) {
            return new Token(TokenKind.EOF, "", "", pos, pos);
        }
        int start = pos;
        char c = src.charAt(pos);
        char n = peek(1);
        switch (c) {
            case '=':
                if (n == '=') {
                    return symbol(TokenKind.EQ, 2);
                }
                if (n == '~') {
                    return symbol(TokenKind.MATCH, 2);
                }
                throw illegal(start);
            case '!':
                if (n == '=') {
                    return symbol(TokenKind.NOT_EQ, 2);
                }
                if (n == '~') {
                    return symbol(TokenKind.NOT_MATCH, 2);
                }
                return symbol(TokenKind.BANG, 1);
            case '&':
                if (n == '&') {
                    return symbol(TokenKind.AND, 2);
                }
                throw illegal(start);
            case '|':
                if (n == '|') {
                    return symbol(TokenKind.OR, 2);
                }
                throw illegal(start);
            case ',':
                return symbol(TokenKind.COMMA, 1);
            case '.':
                return symbol(TokenKind.DOT, 1);
            case '?':
                return symbol(TokenKind.QUESTION, 1);
            case ':':
                return symbol(TokenKind.COLON, 1);
            case '(':
                return symbol(TokenKind.LPAREN, 1);
            case ')':
                return symbol(TokenKind.RPAREN, 1);
            case '[':
                return symbol(TokenKind.LBRACKET, 1);
            case ']':
                return symbol(TokenKind.RBRACKET, 1);
            case '"':
            case '\'':
                return lexString(c);
            case '/':
                return lexRegex();
            case '$':
                return lexShell();
            default:
                if (isIdentStart(c)) {
                    return lexIdentifier();
                }
                if (isDigit(c)) {
                    return lexNumber();
                }
                throw illegal(start);
        }
    }

    private void skipWhitespaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token symbol(TokenKind kind, int length) {
        int start = pos;
        pos += length;
        return new Token(kind, src.substring(start, pos), "", start, pos);
    }

    private Token lexIdentifier() {
        int start = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        String text = src.substring(start, pos);
        TokenKind kind = switch (text) {
            case "true" -> TokenKind.TRUE;
            case "false" -> TokenKind.FALSE;
            case "null" -> TokenKind.NULL;
            case "includes" -> TokenKind.INCLUDES;
            default -> TokenKind.IDENT;
        };
        return new Token(kind, text, "", start, pos);
    }

    private Token lexNumber() {
        int start = pos;
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        return new Token(TokenKind.INT, src.substring(start, pos), "", start, pos);
    }

    /** A quoted string; the token value is the raw text between the quotes (escapes are decoded later). */
    private Token lexString(char quote) throws ExpressionException {
        int start = pos;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(TokenKind.STRING, src.substring(start + 1, pos - 1), String.valueOf(quote), start, pos);
            }
            pos += c == '\\' ? 2 : 1;
        }
        throw new ExpressionException(ExpressionErrorKind.PARSE, "unterminated string", start, src);
    }

    /** {@code /source/flags}: a backslash escapes the next character; flags are the letters that follow. */
    private Token lexRegex() throws ExpressionException {
        int start = pos;
        pos++;
        boolean escaped = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '/' && !escaped) {
                String body = src.substring(start + 1, pos);
                pos++;
                int flagsStart = pos;
                while (pos < src.length() && isIdentStart(src.charAt(pos))) {
                    pos++;
                }
                return new Token(TokenKind.REGEX, body, src.substring(flagsStart, pos), start, pos);
            }
            escaped = c == '\\' && !escaped;
            pos++;
        }
        throw new ExpressionException(ExpressionErrorKind.PARSE, "unterminated regular expression", start, src);
    }

    /** {@code $name} (name may contain dots) or a balanced {@code ${...}}. */
    private Token lexShell() throws ExpressionException {
        int start = pos;
        pos++;
        if (pos < src.length() && isIdentStart(src.charAt(pos))) {
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            return new Token(TokenKind.SHELL, src.substring(start, pos), "", start, pos);
        }
        if (pos >= src.length() || src.charAt(pos) != '{') {
            throw illegal(start);
        }
        int depth = 1;
        boolean escaped = false;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && !escaped) {
                escaped = true;
                pos++;
                continue;
            }
            if ((c == '"' || c == '\'') && !escaped) {
                pos = skipQuoted(pos);
                if (pos < 0) {
                    break;
                }
            } else if (c == '{' && !escaped) {
                depth++;
            } else if (c == '}' && !escaped) {
                depth--;
                if (depth == 0) {
                    pos++;
                    return new Token(TokenKind.SHELL, src.substring(start, pos), "", start, pos);
                }
            }
            escaped = false;
            pos++;
        }
        throw new ExpressionException(ExpressionErrorKind.PARSE, "unterminated shell substitution", start, src);
    }

    /** Index of the closing quote of the string opened at {@code open}, or -1 when it is not closed. */
    private int skipQuoted(int open) {
        char quote = src.charAt(open);
        boolean escaped = false;
        for (int i = open + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == quote && !escaped) {
                return i;
            }
            escaped = c == '\\' && !escaped;
        }
        return -1;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private ExpressionException illegal(int at) {
        return new ExpressionException(ExpressionErrorKind.PARSE,
                "illegal character " + quoteChar(src.charAt(at)), at, src);
    }

    private static String quoteChar(char c) {
        return c < 0x20 ? String.format("\\x%02x", (int) c) : "'" + c + "'";
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '.';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
