package dev.pipelens.buildkite.expr;

import java.util.ArrayList;
import java.util.List;

/** Tree walking helpers. */
final class Nodes {

    private Nodes() {
    }

    /** {@code root} and all its descendants, parents before children, children in source order. */
    static List<Node> preOrder(Node root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<Node> out) {
        out.add(node);
        for (Node child : children(node)) {
            collect(child, out);
        }
    }

    /** The direct children of {@code node} in source order. */
    static List<Node> children(Node node) {
        if (node instanceof Node.Binary) {
            Node.Binary binary = (Node.Binary) node;
            return List.of(binary.left(), binary.right());
        }
        if (node instanceof Node.Not) {
            return List.of(((Node.Not) node).operand());
        }
        if (node instanceof Node.Ternary) {
            Node.Ternary ternary = (Node.Ternary) node;
            return List.of(ternary.condition(), ternary.consequence(), ternary.alternative());
        }
        if (node instanceof Node.Call) {
            return ((Node.Call) node).arguments();
        }
        if (node instanceof Node.ArrayLiteral) {
            return ((Node.ArrayLiteral) node).elements();
        }
        return List.of();
    }
}
