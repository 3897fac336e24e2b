package dev.pipelens.github;

import com.google.re2j.Pattern;

import java.util.List;

/**
 * The filter patterns of {@code branches}, {@code tags} and {@code paths} (spec 2.6, the docs' cheat sheet,
 * act's {@code workflowpattern} port): {@code *} matches anything but {@code /}, {@code **} anything,
 * {@code **}{@code /} also nothing; {@code ?} and {@code +} quantify the previous character; {@code [...]} is a
 * character class; {@code \} escapes; a leading {@code !} negates. A pattern matches the whole name.
 * Ordered lists: the last matching pattern decides. Compiled with RE2/J, so matching is linear.
 */
public final class FilterPattern {

    private final boolean negative;
    private final Pattern regex;
    private final String written;

    private FilterPattern(String written, boolean negative, Pattern regex) {
        this.written = written;
        this.negative = negative;
        this.regex = regex;
    }

    /** Compiles one pattern; a pattern RE2/J cannot compile matches nothing. */
    public static FilterPattern compile(String pattern) {
        boolean neg = pattern.startsWith("!");
        String p = neg ? pattern.substring(1) : pattern;
        StringBuilder re = new StringBuilder("^");
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    if (i + 2 < p.length() && p.charAt(i + 2) == '/') {
                        re.append("(.+/)?");
                        i += 3;
                    } else {
                        re.append(".*");
                        i += 2;
                    }
                } else {
                    re.append("[^/]*");
                    i++;
                }
            } else if ((c == '?' || c == '+') && i > 0) {
                re.append(c);
                i++;
            } else if (c == '[') {
                int close = p.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                    i++;
                } else {
                    re.append('[');
                    for (char k : p.substring(i + 1, close).toCharArray()) {
                        re.append(Character.isLetterOrDigit(k) || k == '-' ? String.valueOf(k) : "\\" + k);
                    }
                    re.append(']');
                    i = close + 1;
                }
            } else if (c == '\\' && i + 1 < p.length()) {
                re.append(Pattern.quote(String.valueOf(p.charAt(i + 1))));
                i += 2;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        re.append('$');
        Pattern compiled;
        try {
            compiled = Pattern.compile(re.toString());
        } catch (RuntimeException e) {
            compiled = Pattern.compile("[^\\x00-\\x{10FFFF}]");
        }
        return new FilterPattern(pattern, neg, compiled);
    }

    public boolean negative() {
        return negative;
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return written;
    }

    /**
     * The pattern that decides {@code name} in an ordered list (the last matching one), or null when none
     * matches. The name is included when the decider is positive.
     */
    public static String decider(List<String> patterns, String name) {
        String last = null;
        for (String p : patterns) {
            if (compile(p).matches(name)) {
                last = p;
            }
        }
        return last;
    }

    /** Whether {@code name} is included by the ordered list (last match wins; nothing matching excludes). */
    public static boolean included(List<String> patterns, String name) {
        String d = decider(patterns, name);
        return d != null && !d.startsWith("!");
    }
}
