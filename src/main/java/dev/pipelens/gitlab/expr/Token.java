package dev.pipelens.gitlab.expr;

/**
 * One lexeme: its kind, the text as written, its value (variable name without {@code $}, string contents,
 * regex source without slashes), the regex flags (or empty) and the 0-based offset of its first character.
 */
public record Token(TokenKind kind, String text, String value, String flags, int offset) {
}
