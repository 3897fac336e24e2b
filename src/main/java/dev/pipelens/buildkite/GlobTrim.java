package dev.pipelens.buildkite;

/**
 * The {@code ${VAR%pattern}}, {@code %%}, {@code #} and {@code ##} removals of buildkite/interpolate, whose
 * patterns follow Go's {@code path.Match}: {@code *} is any run of characters except {@code /}, {@code ?}
 * one character except {@code /}, {@code [...]} a class ({@code ^} negates, {@code a-z} ranges) and
 * {@code \} escapes. A malformed pattern removes nothing.
 */
final class GlobTrim {

    private GlobTrim() {
    }

    static String trim(String value, String pattern, String operator) {
        try {
            switch (operator) {
                case "#":
                    return trimPrefix(value, pattern, true);
                case "##":
                    return trimPrefix(value, pattern, false);
                case "%":
                    return reverse(trimPrefix(reverse(value), reverse(pattern), true));
                default:
                    return reverse(trimPrefix(reverse(value), reverse(pattern), false));
            }
        } catch (IllegalArgumentException badPattern) {
            return value;
        }
    }

    /** Removes the shortest (or longest) non-empty prefix matching {@code pattern}. */
    private static String trimPrefix(String value, String pattern, boolean shortest) {
        String found = null;
        for (int length = value.length(); length >= 1; length--) {
            if (matches(pattern, 0, value.substring(0, length), 0)) {
                found = value.substring(0, length);
                if (!shortest) {
                    break;
                }
            }
        }
        return found == null ? value : value.substring(found.length());
    }

    private static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    /** Whether {@code name[n..]} matches {@code pattern[p..]}; throws IllegalArgumentException for a bad pattern. */
    static boolean matches(String pattern, int p, String name, int n) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int i = n; i <= name.length(); i++) {
                    if (matches(pattern, p + 1, name, i)) {
                        return true;
                    }
                    if (i < name.length() && name.charAt(i) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (n >= name.length()) {
                validateRest(pattern, p);
                return false;
            }
            char ch = name.charAt(n);
            if (c == '?') {
                if (ch == '/') {
                    return false;
                }
                p++;
            } else if (c == '[') {
                int close = classEnd(pattern, p);
                if (!classMatches(pattern, p + 1, close, ch)) {
                    return false;
                }
                p = close + 1;
            } else if (c == '\\') {
                if (p + 1 >= pattern.length()) {
                    throw new IllegalArgumentException("bad pattern");
                }
                if (pattern.charAt(p + 1) != ch) {
                    return false;
                }
                p += 2;
            } else {
                if (c != ch) {
                    return false;
                }
                p++;
            }
            n++;
        }
        return n == name.length();
    }

    private static void validateRest(String pattern, int p) {
        for (int i = p; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '[') {
                i = classEnd(pattern, i);
            } else if (pattern.charAt(i) == '\\') {
                if (++i >= pattern.length()) {
                    throw new IllegalArgumentException("bad pattern");
                }
            }
        }
    }

    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == ']' && !first) {
                return i;
            }
            if (c == '\\') {
                i++;
            }
            first = false;
            i++;
        }
        throw new IllegalArgumentException("bad pattern");
    }

    private static boolean classMatches(String pattern, int from, int close, char ch) {
        boolean negated = from < close && pattern.charAt(from) == '^';
        int i = negated ? from + 1 : from;
        boolean matched = false;
        while (i < close) {
            char lo = pattern.charAt(i);
            if (lo == '\\') {
                lo = pattern.charAt(++i);
            }
            i++;
            char hi = lo;
            if (i + 1 < close && pattern.charAt(i) == '-') {
                hi = pattern.charAt(i + 1);
                if (hi == '\\') {
                    hi = pattern.charAt(i + 2);
                    i++;
                }
                i += 2;
            }
            if (lo <= ch && ch <= hi) {
                matched = true;
            }
        }
        return matched != negated;
    }
}
