package dev.pipelens.expr;

/**
 * One comparison a condition is built of, for scenario discovery: a variable compared with a literal, a
 * regex, another variable, or tested for presence. Names are as {@link VariableUse} names them (build
 * variables {@code build.branch}; environment variables by their name).
 *
 * @param name  the variable
 * @param op    what must hold
 * @param value the string literal, the regex source (for {@link Op#MATCH}/{@link Op#NO_MATCH}), or the
 *              other variable's name (for {@link Op#SAME}/{@link Op#DIFFERENT}); null for presence tests
 * @param flags regex flags ({@code i}...), else empty
 * @param kind  build or environment variable
 */
public record Atom(String name, Op op, String value, String flags, VariableUse.Kind kind) {

    /** The relation an atom asks for. */
    public enum Op {
        EQ, NE, MATCH, NO_MATCH, SAME, DIFFERENT, PRESENT, ABSENT, TRUE, FALSE;

        /** The relation that holds exactly when this one does not. */
        public Op negate() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case MATCH -> NO_MATCH;
                case NO_MATCH -> MATCH;
                case SAME -> DIFFERENT;
                case DIFFERENT -> SAME;
                case PRESENT -> ABSENT;
                case ABSENT -> PRESENT;
                case TRUE -> FALSE;
                case FALSE -> TRUE;
            };
        }
    }

    public Atom {
        flags = flags == null ? "" : flags;
    }

    public Atom negate() {
        return new Atom(name, op.negate(), value, flags, kind);
    }
}
