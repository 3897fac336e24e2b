package dev.pipelens.gitlab.expr;

/** The lexemes of GitLab's expression lexer, in its own order. */
public enum TokenKind {
    LEFT_PAREN("("), RIGHT_PAREN(")"), VARIABLE("variable"), STRING("string"), REGEX("regular expression"),
    NULL("null"), EQUALS("=="), MATCHES("=~"), NOT_EQUALS("!="), NOT_MATCHES("!~"), AND("&&"), OR("||"),
    END("end of expression");

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    /** How the token kind is named in messages. */
    public String display() {
        return display;
    }

    /** Whether this is one of the four comparison operators. */
    public boolean isComparison() {
        return this == EQUALS || this == NOT_EQUALS || this == MATCHES || this == NOT_MATCHES;
    }
}
