package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.ExpressionErrorKind;
import dev.pipelens.expr.ExpressionException;

/**
 * Validates a parsed condition the way the server does before accepting an upload (buildkite/conditional
 * {@code validateExpression} and {@code typecheck.go}), in this order: no {@code step.*} variables; every
 * {@code env()}/{@code build.env()} call has one argument and a literal argument is an allowed name; then
 * the type rules of spec section 2.4. Both sides of {@code &&}/{@code ||} are always checked. Errors are
 * {@link ExpressionErrorKind#VALIDATION} at the offending operand, or {@link ExpressionErrorKind#RESULT}
 * (offset 0) when the whole expression is not boolean or null.
 */
final class TypeChecker implements NodeVisitor<Type> {

    private final String src;

    private TypeChecker(String src) {
        this.src = src;
    }

    static void validate(String src, Node root) throws ExpressionException {
        TypeChecker checker = new TypeChecker(src);
        try {
            checker.rejectStepVariables(root);
            checker.checkEnvCalls(root);
            Type result = root.accept(checker);
            // buildkite/conditional typecheck.go: got.kind != kindBool && got.kind != kindUnknown -> error, so a
            // bare `null` is rejected like any other non-boolean result
            if (result.kind() != Type.Kind.BOOLEAN && result.kind() != Type.Kind.UNKNOWN) {
                throw new ExpressionException(ExpressionErrorKind.RESULT,
                        "expected boolean result, got " + result.describe(), 0, src);
            }
        } catch (Rejected rejected) {
            throw rejected.exception;
        }
    }

    // ---- pre-passes ---------------------------------------------------------------------------

    private void rejectStepVariables(Node root) {
        for (Node node : Nodes.preOrder(root)) {
            String name = node instanceof Node.Identifier ? ((Node.Identifier) node).name()
                    : node instanceof Node.Call ? ((Node.Call) node).function() : null;
            if (name != null && (name.equals("step") || name.startsWith("step."))) {
                throw reject("step variables are not available for entry point \"build_condition\"", node);
            }
        }
    }

    private void checkEnvCalls(Node root) {
        for (Node node : Nodes.preOrder(root)) {
            if (!(node instanceof Node.Call)) {
                continue;
            }
            Node.Call call = (Node.Call) node;
            if (!isEnvFunction(call.function())) {
                continue;
            }
            if (call.arguments().size() != 1) {
                throw reject(call.function() + " expects exactly one argument", call);
            }
            Node argument = call.arguments().get(0);
            if (argument instanceof Node.StringLiteral && ((Node.StringLiteral) argument).isStatic()) {
                String name = ((Node.StringLiteral) argument).staticValue();
                if (name.startsWith("$")) {
                    String suggestion = name.replace("$", "");
                    throw reject("Argument to `env` should not include `$`"
                            + (suggestion.isEmpty() ? "" : " - did you mean " + suggestion + "?"), argument);
                }
                if (!BuildkiteVariables.isValidEnvName(name)) {
                    throw reject("Argument to `env` should be an environment variable name", argument);
                }
                if (BuildkiteVariables.isUnsupportedStaticBuildkiteEnv(name)) {
                    throw reject(BuildkiteVariables.unsupportedEnvMessage(name), argument);
                }
            }
        }
    }

    static boolean isEnvFunction(String name) {
        return name.equals("env") || name.equals("build.env");
    }

    // ---- type rules -------------------------------------------------------------------------------

    @Override
    public Type visitLiteral(Node.Literal node) {
        switch (node.value().typeName()) {
            case "BOOLEAN":
                return Type.BOOLEAN;
            case "NULL":
                return Type.NULL;
            default:
                return Type.NUMBER;
        }
    }

    @Override
    public Type visitString(Node.StringLiteral node) {
        return Type.STRING;
    }

    @Override
    public Type visitIdentifier(Node.Identifier node) {
        Type type = BuildkiteVariables.typeOf(node.name());
        if (type == null) {
            String near = dev.pipelens.model.Spelling.nearest(node.name(), BuildkiteVariables.names());
            throw reject("`" + node.name() + "` is not a variable" + (near == null ? "" : " (did you mean `" + near + "`?)"),
                    node);
        }
        return type;
    }

    @Override
    public Type visitShell(Node.Shell node) {
        return Type.STRING;
    }

    @Override
    public Type visitRegex(Node.Regex node) {
        return Type.REGEX;
    }

    @Override
    public Type visitArray(Node.ArrayLiteral node) {
        for (Node element : node.elements()) {
            Type type = element.accept(this);
            if (type.kind() != Type.Kind.UNKNOWN && !type.is(Type.Kind.STRING)) {
                throw mismatch("string", type, element);
            }
        }
        return Type.STRING_ARRAY;
    }

