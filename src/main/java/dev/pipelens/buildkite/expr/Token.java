package dev.pipelens.buildkite.expr;

/**
 * One token: its kind, the source text {@code [start, end)}, and for strings the quote character
 * ({@code flags} = {@code "} or {@code '}) and for regular expressions the flags after the closing slash.
 * {@code value} is the decoded payload: the identifier, the digits, the string content between the quotes
 * (raw, undecoded), the regex source between the slashes, or the whole {@code $...} shell text.
 */
record Token(TokenKind kind, String value, String flags, int start, int end) {
}
