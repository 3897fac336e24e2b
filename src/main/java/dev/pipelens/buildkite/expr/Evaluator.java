package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Evaluation;
import dev.pipelens.expr.ReadValue;
import dev.pipelens.expr.SubValue;
import dev.pipelens.expr.Value;
import dev.pipelens.expr.VariableUse;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates a type-checked condition once against a {@link BuildkiteContext}, with buildkite/conditional's
 * run-time rules: {@code &&}/{@code ||} short-circuit and return an operand; {@code !null} is true;
 * {@code null =~ re} is false and {@code null !~ re} true; {@code null includes x} is false; a null
 * result is false. Type errors only visible at run time become an {@link Evaluation#error()}. One
 * instance per evaluation; it records reads and a trace of sub-expression values (rendered lazily).
 */
final class Evaluator implements NodeVisitor<Value> {

    private final String src;
    private final BuildkiteContext context;
    private final List<ReadValue> reads = new ArrayList<>(4);
    private Node[] traceNodes = new Node[8];
    private Value[] traceValues = new Value[8];
    private int traceSize;

    private Evaluator(String src, BuildkiteContext context) {
        this.src = src;
        this.context = context;
    }

    static Evaluation evaluate(String src, Node root, BuildkiteContext context) {
        Evaluator evaluator = new Evaluator(src, context);
        Boolean result = null;
        String error = null;
        int errorOffset = -1;
        try {
            Value value = evaluator.eval(root);
            if (value instanceof Value.BoolValue) {
                result = ((Value.BoolValue) value).value();
            } else if (value instanceof Value.NullValue) {
                result = Boolean.FALSE;
            } else {
                error = "expected boolean result, got " + value.typeName();
                errorOffset = 0;
            }
        } catch (Failure failure) {
            error = failure.getMessage();
            errorOffset = failure.offset;
        }
        return new Evaluation(result, error, errorOffset,
                new Trace(src, evaluator.traceNodes, evaluator.traceValues, evaluator.traceSize),
                List.copyOf(evaluator.reads));
    }

    private Value eval(Node node) {
        Value value = node.accept(this);
        if (!(node instanceof Node.Literal) && !(node instanceof Node.Regex)
                && !(node instanceof Node.StringLiteral && ((Node.StringLiteral) node).isStatic())) {
            record(node, value);
        }
        return value;
    }

    private void record(Node node, Value value) {
        if (traceSize == traceNodes.length) {
            traceNodes = Arrays.copyOf(traceNodes, traceSize * 2);
            traceValues = Arrays.copyOf(traceValues, traceSize * 2);
        }
        traceNodes[traceSize] = node;
        traceValues[traceSize] = value;
        traceSize++;
    }

    // ---- leaves ---------------------------------------------------------------------------------

    @Override
    public Value visitLiteral(Node.Literal node) {
        return node.value();
    }

    @Override
    public Value visitString(Node.StringLiteral node) {
        if (node.isStatic()) {
            return new Value.StringValue(node.staticValue());
        }
        try {
            return new Value.StringValue(ShellSubstitution.expandDoubleQuoted(node.raw(), this::readEnv));
        } catch (ShellSubstitution.ShellException e) {
            throw new Failure(e.getMessage(), node.start());
        }
    }

    @Override
    public Value visitIdentifier(Node.Identifier node) {
        Value value = context.variable(node.name());
        if (value == null) {
            value = Value.NULL;
        }
        read(node.name(), VariableUse.Kind.BUILD_VARIABLE, value);
        return value;
    }

    @Override
    public Value visitShell(Node.Shell node) {
        try {
            return Value.of(ShellSubstitution.evalOperand(node.raw(), this::readEnv));
        } catch (ShellSubstitution.ShellException e) {
            throw new Failure(e.getMessage(), node.start());
        }
    }

    @Override
    public Value visitRegex(Node.Regex node) {
        return node.value();
    }

    @Override
    public Value visitArray(Node.ArrayLiteral node) {
        List<String> elements = new ArrayList<>(node.elements().size());
        for (Node element : node.elements()) {
            Value value = eval(element);
            if (value instanceof Value.StringValue) {
                elements.add(((Value.StringValue) value).value());
            } else if (value instanceof Value.NullValue) {
                elements.add(null);
            } else {
                throw new Failure("array elements must be strings, got " + value.typeName(), element.start());
            }
        }
        return new Value.ArrayValue(elements);
    }

    @Override
    public Value visitCall(Node.Call node) {
        Node argument = node.arguments().get(0);
        Value name = eval(argument);
        if (!(name instanceof Value.StringValue)) {
            throw new Failure("env argument must be a string", argument.start());
        }
        String key = ((Value.StringValue) name).value();
        if (key.isEmpty()) {
            throw new Failure("env argument should be an environment variable name", argument.start());
        }
        if (BuildkiteVariables.isUnsupportedBuildkiteEnv(key)) {
            throw new Failure(BuildkiteVariables.unsupportedEnvMessage(key), argument.start());
        }
        String value = readEnv(key);
        if (node.function().equals("env")) {
            return new Value.StringValue(value == null ? "" : value);
        }
        return Value.of(value);
    }

    // ---- operators ------------------------------------------------------------------------------

    @Override
    public Value visitNot(Node.Not node) {
        Value operand = eval(node.operand());
        if (operand instanceof Value.BoolValue) {
            return Value.of(!((Value.BoolValue) operand).value());
        }
        return Value.of(operand instanceof Value.NullValue);
    }

    @Override
    public Value visitTernary(Node.Ternary node) {
        return truthy(eval(node.condition())) ? eval(node.consequence()) : eval(node.alternative());
    }

    @Override
    public Value visitBinary(Node.Binary node) {
        Value left = eval(node.left());
        if (node.operator() == BinaryOperator.AND) {
            return truthy(left) ? eval(node.right()) : left;
        }
        if (node.operator() == BinaryOperator.OR) {
            return truthy(left) ? left : eval(node.right());
        }
        Value right = eval(node.right());
        return apply(node, left, right);
    }

    private Value apply(Node.Binary node, Value left, Value right) {
        BinaryOperator op = node.operator();
        if (right instanceof Value.RegexValue && (op == BinaryOperator.MATCH || op == BinaryOperator.NOT_MATCH)) {
            if (left instanceof Value.StringValue) {
                boolean found = find((Value.RegexValue) right, ((Value.StringValue) left).value(), node);
                return Value.of(found == (op == BinaryOperator.MATCH));
            }
            if (left instanceof Value.NullValue) {
                return Value.of(op == BinaryOperator.NOT_MATCH);
            }
        }
        if (right instanceof Value.RegexValue && op != BinaryOperator.INCLUDES
                && (left instanceof Value.StringValue || left instanceof Value.NullValue)) {
            throw new Failure("unknown operator: " + left.typeName() + " " + op.symbol + " REGEXP", node.start());
        }
        if (op == BinaryOperator.INCLUDES) {
            if (left instanceof Value.ArrayValue) {
                return Value.of(includes((Value.ArrayValue) left, right, node));
            }
            if (left instanceof Value.NullValue && !(right instanceof Value.RegexValue)) {
                return Value.FALSE;
            }
        }
        if (op == BinaryOperator.EQ) {
            return Value.of(left.equals(right));
        }
        if (op == BinaryOperator.NOT_EQ) {
            return Value.of(!left.equals(right));
        }
        throw new Failure("unknown operator: " + left.typeName() + " " + op.symbol + " " + right.typeName(),
                node.start());
    }

    /** A regex search; a backtracking match that runs too long is a run-time error (the step is left out). */
    private static boolean find(Value.RegexValue regex, String text, Node node) {
        try {
            return regex.find(text);
        } catch (dev.pipelens.expr.BoundedRegex.TooSlow e) {
            throw new Failure(e.getMessage(), node.start());
        }
    }

    private boolean includes(Value.ArrayValue array, Value needle, Node.Binary node) {
        if (needle instanceof Value.NullValue) {
            return false;
        }
        List<String> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            String element = elements.get(i);
            if (element == null) {
                throw new Failure("type mismatch at index " + i + " in array: NULL vs "
                        + (needle instanceof Value.RegexValue ? "STRING" : needle.typeName()), node.start());
            }
            if (needle instanceof Value.RegexValue) {
                if (find((Value.RegexValue) needle, element, node)) {
                    return true;
                }
            } else if (needle instanceof Value.StringValue) {
                if (element.equals(((Value.StringValue) needle).value())) {
                    return true;
                }
            } else {
                throw new Failure("type mismatch at index " + i + " in array: STRING vs " + needle.typeName(),
                        node.start());
            }
        }
        return false;
    }

    private static boolean truthy(Value value) {
        if (value instanceof Value.BoolValue) {
            return ((Value.BoolValue) value).value();
        }
        return !(value instanceof Value.NullValue);
    }

    // ---- reads ----------------------------------------------------------------------------------

    private String readEnv(String name) {
        String value = context.env(name);
        read(name, VariableUse.Kind.ENV, Value.of(value));
        return value;
    }

    private void read(String name, VariableUse.Kind kind, Value value) {
        for (int i = 0; i < reads.size(); i++) {
            ReadValue existing = reads.get(i);
            if (existing.kind() == kind && existing.name().equals(name)) {
                return;
            }
        }
        reads.add(new ReadValue(name, kind, value));
    }

    /** A run-time error at a source offset; carries no stack trace. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        Failure(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /** The trace as an immutable list whose entries are rendered when read. */
    private static final class Trace extends AbstractList<SubValue> {
        private final String src;
        private final Node[] nodes;
        private final Value[] values;
        private final int size;

        Trace(String src, Node[] nodes, Value[] values, int size) {
            this.src = src;
            this.nodes = nodes;
            this.values = values;
            this.size = size;
        }

        @Override
        public SubValue get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            Node node = nodes[index];
            return new SubValue(node.start(), node.end(), src.substring(node.start(), node.end()), values[index].render());
        }

        @Override
        public int size() {
            return size;
        }
    }
}
