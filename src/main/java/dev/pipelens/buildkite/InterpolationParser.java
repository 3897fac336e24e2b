package dev.pipelens.buildkite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Recursive-descent parser and expander behind {@link Interpolation}, mirroring buildkite/interpolate's
 * grammar:
 * <pre>
 * Expression = { Text | Expansion }
 * Expansion  = "$" ( Identifier | Brace )
 * Brace      = "{" Identifier [ Operation ] "}"
 * Operation  = ":-" Expression | "-" Expression | "?" Expression | ":" number [ ":" number ]
 *            | ("%" | "%%" | "#" | "##") pattern
 * Identifier = letter { letter | digit | "_" }
 * </pre>
 * One instance parses one text; not thread-safe.
 */
final class InterpolationParser {

    /** Literal text or one expansion. */
    sealed interface Item permits Text, Expansion {
    }

    record Text(String text) implements Item {
    }

    /**
     * One {@code $...} expansion starting at {@code offset}. {@code operator} is empty for {@code $VAR},
     * else one of {@code :- - ? : % %% # ##}; {@code content} is the nested default or message.
     */
    record Expansion(String name, String operator, List<Item> content, long from, Long length, String pattern, int offset)
            implements Item {
    }

    /** Deepest nesting of {@code ${...}} inside defaults and messages. */
    static final int MAX_DEPTH = 100;
    /** Longest text one expansion may produce (characters). */
    static final int MAX_EXPANDED_CHARS = 1 << 20;

    private final String input;
    private int pos;
    private int depth;

    InterpolationParser(String input) {
        this.input = input;
    }

    List<Item> parse() throws InterpolationException {
        return parseExpression(false);
    }

