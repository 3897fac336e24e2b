package dev.pipelens.github.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A workflow string value with {@code ${{ }}} in it, turned into one expression the way GitHub's template
 * reader does (C-WFP template-reader.ts; C-RWP TemplateReader.cs): a value that is exactly one
 * {@code ${{ e }}} is {@code e} (or, when {@code e} is only a string literal, that string as plain text);
 * text around or between expressions makes a {@code format('text{0}text', e)} call, which yields a string.
 */
public final class Template {

    /** What a value turned into: plain text (no expression) or the expression text. */
    public record Converted(boolean expression, String text) {
    }

    private Template() {
    }

    /** Whether the value contains an expression start. */
    public static boolean hasExpression(String raw) {
        return raw != null && raw.contains("${{");
    }

    /**
     * Converts {@code raw}. Throws {@link GhExpressionException} when an expression is not closed or is
     * empty (GitHub's messages).
     */
    public static Converted convert(String raw) {
        int startExpr = raw.indexOf("${{");
        if (startExpr < 0) {
            return new Converted(false, raw);
        }
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (i == startExpr) {
                int end = -1;
                boolean inString = false;
                for (i += 3; i < raw.length(); i++) {
                    char c = raw.charAt(i);
                    if (c == '\'') {
                        inString = !inString;
                    } else if (!inString && c == '}' && raw.charAt(i - 1) == '}') {
                        end = i;
                        i++;
                        break;
                    }
                }
                if (end < 0) {
                    throw new GhExpressionException("The expression is not closed. An unescaped ${{ sequence was found, "
                            + "but the closing }} sequence was not found.", startExpr, false);
                }
                String inner = raw.substring(startExpr + 3, end - 1).strip();
                if (inner.isEmpty()) {
                    throw new GhExpressionException("An expression was expected", startExpr, false);
                }
                segments.add(new StringBuilder(inner));
                startExpr = raw.indexOf("${{", i);
            } else if (startExpr >= 0 && i < startExpr) {
                segments.add(raw.substring(i, startExpr));
                i = startExpr;
            } else {
                segments.add(raw.substring(i));
                break;
            }
        }
        if (segments.size() == 1 && segments.get(0) instanceof StringBuilder only) {
            String literal = stringLiteral(only.toString());
            return literal != null ? new Converted(false, literal) : new Converted(true, only.toString());
        }
        StringBuilder format = new StringBuilder();
        StringBuilder args = new StringBuilder();
        int n = 0;
        for (Object s : segments) {
            if (s instanceof String text) {
                format.append(text.replace("'", "''").replace("{", "{{").replace("}", "}}"));
            } else {
                format.append('{').append(n++).append('}');
                args.append(", ").append(s);
            }
        }
        return new Converted(true, "format('" + format + "'" + args + ")");
    }

    /** {@code getExpressionString}: the value of an expression that is only string literals, else null. */
    private static String stringLiteral(String trimmed) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\'') {
                inString = !inString;
                if (inString && i != 0) {
                    out.append(c);
                }
            } else if (!inString) {
                return null;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
