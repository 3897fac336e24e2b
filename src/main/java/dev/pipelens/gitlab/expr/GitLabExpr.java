package dev.pipelens.gitlab.expr;

/**
 * The immutable syntax tree of a GitLab expression. Every node keeps the 0-based offset of its first
 * character in the expression text.
 */
public sealed interface GitLabExpr permits GitLabExpr.Variable, GitLabExpr.Str, GitLabExpr.Null,
        GitLabExpr.Regex, GitLabExpr.Compare, GitLabExpr.Logical {

    /** Where the node starts in the expression text. */
    int offset();

    /** {@code $NAME}. */
    record Variable(String name, int offset) implements GitLabExpr {
    }

    /** A quoted string literal, contents without quotes. */
    record Str(String value, int offset) implements GitLabExpr {
    }

    /** The {@code null} keyword. */
    record Null(int offset) implements GitLabExpr {
    }

    /** A {@code /regex/flags} literal, compiled once. */
    record Regex(GitLabRegex regex, int offset) implements GitLabExpr {
    }

    /** {@code left OP right} with OP one of {@code == != =~ !~}. */
    record Compare(TokenKind operator, GitLabExpr left, GitLabExpr right, int offset) implements GitLabExpr {
    }

    /** {@code left && right} ({@code and} true) or {@code left || right}. */
    record Logical(boolean and, GitLabExpr left, GitLabExpr right, int offset) implements GitLabExpr {
    }
}
