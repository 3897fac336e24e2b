package dev.pipelens.github.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A value of GitHub's expression language (C-EXPR data/*.ts): null, boolean, number (a double),
 * string, array or object. Objects look keys up case-insensitively and keep the first of two keys
 * that differ only in case. Immutable once built.
 */
public sealed interface GhValue {

    /** The null value. */
    Null NULL = new Null();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    /** Whether this is null, a boolean, a number or a string. */
    boolean primitive();

    /** The string conversion of the language ({@code coerceString}): null is '', arrays are 'Array'. */
    String coerceString();

    /** The number conversion ({@code number()}): null 0, booleans 1/0, strings as JavaScript's Number(), else NaN. */
    double number();

    /** The kind's name as GitHub prints it. */
    String kindName();

    static GhValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static GhValue of(String s) {
        return s == null ? NULL : new Str(s);
    }

    /** The language's loose {@code ==}: coercing, case-insensitive for strings. */
    static boolean looseEquals(GhValue a, GhValue b) {
        return Compare.equal(a, b);
    }

    /** JavaScript's falsiness: null, false, 0, NaN and '' are falsy. */
    static boolean falsy(GhValue v) {
        if (v instanceof Null) {
            return true;
        }
        if (v instanceof Bool b) {
            return !b.value();
        }
        if (v instanceof Num n) {
            return n.value() == 0 || Double.isNaN(n.value());
        }
        if (v instanceof Str s) {
            return s.value().isEmpty();
        }
        return false;
    }

    static boolean truthy(GhValue v) {
        return !falsy(v);
    }

    /** The JSON-ish literal form used in reasons: strings quoted with ', others as written. */
    static String show(GhValue v) {
        if (v instanceof Str s) {
            return "'" + s.value().replace("'", "''") + "'";
        }
        if (v instanceof Null) {
            return "null";
        }
        if (v instanceof Arr || v instanceof Obj) {
            String json = Json.stringify(v, false);
            return json.length() > 80 ? json.substring(0, 79) + "\u2026" : json;
        }
        return v.coerceString();
    }

    /** The null value. */
    record Null() implements GhValue {
        public boolean primitive() {
            return true;
        }

        public String coerceString() {
            return "";
        }

        public double number() {
            return 0;
        }

        public String kindName() {
            return "Null";
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements GhValue {
        public boolean primitive() {
            return true;
        }

        public String coerceString() {
            return value ? "true" : "false";
        }

        public double number() {
            return value ? 1 : 0;
        }

        public String kindName() {
            return "Boolean";
        }
    }

    /** A number (IEEE double, as in JavaScript). */
    record Num(double value) implements GhValue {
        public boolean primitive() {
            return true;
        }

        /** At most 15 significant decimals, as C-EXPR data/number.ts. */
        public String coerceString() {
            if (value == 0) {
                return "0";
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Numbers.toJsString(value);
            }
            double rounded = Math.abs(value) >= 1e21 ? value
                    : new BigDecimal(value).setScale(15, RoundingMode.HALF_UP).doubleValue();
            return Numbers.toJsString(rounded);
        }

        public double number() {
            return value;
        }

        public String kindName() {
            return "Number";
        }
    }

    /** A string. */
    record Str(String value) implements GhValue {
        public boolean primitive() {
            return true;
        }

        public String coerceString() {
            return value;
        }

        public double number() {
            return Numbers.parseJs(value);
        }

        public String kindName() {
            return "String";
        }
    }

    /**
     * An array. {@code filtered} marks the result of an object filter ({@code .*}): a following property
     * access collects that property from each element (C-EXPR filtered_array.ts).
     */
    record Arr(List<GhValue> items, boolean filtered) implements GhValue {
        public Arr {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        public Arr(List<GhValue> items) {
            this(items, false);
        }

        public boolean primitive() {
            return false;
        }

        public String coerceString() {
            return "Array";
        }

        public double number() {
            return Double.NaN;
        }

        public String kindName() {
            return "Array";
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** An object; keys keep insertion order and are looked up case-insensitively. */
    final class Obj implements GhValue {
        private final Map<String, GhValue> byLower = new LinkedHashMap<>();
        private final Map<String, String> keys = new LinkedHashMap<>();

        public Obj() {
        }

        public Obj(Map<String, GhValue> entries) {
            entries.forEach(this::put);
        }

        /** Adds a key; a second key equal but for case is ignored (C-EXPR data/dictionary.ts). */
        public Obj put(String key, GhValue value) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!byLower.containsKey(lower)) {
                byLower.put(lower, value);
                keys.put(lower, key);
            }
            return this;
        }

        /** Replaces (or adds) a key's value, keeping the key as first written. */
        public Obj set(String key, GhValue value) {
            String lower = key.toLowerCase(Locale.ROOT);
            keys.putIfAbsent(lower, key);
            byLower.put(lower, value);
            return this;
        }

        /** The value, or null (Java null) when there is no such key. */
        public GhValue get(String key) {
            return byLower.get(key.toLowerCase(Locale.ROOT));
        }

        public List<GhValue> values() {
            return new ArrayList<>(byLower.values());
        }

        /** Keys as first written, in insertion order. */
        public List<String> keys() {
            return new ArrayList<>(keys.values());
        }

        public int size() {
            return byLower.size();
        }

        public boolean primitive() {
            return false;
        }

        public String coerceString() {
            return "Object";
        }

        public double number() {
            return Double.NaN;
        }

        public String kindName() {
            return "Object";
        }

        @Override
        public String toString() {
            return Json.stringify(this, false);
        }
    }
}
