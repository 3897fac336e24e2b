package dev.pipelens.buildkite.expr;

/** The binary operators, each with how it is written. */
enum BinaryOperator {
    EQ("=="), NOT_EQ("!="), MATCH("=~"), NOT_MATCH("!~"), INCLUDES("includes"), AND("&&"), OR("||");

    final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }

    static BinaryOperator comparison(TokenKind kind) {
        return switch (kind) {
            case EQ -> EQ;
            case NOT_EQ -> NOT_EQ;
            case MATCH -> MATCH;
            case NOT_MATCH -> NOT_MATCH;
            case INCLUDES -> INCLUDES;
            default -> null;
        };
    }
}
