package dev.pipelens.gitlab.expr;

/**
 * Why an expression is not valid GitLab syntax: a stable {@code code} (tests assert it), a message and the
 * 0-based offset inside the expression text where the problem starts.
 */
public record ExpressionError(String code, String message, int offset) {

    /** A character GitLab's lexer does not know ({@code ${VAR}}, numbers, bare words, {@code !}). */
    public static final String UNKNOWN_LEXEME = "gitlab-expr-unknown-lexeme";
    /** A string literal without its closing quote. */
    public static final String UNTERMINATED_STRING = "gitlab-expr-unterminated-string";
    /** A regex literal that is unterminated, too short, has a flag other than i s m U, or RE2 rejects. */
    public static final String BAD_REGEX = "gitlab-expr-bad-regex";
    /** Tokens in an order the grammar does not accept. */
    public static final String UNEXPECTED_TOKEN = "gitlab-expr-unexpected-token";
    /** An empty expression. */
    public static final String EMPTY = "gitlab-expr-empty";
    /** A statement that is only a literal ({@code "text"}): no comparison, no variable. */
    public static final String LONE_LITERAL = "gitlab-expr-lone-literal";
    /** More than 100 tokens. */
    public static final String TOO_MANY_TOKENS = "gitlab-expr-too-many-tokens";
}
