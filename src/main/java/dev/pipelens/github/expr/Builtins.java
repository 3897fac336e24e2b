package dev.pipelens.github.expr;

import java.util.List;
import java.util.Locale;

/** The built-in functions of C-EXPR funcs/*.ts, with GitHub's errors. */
final class Builtins {

    private Builtins() {
    }

    static boolean isBuiltIn(String lowerName) {
        return Functions.BUILT_IN.containsKey(lowerName);
    }

    static GhValue call(String name, List<GhValue> args) {
        switch (name) {
            case "contains":
                return contains(args.get(0), args.get(1));
            case "startswith":
            case "endswith": {
                GhValue l = args.get(0);
                GhValue r = args.get(1);
                if (!l.primitive() || !r.primitive()) {
                    return GhValue.FALSE;
                }
                String ls = Compare.upper(l.coerceString());
                String rs = Compare.upper(r.coerceString());
                return GhValue.of(name.equals("startswith") ? ls.startsWith(rs) : ls.endsWith(rs));
            }
            case "format":
                return new GhValue.Str(format(args));
            case "join":
                return join(args);
            case "tojson":
                return new GhValue.Str(Json.stringify(args.get(0), true));
            case "fromjson":
                return fromJson(args.get(0));
            case "case":
                return caseOf(args);
            default:
                throw new IllegalStateException("not a built-in function: " + name);
        }
    }

    private static GhValue contains(GhValue left, GhValue right) {
        if (left.primitive()) {
            if (right.primitive()) {
                return GhValue.of(left.coerceString().toLowerCase(Locale.ROOT)
                        .contains(right.coerceString().toLowerCase(Locale.ROOT)));
            }
        } else if (left instanceof GhValue.Arr a) {
            for (GhValue v : a.items()) {
                if (Compare.equal(right, v)) {
                    return GhValue.TRUE;
                }
            }
        }
        return GhValue.FALSE;
    }

    private static GhValue join(List<GhValue> args) {
        GhValue first = args.get(0);
        if (first.primitive()) {
            return new GhValue.Str(first.coerceString());
        }
        if (first instanceof GhValue.Arr a) {
            String sep = args.size() > 1 && args.get(1).primitive() ? args.get(1).coerceString() : ",";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(a.items().get(i).coerceString());
            }
            return new GhValue.Str(sb.toString());
        }
        return new GhValue.Str("");
    }

    private static GhValue fromJson(GhValue input) {
        String s = input.coerceString();
        if (s.isBlank()) {
            throw new GhExpressionException("empty input", -1, true);
        }
        try {
            return Json.parse(s);
        } catch (IllegalArgumentException e) {
            throw new GhExpressionException("Error parsing JSON when evaluating fromJson", -1, true);
        }
    }

    private static GhValue caseOf(List<GhValue> args) {
        for (int i = 0; i < args.size() - 1; i += 2) {
            if (!(args.get(i) instanceof GhValue.Bool b)) {
                throw new GhExpressionException("case predicate must evaluate to a boolean value", -1, true);
            }
            if (b.value()) {
                return args.get(i + 1);
            }
        }
        return args.get(args.size() - 1);
    }

    /** {@code format}: {N} is argument N, {{ and }} are braces; anything else is an evaluation error. */
    private static String format(List<GhValue> args) {
        String fs = args.get(0).coerceString();
        StringBuilder out = new StringBuilder();
        int index = 0;
        while (index < fs.length()) {
            int lbrace = fs.indexOf('{', index);
            int rbrace = fs.indexOf('}', index);
            if (lbrace >= 0 && (rbrace < 0 || rbrace > lbrace)) {
                if (lbrace + 1 < fs.length() && fs.charAt(lbrace + 1) == '{') {
                    out.append(fs, index, lbrace + 1);
                    index = lbrace + 2;
                    continue;
                }
                if (rbrace > lbrace + 1) {
                    int digits = 0;
                    while (lbrace + 1 + digits < fs.length() && Character.isDigit(fs.charAt(lbrace + 1 + digits))
                            && fs.charAt(lbrace + 1 + digits) < 128) {
                        digits++;
                    }
                    if (digits > 0) {
                        long arg;
                        try {
                            arg = Long.parseLong(fs.substring(lbrace + 1, lbrace + 1 + digits));
                        } catch (NumberFormatException e) {
                            arg = Long.MAX_VALUE;
                        }
                        if (1 + arg > args.size() - 1) {
                            throw new GhExpressionException("The following format string references more arguments "
                                    + "than were supplied: " + fs, -1, true);
                        }
                        out.append(fs, index, lbrace);
                        out.append(args.get(1 + (int) arg).coerceString());
                        index = rbrace + 1;
                        continue;
                    }
                }
                throw new GhExpressionException("The following format string is invalid: " + fs, -1, true);
            } else if (rbrace >= 0) {
                if (rbrace + 1 < fs.length() && fs.charAt(rbrace + 1) == '}') {
                    out.append(fs, index, rbrace + 1);
                    index = rbrace + 2;
                } else {
                    throw new GhExpressionException("The following format string is invalid: " + fs, -1, true);
                }
            } else {
                out.append(fs.substring(index));
                break;
            }
        }
        return out.toString();
    }
}
