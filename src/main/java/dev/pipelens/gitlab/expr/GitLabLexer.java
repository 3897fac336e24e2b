package dev.pipelens.gitlab.expr;

import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into {@link Token}s, following GitLab's lexer ({@code expression/lexer.rb}): in order
 * {@code ( ) $VAR "string" 'string' /regex/flags null == =~ != !~ && ||}; whitespace is skipped; anything
 * else is an unknown lexeme; more than {@value #MAX_TOKENS} tokens is an error. Variables are {@code $}
 * followed by letters, digits and underscores; strings have no escapes (the first matching quote ends them).
 */
public final class GitLabLexer {

    /** GitLab's {@code MAX_TOKENS}. */
    public static final int MAX_TOKENS = 100;

    private final String text;
    private int pos;

    private GitLabLexer(String text) {
        this.text = text;
    }

    /** Tokenizes {@code text}; the list ends with an {@link TokenKind#END} token. */
    public static List<Token> tokenize(String text) throws SyntaxException {
        return new GitLabLexer(text).run();
    }

    /** A lexing or parsing failure with its offset; turned into an {@link ExpressionError} by the API. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ExpressionError error;

        public SyntaxException(String code, String message, int offset) {
            super(message, null, false, false);
            this.error = new ExpressionError(code, message, offset);
        }

        public ExpressionError error() {
            return error;
        }
    }

    private List<Token> run() throws SyntaxException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new Token(TokenKind.END, "", "", "", pos));
                return tokens;
            }
            if (tokens.size() >= MAX_TOKENS) {
                throw new SyntaxException(ExpressionError.TOO_MANY_TOKENS,
                        "too many tokens (GitLab allows " + MAX_TOKENS + ")", pos);
            }
            tokens.add(next());
        }
    }

    private Token next() throws SyntaxException {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '(':
                pos++;
                return new Token(TokenKind.LEFT_PAREN, "(", "(", "", start);
            case ')':
                pos++;
                return new Token(TokenKind.RIGHT_PAREN, ")", ")", "", start);
            case '$':
                return variable(start);
            case '"':
            case '\'':
                return string(start, c);
            case '/':
                return regex(start);
            default:
                break;
        }
        if (text.startsWith("null", pos) && !isWordChar(pos + 4)) {
            pos += 4;
            return new Token(TokenKind.NULL, "null", "null", "", start);
        }
        TokenKind op = operator();
        if (op != null) {
            pos += 2;
            return new Token(op, op.display(), op.display(), "", start);
        }
        throw new SyntaxException(ExpressionError.UNKNOWN_LEXEME, unknownMessage(start), start);
    }

    private TokenKind operator() {
        if (pos + 1 >= text.length()) {
            return null;
        }
        String two = text.substring(pos, pos + 2);
        switch (two) {
            case "==": return TokenKind.EQUALS;
            case "=~": return TokenKind.MATCHES;
            case "!=": return TokenKind.NOT_EQUALS;
            case "!~": return TokenKind.NOT_MATCHES;
            case "&&": return TokenKind.AND;
            case "||": return TokenKind.OR;
            default: return null;
        }
    }

    private Token variable(int start) throws SyntaxException {
        int i = start + 1;
        while (isWordChar(i)) {
            i++;
        }
        if (i == start + 1) {
            if (i < text.length() && text.charAt(i) == '{') {
                throw new SyntaxException(ExpressionError.UNKNOWN_LEXEME,
                        "${...} is not allowed in rules expressions; write $NAME", start);
            }
            throw new SyntaxException(ExpressionError.UNKNOWN_LEXEME, "a variable name must follow $", start);
        }
        pos = i;
        return new Token(TokenKind.VARIABLE, text.substring(start, i), text.substring(start + 1, i), "", start);
    }

    private Token string(int start, char quote) throws SyntaxException {
        int end = text.indexOf(quote, start + 1);
        if (end < 0) {
            throw new SyntaxException(ExpressionError.UNTERMINATED_STRING,
                    "string starting here has no closing " + quote, start);
        }
        pos = end + 1;
        return new Token(TokenKind.STRING, text.substring(start, end + 1), text.substring(start + 1, end), "", start);
    }

    private Token regex(int start) throws SyntaxException {
        int end = GitLabRegex.closingSlash(text, start);
        if (end < 0) {
            throw new SyntaxException(ExpressionError.BAD_REGEX, "regular expression has no closing /", start);
        }
        String source = text.substring(start + 1, end);
        if (source.length() < 2) {
            throw new SyntaxException(ExpressionError.BAD_REGEX,
                    "GitLab needs at least two characters between the slashes of a regular expression", start);
        }
        int i = end + 1;
        while (i < text.length() && "ismU".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            throw new SyntaxException(ExpressionError.BAD_REGEX,
                    "regular expression flag '" + text.charAt(i) + "' is not supported (GitLab allows i, s, m, U)", i);
        }
        String flags = text.substring(end + 1, i);
        try {
            GitLabRegex.compile(source, flags);
        } catch (PatternSyntaxException e) {
            throw new SyntaxException(ExpressionError.BAD_REGEX,
                    "RE2 cannot compile /" + source + "/: " + e.getDescription(), start);
        }
        pos = i;
        return new Token(TokenKind.REGEX, text.substring(start, i), source, flags, start);
    }

    private boolean isWordChar(int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private String unknownMessage(int start) {
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - start < 20) {
            end++;
        }
        String word = text.substring(start, Math.max(end, start + 1));
        char c = text.charAt(start);
        if (Character.isDigit(c)) {
            return "unknown lexeme '" + word + "': numbers must be quoted (\"" + word + "\")";
        }
        if (c == '!') {
            return "unknown lexeme '" + word + "': GitLab job rules have no ! operator";
        }
        return "unknown lexeme '" + word + "'";
    }
}
