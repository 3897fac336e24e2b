package dev.pipelens.github.expr;

import java.util.Locale;

/**
 * Loose comparison of C-EXPR result.ts: like JavaScript's abstract equality, except that strings
 * compare case-insensitively (upper-cased, leaving the dotless i alone) and arrays and objects are
 * never coerced (equal only to themselves). Booleans and null become numbers; a number against a
 * string makes the string a number.
 */
final class Compare {

    private Compare() {
    }

    /** The pair after coercion ({@code coerceTypes}). */
    private static GhValue[] coerce(GhValue l, GhValue r) {
        while (true) {
            if (l.getClass() == r.getClass()) {
                return new GhValue[] {l, r};
            }
            if (l instanceof GhValue.Num && r instanceof GhValue.Str) {
                return new GhValue[] {l, new GhValue.Num(r.number())};
            }
            if (l instanceof GhValue.Str && r instanceof GhValue.Num) {
                return new GhValue[] {new GhValue.Num(l.number()), r};
            }
            if (l instanceof GhValue.Null || l instanceof GhValue.Bool) {
                l = new GhValue.Num(l.number());
                continue;
            }
            if (r instanceof GhValue.Null || r instanceof GhValue.Bool) {
                r = new GhValue.Num(r.number());
                continue;
            }
            return new GhValue[] {l, r};
        }
    }

    static boolean equal(GhValue a, GhValue b) {
        GhValue[] p = coerce(a, b);
        GhValue l = p[0];
        GhValue r = p[1];
        if (l.getClass() != r.getClass()) {
            return false;
        }
        if (l instanceof GhValue.Null) {
            return true;
        }
        if (l instanceof GhValue.Num ln) {
            double x = ln.value();
            double y = ((GhValue.Num) r).value();
            return !Double.isNaN(x) && !Double.isNaN(y) && x == y;
        }
        if (l instanceof GhValue.Str ls) {
            return upper(ls.value()).equals(upper(((GhValue.Str) r).value()));
        }
        if (l instanceof GhValue.Bool lb) {
            return lb.value() == ((GhValue.Bool) r).value();
        }
        return l == r;
    }

    static boolean greater(GhValue a, GhValue b) {
        return order(a, b) > 0;
    }

    static boolean less(GhValue a, GhValue b) {
        return order(a, b) < 0;
    }

    /** Positive, negative or zero; zero also when the pair is not ordered (NaN, different kinds). */
    private static int order(GhValue a, GhValue b) {
        GhValue[] p = coerce(a, b);
        GhValue l = p[0];
        GhValue r = p[1];
        if (l.getClass() != r.getClass()) {
            return 0;
        }
        if (l instanceof GhValue.Num ln) {
            double x = ln.value();
            double y = ((GhValue.Num) r).value();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return 0;
            }
            return Double.compare(x, y) == 0 || x == y ? 0 : x > y ? 1 : -1;
        }
        if (l instanceof GhValue.Str ls) {
            return Integer.signum(upper(ls.value()).compareTo(upper(((GhValue.Str) r).value())));
        }
        if (l instanceof GhValue.Bool lb) {
            return Boolean.compare(lb.value(), ((GhValue.Bool) r).value());
        }
        return 0;
    }

    /** {@code toUpperSpecial}: upper case, except the dotless i stays as it is. */
    static String upper(String s) {
        if (s.indexOf('\u0131') < 0) {
            return s.toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        int from = 0;
        int at;
        while ((at = s.indexOf('\u0131', from)) >= 0) {
            sb.append(s.substring(from, at).toUpperCase(Locale.ROOT)).append('\u0131');
            from = at + 1;
        }
        return sb.append(s.substring(from).toUpperCase(Locale.ROOT)).toString();
    }
}
