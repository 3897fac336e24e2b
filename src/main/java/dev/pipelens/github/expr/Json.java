package dev.pipelens.github.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON in and out for {@code fromJSON}, {@code toJSON} and event payloads ({@code --event FILE}):
 * strict RFC 8259 input as JavaScript's {@code JSON.parse} (nesting bounded), output as
 * {@code JSON.stringify(value, null, "  ")}.
 */
public final class Json {

    /** Deepest nesting accepted when parsing, so hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} with a short reason when it is not JSON. */
    public static GhValue parse(String text) {
        Json p = new Json(text);
        p.space();
        GhValue v = p.value(0);
        p.space();
        if (p.pos < text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + (pos + 1));
    }

    private void space() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private GhValue value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("unexpected end of JSON input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return new GhValue.Str(string());
            case 't':
                return literal("true", GhValue.TRUE);
            case 'f':
                return literal("false", GhValue.FALSE);
            case 'n':
                return literal("null", GhValue.NULL);
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error("unexpected token '" + c + "'");
        }
    }

    private GhValue literal(String word, GhValue v) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
        return v;
    }

    private GhValue number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
        } else {
            digits();
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        return new GhValue.Num(Double.parseDouble(text.substring(start, pos)));
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("a digit was expected");
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (pos + 4 > text.length()) {
                        throw error("bad unicode escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad unicode escape");
                    }
                    pos += 4;
                    break;
                default:
                    throw error("bad escape");
            }
        }
    }

    private GhValue array(int depth) {
        pos++;
        List<GhValue> items = new ArrayList<>();
        space();
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
            return new GhValue.Arr(items);
        }
        while (true) {
            space();
            items.add(value(depth + 1));
            space();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                return new GhValue.Arr(items);
            } else {
                throw error("',' or ']' expected");
            }
        }
    }

    private GhValue object(int depth) {
        pos++;
        GhValue.Obj obj = new GhValue.Obj();
        space();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            return obj;
        }
        while (true) {
            space();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("a property name was expected");
            }
            String key = string();
            space();
            if (pos >= text.length() || text.charAt(pos) != ':') {
                throw error("':' expected");
            }
            pos++;
            space();
            GhValue v = value(depth + 1);
            // JSON.parse keeps the last duplicate; the dictionary then keeps the first spelling of a key
            obj.set(key, v);
            space();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return obj;
            } else {
                throw error("',' or '}' expected");
            }
        }
    }

    /** {@code JSON.stringify(v, replacer, "  ")} when {@code pretty}, else compact. */
    public static String stringify(GhValue v, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        write(v, sb, pretty, 0);
        return sb.toString();
    }

    private static void write(GhValue v, StringBuilder sb, boolean pretty, int indent) {
        if (v instanceof GhValue.Null) {
            sb.append("null");
        } else if (v instanceof GhValue.Bool b) {
            sb.append(b.value());
        } else if (v instanceof GhValue.Num n) {
            double d = n.value();
            sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : Numbers.toJsString(d));
        } else if (v instanceof GhValue.Str s) {
            quote(s.value(), sb);
        } else if (v instanceof GhValue.Arr a) {
            if (a.items().isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, pretty, indent + 1);
                write(a.items().get(i), sb, pretty, indent + 1);
            }
            newline(sb, pretty, indent);
            sb.append(']');
        } else if (v instanceof GhValue.Obj o) {
            if (o.size() == 0) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (String k : o.keys()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, pretty, indent + 1);
                quote(k, sb);
                sb.append(pretty ? ": " : ":");
                write(o.get(k), sb, pretty, indent + 1);
            }
            newline(sb, pretty, indent);
            sb.append('}');
        }
    }

    private static void newline(StringBuilder sb, boolean pretty, int indent) {
        if (pretty) {
            sb.append('\n');
            sb.append("  ".repeat(indent));
        }
    }

    /** A JSON string literal, escaped as {@code JSON.stringify} does. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
