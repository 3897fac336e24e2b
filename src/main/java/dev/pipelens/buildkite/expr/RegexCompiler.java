package dev.pipelens.buildkite.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.pipelens.expr.BoundedRegex;
import dev.pipelens.expr.ExpressionErrorKind;
import dev.pipelens.expr.ExpressionException;
import dev.pipelens.expr.Value;

/**
 * Turns a {@code /source/flags} token into a {@link Value.RegexValue}. Rules (buildkite/conditional
 * {@code internal/regex}): the only flag is {@code i}; lookbehind, atomic groups, named groups,
 * conditionals and possessive quantifiers are rejected; everything else must compile with RE2/J, so
 * backreferences and lookahead are rejected too. All failures are {@link ExpressionErrorKind#PARSE} errors.
 */
final class RegexCompiler {

    private RegexCompiler() {
    }

    static Value.RegexValue compile(String src, Token token) throws ExpressionException {
        String source = token.value();
        String flags = token.flags();
        int bodyStart = token.start() + 1;
        int flagsStart = bodyStart + source.length() + 1;
        int options = 0;
        for (int i = 0; i < flags.length(); i++) {
            if (flags.charAt(i) != 'i') {
                throw new ExpressionException(ExpressionErrorKind.PARSE,
                        "unsupported regexp flag: " + flags.charAt(i), flagsStart + i, src);
            }
            options = Pattern.CASE_INSENSITIVE;
        }
        int unsupportedAt = findUnsupportedFeature(source);
        if (unsupportedAt >= 0) {
            throw new ExpressionException(ExpressionErrorKind.PARSE,
                    "unsupported regexp feature: " + featureName(source, unsupportedAt), bodyStart + unsupportedAt, src);
        }
        try {
            return new Value.RegexValue(source, flags, Pattern.compile(withoutComments(source), options));
        } catch (PatternSyntaxException e) {
            // lookahead and backreferences: buildkite/conditional's regexp2 accepts them, RE2/J cannot
            if (needsBacktracking(source)) {
                BoundedRegex bounded = BoundedRegex.compile(withoutComments(source), options != 0);
                if (bounded != null) {
                    return new Value.RegexValue(source, flags, null, bounded);
                }
            }
            throw new ExpressionException(ExpressionErrorKind.PARSE,
                    "could not parse regexp: " + e.getDescription(), token.start(), src);
        }
    }

    /** Whether a pattern uses lookahead ({@code (?=}, {@code (?!}) or a backreference ({@code \1}..{@code \9}). */
    static boolean needsBacktracking(String pattern) {
        if (pattern.contains("(?=") || pattern.contains("(?!")) {
            return true;
        }
        for (int i = 0; i + 1 < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                char next = pattern.charAt(i + 1);
                if (next >= '1' && next <= '9') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** Index of the first rejected construct outside character classes, or -1. */
    static int findUnsupportedFeature(String pattern) {
        boolean escaped = false;
        boolean inClass = false;
        boolean classFirst = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escaped) {
                escaped = false;
                classFirst = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
                continue;
            }
            if (inClass) {
                if (c == '[' && i + 1 < pattern.length() && ":.=".indexOf(pattern.charAt(i + 1)) >= 0) {
                    int end = pattern.indexOf(pattern.charAt(i + 1) + "]", i + 2);
                    if (end >= 0) {
                        i = end + 1;
                        classFirst = false;
                    }
                    continue;
                }
                if (c == ']' && !classFirst) {
                    inClass = false;
                }
                classFirst = false;
                continue;
            }
            if (c == '[') {
                inClass = true;
                classFirst = true;
                continue;
            }
            if (c == '(' && pattern.startsWith("(?", i)) {
                if (pattern.startsWith("(?#", i)) {
                    int close = pattern.indexOf(')', i);
                    if (close < 0) {
                        return -1;
                    }
                    i = close;
                    continue;
                }
                if (featureName(pattern, i) != null) {
                    return i;
                }
            }
            if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '+'
                    && (c == '?' || c == '*' || c == '+' || (c == '}' && isBoundedQuantifierEnd(pattern, i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String featureName(String pattern, int at) {
        if (pattern.startsWith("(?<=", at)) {
            return "lookbehind";
        }
        if (pattern.startsWith("(?<!", at)) {
            return "nlookbehind";
        }
        if (pattern.startsWith("(?>", at)) {
            return "atomic";
        }
        if (pattern.startsWith("(?<", at) || pattern.startsWith("(?P<", at)) {
            return "named_ab";
        }
        if (pattern.startsWith("(?'", at)) {
            return "named_sq";
        }
        if (pattern.startsWith("(?(", at)) {
            return "condition_open";
        }
        if (pattern.charAt(at) != '(' && at + 1 < pattern.length() && pattern.charAt(at + 1) == '+') {
            return "possessive";
        }
        return null;
    }

    private static boolean isBoundedQuantifierEnd(String pattern, int close) {
        int open = pattern.lastIndexOf('{', close);
        if (open < 0) {
            return false;
        }
        int backslashes = 0;
        for (int i = open - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            return false;
        }
        String bounds = pattern.substring(open + 1, close);
        int digitsBeforeComma = 0;
        boolean seenComma = false;
        for (int i = 0; i < bounds.length(); i++) {
            char c = bounds.charAt(i);
            if (Lexer.isDigit(c)) {
                if (!seenComma) {
                    digitsBeforeComma++;
                }
            } else if (c == ',' && !seenComma) {
                seenComma = true;
            } else {
                return false;
            }
        }
        return digitsBeforeComma > 0;
    }

    /** {@code source} without {@code (?#...)} comment groups, which RE2 does not know (outside classes only). */
    static String withoutComments(String source) {
        if (!source.contains("(?#")) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        boolean inClass = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                out.append(c).append(source.charAt(++i));
                continue;
            }
            if (!inClass && source.startsWith("(?#", i)) {
                int close = source.indexOf(')', i);
                if (close >= 0) {
                    i = close;
                    continue;
                }
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
