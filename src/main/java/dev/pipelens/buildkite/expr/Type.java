package dev.pipelens.buildkite.expr;

import java.util.Set;

/**
 * A static type of the type checker. {@code enumeration} is set for enum-typed strings such as
 * {@code build.source}: their kind is {@link Kind#STRING} but they only compare with member literals.
 */
record Type(Kind kind, Enumeration enumeration) {

    static final Type STRING = new Type(Kind.STRING, null);
    static final Type NUMBER = new Type(Kind.NUMBER, null);
    static final Type BOOLEAN = new Type(Kind.BOOLEAN, null);
    static final Type NULL = new Type(Kind.NULL, null);
    static final Type REGEX = new Type(Kind.REGEX, null);
    static final Type STRING_ARRAY = new Type(Kind.STRING_ARRAY, null);
    static final Type UNKNOWN = new Type(Kind.UNKNOWN, null);

    enum Kind {
        STRING("string"), NUMBER("number"), BOOLEAN("boolean"), NULL("null"), REGEX("regular expression"),
        STRING_ARRAY("string array"), UNKNOWN("unknown");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** An enum type: its name in messages ({@code build source}) and its members. */
    record Enumeration(String name, Set<String> members) {
    }

    static Type enumeration(String name, String... members) {
        return new Type(Kind.STRING, new Enumeration(name, Set.of(members)));
    }

    boolean isEnum() {
        return enumeration != null;
    }

    /** Whether this type is {@code kind} and not an enum. */
    boolean is(Kind expected) {
        return kind == expected && enumeration == null;
    }

    /** As in buildkite/conditional's messages: {@code string}, {@code build source enumeration value}. */
    String describe() {
        return enumeration != null ? enumeration.name() + " enumeration value" : kind.description;
    }
}
