package dev.pipelens.gitlab.expr;

/** Where an evaluation reads variables: the value of {@code name}, or null when it is undefined. */
@FunctionalInterface
public interface VariableLookup {

    String get(String name);
}
