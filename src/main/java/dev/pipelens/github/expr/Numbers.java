package dev.pipelens.github.expr;

import com.google.re2j.Pattern;

import java.math.BigDecimal;
import java.math.BigInteger;

/** JavaScript's {@code Number(string)} and number-to-string, which GitHub's evaluator (TypeScript) uses. */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /** {@code Number(s)}: trimmed; '' is 0; decimal, 0x/0o/0b, Infinity; anything else NaN. */
    static double parseJs(String s) {
        String t = trimJs(s);
        if (t.isEmpty()) {
            return 0;
        }
        switch (t) {
            case "Infinity":
            case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (t.length() > 2 && t.charAt(0) == '0') {
            char p = Character.toLowerCase(t.charAt(1));
            int radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (radix != 0) {
                try {
                    return new BigInteger(t.substring(2), radix).doubleValue();
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        if (t.length() > 1000 || !DECIMAL.matcher(t).matches()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String trimJs(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isJsSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isJsSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isJsSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** JavaScript's {@code Number.prototype.toString()} for the usual range (plain notation below 1e21). */
    static String toJsString(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e21 || abs < 1e-6) {
            String plain = d.unscaledValue().abs().toString();
            int exp = plain.length() - 1 - d.scale();
            String mant = plain.length() == 1 ? plain : plain.charAt(0) + "." + plain.substring(1);
            return (v < 0 ? "-" : "") + mant + "e" + (exp >= 0 ? "+" : "") + exp;
        }
        return d.toPlainString();
    }
}
