package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.VariableUse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Lists the variables a condition reads and the literals each is compared with ({@code ==}, {@code !=},
 * {@code =~}, {@code !~}, {@code includes}), for {@code pipelens vars}. Reads inside branches that may be
 * short-circuited are listed too.
 */
final class VariableCollector {

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private VariableCollector() {
    }

    static List<VariableUse> collect(Node root) {
        VariableCollector collector = new VariableCollector();
        for (Node node : Nodes.preOrder(root)) {
            collector.visit(node);
        }
        List<Entry> sorted = new ArrayList<>(collector.entries.values());
        sorted.sort(Comparator.comparingInt(entry -> entry.offset));
        List<VariableUse> uses = new ArrayList<>(sorted.size());
        for (Entry entry : sorted) {
            uses.add(new VariableUse(entry.name, entry.kind, new ArrayList<>(entry.comparedWith), entry.offset));
        }
        return List.copyOf(uses);
    }

    private void visit(Node node) {
        if (node instanceof Node.Identifier) {
            entry(((Node.Identifier) node).name(), VariableUse.Kind.BUILD_VARIABLE, node.start());
        } else if (node instanceof Node.Call) {
            String name = envName((Node.Call) node);
            if (name != null) {
                entry(name, VariableUse.Kind.ENV, node.start());
            }
        } else if (node instanceof Node.Shell) {
            ShellSubstitution.collectNames(((Node.Shell) node).raw(), name -> entry(name, VariableUse.Kind.ENV, node.start()));
        } else if (node instanceof Node.StringLiteral && !((Node.StringLiteral) node).isStatic()) {
            ShellSubstitution.collectNames(((Node.StringLiteral) node).raw(),
                    name -> entry(name, VariableUse.Kind.ENV, node.start()));
        } else if (node instanceof Node.Binary) {
            comparison((Node.Binary) node);
        }
    }

    private void comparison(Node.Binary node) {
        BinaryOperator op = node.operator();
        if (op == BinaryOperator.AND || op == BinaryOperator.OR) {
            return;
        }
        Entry left = variable(node.left());
        Entry right = variable(node.right());
        if (left != null) {
            literals(node.right(), left);
        }
        if (right != null) {
            literals(node.left(), right);
        }
    }

    /** Adds the literal(s) of {@code node} - a string, a regex, or an array of strings - to {@code entry}. */
    private static void literals(Node node, Entry entry) {
        if (node instanceof Node.StringLiteral && ((Node.StringLiteral) node).isStatic()) {
            entry.comparedWith.add(((Node.StringLiteral) node).staticValue());
        } else if (node instanceof Node.Regex) {
            entry.comparedWith.add(((Node.Regex) node).value().render());
        } else if (node instanceof Node.ArrayLiteral) {
            for (Node element : ((Node.ArrayLiteral) node).elements()) {
                if (element instanceof Node.StringLiteral && ((Node.StringLiteral) element).isStatic()) {
                    entry.comparedWith.add(((Node.StringLiteral) element).staticValue());
                }
            }
        }
    }

    /** The entry of a plain variable reference ({@code build.x}, {@code build.env("X")}, {@code $X}), else null. */
    private Entry variable(Node node) {
        if (node instanceof Node.Identifier) {
            return entry(((Node.Identifier) node).name(), VariableUse.Kind.BUILD_VARIABLE, node.start());
        }
        if (node instanceof Node.Call) {
            String name = envName((Node.Call) node);
            return name == null ? null : entry(name, VariableUse.Kind.ENV, node.start());
        }
        if (node instanceof Node.Shell) {
            List<String> names = new ArrayList<>();
            ShellSubstitution.collectNames(((Node.Shell) node).raw(), names::add);
            return names.isEmpty() ? null : entry(names.get(0), VariableUse.Kind.ENV, node.start());
        }
        return null;
    }

    private static String envName(Node.Call call) {
        if (!TypeChecker.isEnvFunction(call.function()) || call.arguments().size() != 1) {
            return null;
        }
        Node argument = call.arguments().get(0);
        if (argument instanceof Node.StringLiteral && ((Node.StringLiteral) argument).isStatic()) {
            return ((Node.StringLiteral) argument).staticValue();
        }
        return null;
    }

    private Entry entry(String name, VariableUse.Kind kind, int offset) {
        Entry entry = entries.computeIfAbsent(kind + ":" + name, key -> new Entry(name, kind, offset));
        entry.offset = Math.min(entry.offset, offset);
        return entry;
    }

    private static final class Entry {
        final String name;
        final VariableUse.Kind kind;
        final LinkedHashSet<String> comparedWith = new LinkedHashSet<>();
        int offset;

        Entry(String name, VariableUse.Kind kind, int offset) {
            this.name = name;
            this.kind = kind;
            this.offset = offset;
        }
    }
}
