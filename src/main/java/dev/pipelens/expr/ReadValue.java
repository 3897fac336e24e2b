package dev.pipelens.expr;

/**
 * A variable read during one evaluation and the value it had. Environment variables read with
 * {@code build.env("X")}, {@code env("X")} or {@code $X} are named {@code X}; build variables by their
 * dotted name. For {@code env("X")} of an unset variable the value is the null that was looked up, even
 * though {@code env()} itself returned {@code ""}.
 */
public record ReadValue(String name, VariableUse.Kind kind, Value value) {

    /** The value rendered for people: {@code "1"}, {@code null}, {@code 42}. */
    public String rendered() {
        return value.render();
    }

    /** {@code name = rendered value}. */
    @Override
    public String toString() {
        return name + " = " + rendered();
    }
}