    @Override
    public Type visitNot(Node.Not node) {
        expect(node.operand(), Type.Kind.BOOLEAN); // conditional: c.expect(expr.Right, kindBool); `!null` is rejected
        return Type.BOOLEAN;
    }

    @Override
    public Type visitBinary(Node.Binary node) {
        switch (node.operator()) {
            case MATCH:
            case NOT_MATCH:
                expect(node.left(), Type.Kind.STRING, Type.Kind.NULL);
                expect(node.right(), Type.Kind.REGEX);
                return Type.BOOLEAN;
            case INCLUDES:
                expect(node.left(), Type.Kind.STRING_ARRAY, Type.Kind.NULL);
                expect(node.right(), Type.Kind.STRING, Type.Kind.REGEX, Type.Kind.NULL);
                return Type.BOOLEAN;
            case AND:
            case OR:
                expect(node.left(), Type.Kind.BOOLEAN);
                expect(node.right(), Type.Kind.BOOLEAN);
                return Type.BOOLEAN;
            default:
                compatible(node.left(), node.right(), false);
                return Type.BOOLEAN;
        }
    }

    @Override
    public Type visitTernary(Node.Ternary node) {
        expect(node.condition(), Type.Kind.BOOLEAN);
        return compatible(node.consequence(), node.alternative(), true);
    }

    @Override
    public Type visitCall(Node.Call node) {
        if (!isEnvFunction(node.function())) {
            throw reject("`" + node.function() + "` is not a function", node);
        }
        // conditional's expectCallArgument accepts any string kind, enums included: build.env(build.source)
        Type argument = node.arguments().get(0).accept(this);
        if (argument.kind() != Type.Kind.UNKNOWN && argument.kind() != Type.Kind.STRING) {
            throw mismatch("string", argument, node.arguments().get(0));
        }
        return Type.STRING;
    }

    /**
     * Operands of {@code ==}, {@code !=} and the two branches of a ternary (conditional's
     * checkCompatibleTypes): the same kind, or either side null; two string arrays compare
     * ({@code [] == []}, {@code build.pull_request.labels == null}). An enum must be on the left and the right
     * side a string (a literal must be a member) or null.
     */
    private Type compatible(Node left, Node right, boolean allowArrays) {
        Type leftType = left.accept(this);
        Type rightType = right.accept(this);
        if (leftType.kind() == Type.Kind.NULL || leftType.kind() == Type.Kind.UNKNOWN) {
            return rightType;
        }
        if (rightType.kind() == Type.Kind.NULL || rightType.kind() == Type.Kind.UNKNOWN) {
            return leftType;
        }
        if (leftType.kind() == Type.Kind.STRING_ARRAY || rightType.kind() == Type.Kind.STRING_ARRAY) {
            if (leftType.kind() != rightType.kind()) {
                throw mismatch(leftType.describe(), rightType, right);
            }
            return leftType;
        }
        if (leftType.isEnum()) {
            if (!rightType.is(Type.Kind.STRING)) {
                throw mismatch("string or null", rightType, right);
            }
            if (right instanceof Node.StringLiteral && ((Node.StringLiteral) right).isStatic()) {
                String literal = ((Node.StringLiteral) right).staticValue();
                if (!leftType.enumeration().members().contains(literal)) {
                    String near = dev.pipelens.model.Spelling.nearest(literal, leftType.enumeration().members());
                    throw reject("\"" + literal + "\" is not a valid `" + text(left) + "`"
                            + (near == null ? " (it is one of " + String.join(", ", leftType.enumeration().members()) + ")"
                            : " (did you mean \"" + near + "\"?)"), right);
                }
            }
            return leftType;
        }
        if (rightType.isEnum() || rightType.kind() != leftType.kind()) {
            throw mismatch(leftType.kind().description + " or null", rightType, right);
        }
        return leftType;
    }

    private void expect(Node node, Type.Kind... allowed) {
        Type actual = node.accept(this);
        if (actual.kind() == Type.Kind.UNKNOWN) {
            return;
        }
        for (Type.Kind kind : allowed) {
            if (actual.is(kind)) {
                return;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < allowed.length; i++) {
            if (i > 0) {
                expected.append(i == allowed.length - 1 ? " or " : ", ");
            }
            expected.append(allowed[i].description);
        }
        throw mismatch(expected.toString(), actual, node);
    }

    private String text(Node node) {
        return src.substring(node.start(), node.end());
    }

    private Rejected mismatch(String expected, Type actual, Node node) {
        return reject("unexpected type: expected " + expected + " but found " + actual.describe(), node);
    }

    private Rejected reject(String message, Node node) {
        return new Rejected(new ExpressionException(ExpressionErrorKind.VALIDATION, message, node.start(), src));
    }

    /** Carries a checked validation error out of the visitor. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ExpressionException exception;

        Rejected(ExpressionException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }
}
