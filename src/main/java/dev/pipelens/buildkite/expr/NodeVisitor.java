package dev.pipelens.buildkite.expr;

/** Double dispatch over {@link Node}s (Java 17 has no pattern-matching switch). */
interface NodeVisitor<R> {

    R visitLiteral(Node.Literal node);

    R visitString(Node.StringLiteral node);

    R visitIdentifier(Node.Identifier node);

    R visitShell(Node.Shell node);

    R visitRegex(Node.Regex node);

    R visitArray(Node.ArrayLiteral node);

    R visitNot(Node.Not node);

    R visitBinary(Node.Binary node);

    R visitTernary(Node.Ternary node);

    R visitCall(Node.Call node);
}
