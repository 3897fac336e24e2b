package dev.pipelens.buildkite.expr;

/**
 * Buildkite's server-side shell substitution inside conditions ({@code $name}, {@code ${name}},
 * {@code ${name:-default}}, {@code ${name-default}}, {@code ${name:+alt}}, {@code ${name+alt}},
 * {@code ${name:?}}, {@code ${name?}}, {@code ${name:offset:length}}) and the string escapes of quoted
 * literals, ported from buildkite/conditional's {@code internal/shell}. Unset variables are null; a
 * standalone substitution of an unset variable evaluates to null. Stateless.
 */
final class ShellSubstitution {

    /** Environment lookup: the value, or null when unset. */
    @FunctionalInterface
    interface Lookup {
        String get(String name);
    }

    /** A substitution that cannot be evaluated ({@code ${x:?}} of an unset x, a bad substring argument...). */
    static final class ShellException extends Exception {
        private static final long serialVersionUID = 1L;

        ShellException(String message) {
            super(message, null, false, false);
        }
    }

    private ShellSubstitution() {
    }

    /** Whether the raw content of a double-quoted string holds a substitution (so its value depends on the environment). */
    static boolean containsExpansion(String raw) {
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '$') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '$') {
                    i += 2;
                    continue;
                }
                if (readExpansion(raw, i) > 0) {
                    return true;
                }
                i++;
            } else if (c == '\\') {
                i += 2;
            } else {
                i++;
            }
        }
        return false;
    }

    /** Throws when the double-quoted content has an invalid escape (an octal escape above \377). */
    static void checkEscapes(String raw) throws ShellException {
        StringBuilder ignored = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '\\') {
                i = readEscape(raw, i, ignored) - 1;
            }
        }
    }

    /** Single-quoted content: {@code \\} and {@code \'} are escapes, every other backslash is kept. */
    static String decodeSingleQuoted(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(++i);
                if (n != '\\' && n != '\'') {
                    out.append('\\');
                }
                out.append(n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Double-quoted content: escapes decoded, {@code $$} is a literal {@code $}, substitutions expanded (an
     * unset variable expands to nothing), a {@code $} that starts no substitution is kept.
     */
    static String expandDoubleQuoted(String raw, Lookup env) throws ShellException {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '$') {
                i = appendDollar(raw, i, env, out);
            } else if (c == '\\') {
                i = readEscape(raw, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Evaluates one standalone substitution such as {@code ${x:-d}}; null when the result is unset. */
    static String evalOperand(String raw, Lookup env) throws ShellException {
        if (raw.startsWith("${") && raw.endsWith("}")) {
            return evalBraced(raw.substring(2, raw.length() - 1), env);
        }
        if (raw.startsWith("$")) {
            int nameEnd = nameEnd(raw, 1);
            if (nameEnd < 0) {
                throw new ShellException("invalid shell expansion: " + raw);
            }
            String value = env.get(raw.substring(1, nameEnd));
            if (nameEnd < raw.length()) {
                return (value == null ? "" : value) + raw.substring(nameEnd);
            }
            return value;
        }
        throw new ShellException("invalid shell expansion: " + raw);
    }

    private static String evalBraced(String inner, Lookup env) throws ShellException {
        int nameEnd = nameEnd(inner, 0);
        if (nameEnd < 0) {
            throw new ShellException("invalid shell expansion: ${" + inner + "}");
        }
        String name = inner.substring(0, nameEnd);
        String rest = inner.substring(nameEnd);
        if (rest.isEmpty()) {
            return env.get(name);
        }
        if (rest.startsWith(":") && !rest.startsWith(":-") && !rest.startsWith(":+") && !rest.startsWith(":?")) {
            return evalSubstring(name, rest.substring(1), env);
        }
        String operator = null;
        for (String candidate : new String[] {":?", ":+", ":-", "?", "+", "-"}) {
            if (rest.startsWith(candidate)) {
                operator = candidate;
                break;
            }
        }
        if (operator == null) {
            throw new ShellException("invalid shell expansion: ${" + inner + "}");
        }
        String word = rest.substring(operator.length());
        String base = env.get(name);
        boolean set = base != null;
        if (operator.startsWith(":") && set && base.isEmpty()) {
            set = false;
        }
        switch (operator.charAt(operator.length() - 1)) {
            case '?':
                if (set) {
                    return base;
                }
                throw new ShellException("parameter null or not set: " + name);
            case '+':
                return set ? evalWord(word, env) : "";
            default:
                return set ? base : evalWord(word, env);
        }
    }

    private static String evalSubstring(String name, String raw, Lookup env) throws ShellException {
        int separator = topLevelColon(raw);
        String offsetText = separator < 0 ? raw : raw.substring(0, separator);
        if (separator >= 0 && topLevelColon(raw.substring(separator + 1)) >= 0) {
            throw new ShellException("invalid shell substring: " + raw);
        }
        int offset = evalInteger(offsetText, env);
        String base = env.get(name);
        if (base == null) {
            return null;
        }
        int[] codePoints = base.codePoints().toArray();
        int length = codePoints.length;
        int from = offset < 0 ? length + offset : offset;
        if (from < 0) {
            from = 0;
        }
        if (from >= length) {
            return "";
        }
        int to = length;
        if (separator >= 0) {
            int count = evalInteger(raw.substring(separator + 1), env);
            to = count < 0 ? length + count : from + count;
        }
        to = Math.max(from, Math.min(to, length));
        return new String(codePoints, from, to - from);
    }

    private static int evalInteger(String raw, Lookup env) throws ShellException {
        String value = evalWord(raw, env).trim();
        int digitsFrom = value.startsWith("-") ? 1 : 0;
        boolean valid = value.length() > digitsFrom;
        for (int i = digitsFrom; i < value.length() && valid; i++) {
            valid = Lexer.isDigit(value.charAt(i));
        }
        if (!valid) {
            throw new ShellException("substring operation requires integer argument, not \"" + value + "\"");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ShellException("substring argument out of range: \"" + value + "\"");
        }
    }

    /** A default/alternative word: quotes group (and are removed), escapes decoded, substitutions expanded. */
    private static String evalWord(String raw, Lookup env) throws ShellException {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\'') {
                i = appendQuoted(raw, i, env, out);
            } else if (c == '$') {
                i = appendDollar(raw, i, env, out);
            } else if (c == '\\') {
                i = readEscape(raw, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int appendQuoted(String raw, int open, Lookup env, StringBuilder out) throws ShellException {
        char quote = raw.charAt(open);
        int i = open + 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (quote == '\'') {
                if (c == '\\' && i + 1 < raw.length()) {
                    char n = raw.charAt(i + 1);
                    if (n != '\\' && n != '\'') {
                        out.append('\\');
                    }
                    out.append(n);
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '$') {
                i = appendDollar(raw, i, env, out);
            } else if (c == '\\') {
                i = readEscape(raw, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        throw new ShellException("unterminated shell string");
    }

    /** Handles the {@code $} at {@code at}: {@code $$}, a substitution, or a literal dollar. Returns the next index. */
    private static int appendDollar(String raw, int at, Lookup env, StringBuilder out) throws ShellException {
        if (at + 1 < raw.length() && raw.charAt(at + 1) == '$') {
            out.append('$');
            return at + 2;
        }
        int end = readExpansion(raw, at);
        if (end < 0) {
            out.append('$');
            return at + 1;
        }
        String value = evalOperand(raw.substring(at, end), env);
        if (value != null) {
            out.append(value);
        }
        return end;
    }

    /**
     * End (exclusive) of the substitution starting with the {@code $} at {@code start}, or -1 when none starts
     * there. {@code $name} may contain dots; {@code ${...}} nests and skips quoted parts and escapes.
     */
    static int readExpansion(String raw, int start) {
        if (start + 1 >= raw.length()) {
            return -1;
        }
        char next = raw.charAt(start + 1);
        if (next == '$') {
            return -1;
        }
        if (Lexer.isIdentStart(next)) {
            int i = start + 2;
            while (i < raw.length() && Lexer.isIdentPart(raw.charAt(i))) {
                i++;
            }
            return i;
        }
        if (next != '{') {
            return -1;
        }
        int depth = 1;
        for (int i = start + 2; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\'') {
                int close = skipQuoted(raw, i);
                if (close < 0) {
                    return -1;
                }
                i = close - 1;
            } else if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int skipQuoted(String raw, int open) {
        char quote = raw.charAt(open);
        boolean escaped = false;
        for (int i = open + 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == quote && !escaped) {
                return i + 1;
            }
            escaped = c == '\\' && !escaped;
        }
        return -1;
    }

    private static int topLevelColon(String raw) {
        int depth = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\'') {
                int close = skipQuoted(raw, i);
                if (close > 0) {
                    i = close - 1;
                }
            } else if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** End of a shell name ({@code [A-Za-z_][A-Za-z0-9_]*}) starting at {@code from}, or -1 when none starts there. */
    private static int nameEnd(String text, int from) {
        if (from >= text.length() || !Lexer.isIdentStart(text.charAt(from))) {
            return -1;
        }
        int i = from + 1;
        while (i < text.length() && (Lexer.isIdentStart(text.charAt(i)) || Lexer.isDigit(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** Decodes the backslash escape at {@code at} (double-quoted rules) into {@code out}; returns the next index. */
    private static int readEscape(String raw, int at, StringBuilder out) throws ShellException {
        if (at + 1 >= raw.length()) {
            throw new ShellException("unterminated string escape");
        }
        char next = raw.charAt(at + 1);
        switch (next) {
            case 'n': out.append('\n'); return at + 2;
            case 's': out.append(' '); return at + 2;
            case 'r': out.append('\r'); return at + 2;
            case 't': out.append('\t'); return at + 2;
            case 'v': out.append('\u000b'); return at + 2;
            case 'f': out.append('\f'); return at + 2;
            case 'b': out.append('\b'); return at + 2;
            case 'a': out.append('\u0007'); return at + 2;
            case 'e': out.append('\u001b'); return at + 2;
            case 'x':
                if (at + 3 < raw.length() && isHex(raw.charAt(at + 2)) && isHex(raw.charAt(at + 3))) {
                    out.append((char) Integer.parseInt(raw.substring(at + 2, at + 4), 16));
                    return at + 4;
                }
                out.append('x');
                return at + 2;
            default:
                if (next >= '0' && next <= '7') {
                    int end = at + 2;
                    while (end < raw.length() && end < at + 4 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                        end++;
                    }
                    int value = Integer.parseInt(raw.substring(at + 1, end), 8);
                    if (value > 0xff) {
                        throw new ShellException("octal escape out of range: \\" + raw.substring(at + 1, end));
                    }
                    out.append((char) value);
                    return end;
                }
                out.append(next);
                return at + 2;
        }
    }

    private static boolean isHex(char c) {
        return Lexer.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Calls {@code sink} with every variable name a substitution text reads, in source order. */
    static void collectNames(String raw, java.util.function.Consumer<String> sink) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$' && i + 1 < raw.length()) {
                char next = raw.charAt(i + 1);
                if (next == '$') {
                    i++;
                    continue;
                }
                int from = next == '{' ? i + 2 : i + 1;
                int end = nameEnd(raw, from);
                if (end > 0) {
                    sink.accept(raw.substring(from, end));
                    i = end - 1;
                }
            }
        }
    }
}
