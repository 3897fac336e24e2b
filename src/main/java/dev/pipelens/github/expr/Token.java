package dev.pipelens.github.expr;

/**
 * One token of an expression: its type, the text as written, the literal value (numbers, strings) and
 * the 0-based offset of its first character.
 */
record Token(Type type, String lexeme, GhValue value, int start) {

    /** Token types of C-EXPR lexer.ts. */
    enum Type {
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA, DOT,
        BANG, BANG_EQUAL, EQUAL_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL, AND, OR,
        STAR, NUMBER, STRING, IDENTIFIER, TRUE, FALSE, NULL, EOF
    }

    /** How an error message names the token ({@code tokenString}): a string's value, else the lexeme. */
    String display() {
        if (type == Type.EOF) {
            return "EOF";
        }
        if (type == Type.STRING) {
            return value.coerceString();
        }
        return lexeme;
    }
}
