package dev.pipelens.gitlab.expr;

/** A variable an evaluation read, and the value it had ({@code null} = undefined). */
public record VariableRead(String name, String value) {

    /** {@code $NAME = "value"} or {@code $NAME undefined}, for reasons. */
    public String describe() {
        return value == null ? "$" + name + " undefined" : "$" + name + " = \"" + value + "\"";
    }
}
