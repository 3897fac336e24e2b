package dev.pipelens.expr;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A run-time value of an expression: string, integer number, boolean, null, regular expression or an
 * array of strings. Enum-typed strings (such as {@code build.source}) are plain {@link StringValue}s at run
 * time; enums exist only for the type checker. Values are immutable.
 */
public sealed interface Value {

    /** The null value. */
    NullValue NULL = new NullValue();
    /** The boolean true. */
    BoolValue TRUE = new BoolValue(true);
    /** The boolean false. */
    BoolValue FALSE = new BoolValue(false);

    /** A string value, or {@link #NULL} when {@code value} is null. */
    static Value of(String value) {
        return value == null ? NULL : new StringValue(value);
    }

    /** A number value. */
    static Value of(long value) {
        return new NumberValue(value);
    }

    /** {@link #TRUE} or {@link #FALSE}. */
    static BoolValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A boolean value, or {@link #NULL} when {@code value} is null. */
    static Value ofNullable(Boolean value) {
        return value == null ? NULL : of(value.booleanValue());
    }

    /** An array of strings, or {@link #NULL} when {@code elements} is null. */
    static Value array(List<String> elements) {
        return elements == null ? NULL : new ArrayValue(elements);
    }

    /** A short type name for messages: {@code STRING}, {@code INTEGER}, {@code BOOLEAN}, {@code NULL}, {@code REGEXP}, {@code ARRAY}. */
    String typeName();

    /** The value as a person reads it: {@code "main"}, {@code 42}, {@code true}, {@code null}, {@code /^v/i}, {@code ["a", "b"]}. */
    String render();

    /** A string. */
    record StringValue(String value) implements Value {
        public StringValue {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "STRING";
        }

        @Override
        public String render() {
            return quote(value);
        }
    }

    /** An integer number. */
    record NumberValue(long value) implements Value {
        @Override
        public String typeName() {
            return "INTEGER";
        }

        @Override
        public String render() {
            return Long.toString(value);
        }
    }

    /** A boolean; use {@link Value#TRUE} and {@link Value#FALSE}. */
    record BoolValue(boolean value) implements Value {
        @Override
        public String typeName() {
            return "BOOLEAN";
        }

        @Override
        public String render() {
            return Boolean.toString(value);
        }
    }

    /** The null value; use {@link Value#NULL}. */
    record NullValue() implements Value {
        @Override
        public String typeName() {
            return "NULL";
        }

        @Override
        public String render() {
            return "null";
        }
    }

    /**
     * A compiled regular expression literal: its source between the slashes, its flags and the RE2/J pattern,
     * or (for lookahead and backreferences, which RE2/J cannot do) a {@link BoundedRegex}.
     */
    record RegexValue(String source, String flags, Pattern pattern, BoundedRegex bounded) implements Value {

        public RegexValue(String source, String flags, Pattern pattern) {
            this(source, flags, pattern, null);
        }

        @Override
        public String typeName() {
            return "REGEXP";
        }

        @Override
        public String render() {
            return "/" + source + "/" + flags;
        }

        /** Unanchored search ("contains"), like Buildkite's {@code =~}; {@link BoundedRegex.TooSlow} if stopped. */
        public boolean find(String text) {
            return pattern != null ? pattern.matcher(text).find() : bounded.find(text);
        }
    }

    /**
     * An array. Elements are strings; an element may be null when an array literal held a variable that
     * was null at run time ({@code [build.tag]} on a branch build) - comparing such an array is an error.
     */
    record ArrayValue(List<String> elements) implements Value {
        public ArrayValue {
            elements = Collections.unmodifiableList(new ArrayList<>(elements));
        }

        @Override
        public String typeName() {
            return "ARRAY";
        }

        @Override
        public String render() {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                String element = elements.get(i);
                out.append(element == null ? "null" : quote(element));
            }
            return out.append(']').toString();
        }
    }

    /** {@code text} in double quotes with {@code \}, {@code "} and control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
