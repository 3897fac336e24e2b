package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Value;

import java.util.List;

/**
 * A node of the condition's syntax tree. Every node knows its span {@code [start, end)} in the source.
 * Parentheses around a whole node are not part of its span, but parentheses around an operand are part of
 * the enclosing operator's span ({@code !(a == b)} spans up to the closing parenthesis). Nodes are immutable records; tools walk them with
 * a {@link NodeVisitor}.
 */
sealed interface Node {

    int start();

    int end();

    <R> R accept(NodeVisitor<R> visitor);

    /** {@code true}, {@code false}, {@code null} or an integer. */
    record Literal(Value value, int start, int end) implements Node {
        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitLiteral(this);
        }
    }

    /**
     * A quoted string. {@code raw} is the text between the quotes; {@code staticValue} is the decoded value,
     * or null for a double-quoted string with a shell substitution (its value depends on the environment).
     */
    record StringLiteral(char quote, String raw, String staticValue, int start, int end) implements Node {
        boolean isStatic() {
            return staticValue != null;
        }

        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitString(this);
        }
    }

    /** A variable such as {@code build.branch} (dotted names are one flat identifier). */
    record Identifier(String name, int start, int end) implements Node {
        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitIdentifier(this);
        }
    }

    /** A shell substitution operand, {@code $name} or {@code ${...}}, kept as written. */
    record Shell(String raw, int start, int end) implements Node {
        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitShell(this);
        }
    }

    /** A regular expression literal, compiled once at parse time. */
    record Regex(Value.RegexValue value, int start, int end) implements Node {
        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitRegex(this);
        }
    }

    /** {@code [a, b, ...]}. */
    record ArrayLiteral(List<Node> elements, int start, int end) implements Node {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }

        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitArray(this);
        }
    }

    /** {@code !operand}. */
    record Not(Node operand, int start, int end) implements Node {
        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /** {@code left op right}; {@code opStart} is where the operator is written. */
    record Binary(BinaryOperator operator, Node left, Node right, int opStart, int start, int end) implements Node {
        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitBinary(this);
        }
    }

    /** {@code condition ? consequence : alternative}. */
    record Ternary(Node condition, Node consequence, Node alternative, int start, int end) implements Node {
        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitTernary(this);
        }
    }

    /** {@code function(arguments)}; only {@code env} and {@code build.env} exist. */
    record Call(String function, List<Node> arguments, int start, int end) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public <R> R accept(NodeVisitor<R> visitor) {
            return visitor.visitCall(this);
        }
    }
}