    /** {@code Expression}; with {@code inBrace} it stops before a {@code }}. */
    private List<Item> parseExpression(boolean inBrace) throws InterpolationException {
        List<Item> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (inBrace && c == '}') {
                break;
            }
            if (input.startsWith("\\\\", pos)) {
                text.append("\\\\");
                pos += 2;
            } else if (input.startsWith("\\$", pos) || input.startsWith("$$", pos)) {
                text.append('$');
                pos += 2;
            } else if (input.startsWith("$(", pos)) {
                text.append("$(");
                pos += 2;
            } else if (c == '$' && pos < input.length() - 1
                    && (input.charAt(pos + 1) == '{' || Character.isLetter(input.codePointAt(pos + 1)))) {
                if (text.length() > 0) {
                    items.add(new Text(text.toString()));
                    text.setLength(0);
                }
                items.add(parseExpansion());
            } else {
                text.append(c);
                pos++;
                while (pos < input.length()) {
                    char d = input.charAt(pos);
                    if (d == '$' || d == '\\' || (inBrace && d == '}')) {
                        break;
                    }
                    text.append(d);
                    pos++;
                }
            }
        }
        if (text.length() > 0) {
            items.add(new Text(text.toString()));
        }
        return items;
    }

    /** {@code Expansion = "$" ( Identifier | Brace )}; {@code pos} is at the {@code $}. */
    private Expansion parseExpansion() throws InterpolationException {
        int start = pos;
        if (depth >= MAX_DEPTH) {
            throw new InterpolationException("${...} nested more than " + MAX_DEPTH + " levels deep", start);
        }
        depth++;
        try {
            return parseExpansionBody(start);
        } finally {
            depth--;
        }
    }

    private Expansion parseExpansionBody(int start) throws InterpolationException {
        pos++;
        if (input.charAt(pos) != '{') {
            return new Expansion(scanIdentifier(), "", List.of(), 0, null, null, start);
        }
        pos++;
        String name = scanIdentifier();
        if (pos < input.length() && input.charAt(pos) == '}') {
            pos++;
            return new Expansion(name, "", List.of(), 0, null, null, start);
        }
        int operatorAt = pos;
        int op1 = nextRune();
        String operator;
        if (op1 == ':') {
            operator = ":";
            if (peekIs('-')) {
                pos++;
                operator = ":-";
            }
        } else if (op1 == '%' || op1 == '#') {
            operator = String.valueOf((char) op1);
            if (peekIs((char) op1)) {
                pos++;
                operator = operator.repeat(2);
            }
        } else if (op1 == '?' || op1 == '-') {
            operator = String.valueOf((char) op1);
        } else {
            throw new InterpolationException("Expected an operator, got " + describe(op1), operatorAt);
        }
        Expansion expansion;
        switch (operator) {
            case ":-":
            case "-":
            case "?":
                expansion = new Expansion(name, operator, parseExpression(true), 0, null, null, start);
                break;
            case ":":
                expansion = parseSubstring(name, start);
                break;
            default:
                expansion = new Expansion(name, operator, List.of(), 0, null, scanUntil('}', '}'), start);
                break;
        }
        int closeAt = pos;
        int close = nextRune();
        if (close != '}') {
            throw new InterpolationException("Expected brace expansion to end with }, got " + describe(close), closeAt);
        }
        return expansion;
    }

    /** {@code ":" number [ ":" number ]}; numbers may have spaces around them and a sign. */
    private Expansion parseSubstring(String name, int start) throws InterpolationException {
        int offsetAt = pos;
        long from = parseNumber(scanUntil(':', '}'), "offset", offsetAt);
        if (pos < input.length() && input.charAt(pos) == '}') {
            return new Expansion(name, ":", List.of(), from, null, null, start);
        }
        nextRune();
        int lengthAt = pos;
        long length = parseNumber(scanUntil('}', '}'), "length", lengthAt);
        return new Expansion(name, ":", List.of(), from, length, null, start);
    }

    /** Like Go's {@code strconv.Atoi(strings.TrimSpace(text))}. */
    private static long parseNumber(String text, String what, int at) throws InterpolationException {
        String trimmed = text.strip();
        int digitsFrom = trimmed.startsWith("+") || trimmed.startsWith("-") ? 1 : 0;
        boolean valid = trimmed.length() > digitsFrom;
        for (int i = digitsFrom; i < trimmed.length() && valid; i++) {
            valid = trimmed.charAt(i) >= '0' && trimmed.charAt(i) <= '9';
        }
        if (!valid) {
            throw new InterpolationException("Unable to parse " + what + ": strconv.Atoi: parsing \"" + trimmed
                    + "\": invalid syntax", at);
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new InterpolationException("Unable to parse " + what + ": strconv.Atoi: parsing \"" + trimmed
                    + "\": value out of range", at);
        }
    }

    private String scanIdentifier() throws InterpolationException {
        if (pos >= input.length() || !Character.isLetter(input.codePointAt(pos))) {
            throw new InterpolationException("Expected identifier to start with a letter, got "
                    + describe(pos < input.length() ? input.codePointAt(pos) : -1), pos);
        }
        int start = pos;
        while (pos < input.length()) {
            int cp = input.codePointAt(pos);
            if (!Character.isLetter(cp) && !isNumber(cp) && cp != '_') {
                break;
            }
            pos += Character.charCount(cp);
        }
        return input.substring(start, pos);
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private String scanUntil(char stop1, char stop2) {
        int start = pos;
        while (pos < input.length() && input.charAt(pos) != stop1 && input.charAt(pos) != stop2) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private boolean peekIs(char c) {
        return pos < input.length() && input.charAt(pos) == c;
    }

    private int nextRune() {
        if (pos >= input.length()) {
            return -1;
        }
        int cp = input.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    private static String describe(int cp) {
        return cp < 0 ? "EOF" : new String(Character.toChars(cp));
    }

    // ---- expansion ----------------------------------------------------------------------------------

    static void expandInto(List<Item> items, Function<String, String> lookup, StringBuilder out)
            throws InterpolationException {
        for (Item item : items) {
            if (item instanceof Text) {
                out.append(((Text) item).text());
            } else {
                Expansion e = (Expansion) item;
                String value = expand(e, lookup);
                if (out.length() + (long) value.length() > MAX_EXPANDED_CHARS) {
                    throw new InterpolationException("the value expands to more than " + MAX_EXPANDED_CHARS
                            + " characters (the limit for one value)", e.offset());
                }
                out.append(value);
            }
        }
    }

    private static String expand(Expansion e, Function<String, String> lookup) throws InterpolationException {
        String value = lookup.apply(e.name());
        switch (e.operator()) {
            case "":
                return value == null ? "" : value;
            case ":-":
                return value == null || value.isEmpty() ? expandContent(e, lookup) : value;
            case "-":
                return value == null ? expandContent(e, lookup) : value;
            case "?":
                if (value == null) {
                    String message = expandContent(e, lookup);
                    throw new InterpolationException("$" + e.name() + ": " + (message.isEmpty() ? "not set" : message),
                            e.offset());
                }
                return value;
            case ":":
                return substring(value == null ? "" : value, e.from(), e.length());
            default:
                return GlobTrim.trim(value == null ? "" : value, e.pattern(), e.operator());
        }
    }

    private static String expandContent(Expansion e, Function<String, String> lookup) throws InterpolationException {
        StringBuilder out = new StringBuilder();
        expandInto(e.content(), lookup, out);
        return out.toString();
    }

    /** Bash-style substring: a negative offset counts from the end; a negative length stops that far from the end. */
    private static String substring(String value, long offset, Long length) {
        long n = value.length();
        long from = offset < 0 ? Math.max(0, offset + n) : Math.min(offset, n);
        if (length == null) {
            return value.substring((int) from);
        }
        long to = length >= 0 ? from + length : Math.max(from, length + n);
        to = Math.min(to, n);
        return value.substring((int) from, (int) to);
    }

    static void collectNames(List<Item> items, List<String> names) {
        for (Item item : items) {
            if (item instanceof Expansion) {
                Expansion e = (Expansion) item;
                names.add(e.name());
                if (e.operator().equals(":-")) {
                    collectNames(e.content(), names);
                }
            }
        }
    }
}
