package dev.pipelens.buildkite.expr;

/** Kinds of tokens of the Buildkite conditional language. */
enum TokenKind {
    IDENT, INT, STRING, REGEX, SHELL,
    TRUE, FALSE, NULL, INCLUDES,
    EQ("=="), NOT_EQ("!="), MATCH("=~"), NOT_MATCH("!~"), AND("&&"), OR("||"), BANG("!"),
    QUESTION("?"), COLON(":"), COMMA(","), DOT("."),
    LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"),
    EOF;

    private final String symbol;

    TokenKind() {
        this(null);
    }

    TokenKind(String symbol) {
        this.symbol = symbol;
    }

    /** How the token is written, or the kind name for tokens with a payload. */
    String describe() {
        return symbol != null ? "`" + symbol + "`" : name();
    }
}
