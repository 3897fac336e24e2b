package dev.pipelens.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * How Ruby's Psych (the YAML reader GitLab uses, YAML 1.1 rules) resolves a plain, untagged scalar:
 * {@code Psych::ScalarScanner#tokenize} (ruby/psych lib/psych/scalar_scanner.rb @7d5e0362), step by step in
 * the same order, and the text Ruby's {@code to_s} gives the resulting value (what GitLab puts in a
 * variable). The differences from YAML 1.2 that this gives are listed in docs/gitlab-yaml.md.
 */
final class PsychScalars {

    private PsychScalars() {
    }

    /** A resolved scalar: its kind, Ruby's text of the value, and whether GitLab refuses it (Date, Time). */
    record Resolved(YamlScalar.Kind kind, String text, String refused) {
    }

    // "Check for a String type, being careful not to get caught by hash keys, hex values, and special floats"
    private static final Pattern WORDLIKE = Pattern.compile("^[^\\d.:-]?[\\p{IsAlphabetic}_\\s!@#$%^&*(){}<>|/\\\\~;=]+");
    private static final Pattern TIME = Pattern.compile(
            "^-?\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|\\s+)\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d*)?(?:\\s*(?:Z|[-+]\\d{1,2}:?(?:\\d\\d)?))?$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(1[012]|0\\d|\\d)-([12]\\d|3[01]|0\\d|\\d)$");
    private static final Pattern SEXAGESIMAL_INT = Pattern.compile("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$");
    private static final Pattern SEXAGESIMAL_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\\.[0-9_]*$");
    private static final Pattern FLOAT = Pattern.compile("^[-+]?([0-9][0-9_,]*)?\\.[0-9]*([eE][-+][0-9]+)?$");
    private static final Pattern INTEGER_LEGACY = Pattern.compile("^(?:[-+]?0b[_,]*[0-1][0-1_,]*"
            + "|[-+]?0[_,]*[0-7][0-7_,]*"
            + "|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)"
            + "|[-+]?0x[_,]*[0-9a-fA-F][0-9a-fA-F_,]*)$");

    static Resolved resolve(String s) {
        if (s.isEmpty()) {
            return new Resolved(YamlScalar.Kind.NULL, s, null);
        }
        if (WORDLIKE.matcher(s).find() || s.indexOf('\n') >= 0) {
            if (s.length() > 5 || "ytonf~".indexOf(Character.toLowerCase(s.charAt(0))) < 0) {
                return string(s);
            }
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            if (s.equals("~") || lower.equals("null")) {
                return new Resolved(YamlScalar.Kind.NULL, s, null);
            }
            if (lower.equals("yes") || lower.equals("true") || lower.equals("on")) {
                return new Resolved(YamlScalar.Kind.BOOL, "true", null);
            }
            if (lower.equals("no") || lower.equals("false") || lower.equals("off")) {
                return new Resolved(YamlScalar.Kind.BOOL, "false", null);
            }
            return string(s);
        }
        if (TIME.matcher(s).find()) {
            return new Resolved(YamlScalar.Kind.STRING, s, "a time (Time)");
        }
        var date = DATE.matcher(s);
        if (date.find()) {
            try {
                LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
                return new Resolved(YamlScalar.Kind.STRING, s, "a date (Date)");
            } catch (DateTimeException e) {
                return string(s); // Date.strptime raises ArgumentError, Psych keeps the string
            }
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals(".inf") || lower.equals("+.inf")) {
            return new Resolved(YamlScalar.Kind.FLOAT, "Infinity", null);
        }
        if (lower.equals("-.inf")) {
            return new Resolved(YamlScalar.Kind.FLOAT, "-Infinity", null);
        }
        if (lower.equals(".nan")) {
            return new Resolved(YamlScalar.Kind.FLOAT, "NaN", null);
        }
        if (s.length() > 1 && s.charAt(0) == ':') {
            return string(s); // a Ruby Symbol: kept as written (docs/gitlab-yaml.md)
        }
        if (SEXAGESIMAL_INT.matcher(s).find()) {
            BigInteger sum = BigInteger.ZERO;
            String[] parts = s.split(":");
            for (int e = 0; e < parts.length; e++) {
                BigInteger n = new BigInteger(rubyToI(parts[e]));
                sum = sum.add(n.multiply(BigInteger.valueOf(60).pow(Math.abs(e - 2))));
            }
            return new Resolved(YamlScalar.Kind.INT, sum.toString(), null);
        }
        if (SEXAGESIMAL_FLOAT.matcher(s).find()) {
            double sum = 0;
            String[] parts = s.split(":");
            for (int e = 0; e < parts.length; e++) {
                sum += rubyToF(parts[e]) * Math.pow(60, Math.abs(e - 2));
            }
            return new Resolved(YamlScalar.Kind.FLOAT, rubyFloat(sum), null);
        }
        if (FLOAT.matcher(s).find()) {
            if (s.equals(".") || s.equals("+.") || s.equals("-.")) {
                return string(s);
            }
            String t = s.replace(",", "").replace("_", "").replaceAll("\\.([Ee]|$)", "$1");
            try {
                return new Resolved(YamlScalar.Kind.FLOAT, rubyFloat(Double.parseDouble(t)), null);
            } catch (NumberFormatException e) {
                return string(s);
            }
        }
        if (INTEGER_LEGACY.matcher(s).find()) {
            return new Resolved(YamlScalar.Kind.INT, rubyInteger(s.replace(",", "").replace("_", "")).toString(), null);
        }
        return string(s);
    }

    private static Resolved string(String s) {
        return new Resolved(YamlScalar.Kind.STRING, s, null);
    }

    /** Ruby {@code Integer(str)}: a sign, then {@code 0b}, {@code 0x}, a leading {@code 0} (octal) or decimal. */
    static BigInteger rubyInteger(String s) {
        boolean negative = s.startsWith("-");
        String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        BigInteger v;
        if (t.startsWith("0b")) {
            v = new BigInteger(t.substring(2), 2);
        } else if (t.startsWith("0x")) {
            v = new BigInteger(t.substring(2), 16);
        } else if (t.length() > 1 && t.startsWith("0")) {
            v = new BigInteger(t.substring(1), 8);
        } else {
            v = new BigInteger(t);
        }
        return negative ? v.negate() : v;
    }

    /** Ruby {@code String#to_i} of a sexagesimal part: sign and digits, underscores between digits ignored. */
    private static String rubyToI(String part) {
        String t = part.replace("_", "");
        return t.startsWith("+") ? t.substring(1) : t;
    }

    private static double rubyToF(String part) {
        String t = part.replace("_", "");
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return Double.parseDouble(t);
    }

    /**
     * Ruby's {@code Float#to_s}: the shortest digits that read back, fixed notation while the decimal exponent
     * is in -4..16 ({@code 1.1}, {@code 100.0}, {@code 0.0001}), otherwise {@code 1.0e+16} / {@code 1.0e-05}.
     */
    static String rubyFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        StringBuilder out = new StringBuilder(sign);
        if (decpt > 0 && decpt <= 16) {
            if (decpt >= digits.length()) {
                out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits.substring(decpt));
            }
        } else if (decpt <= 0 && decpt > -4) {
            out.append("0.").append("0".repeat(-decpt)).append(digits);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0");
            int exp = decpt - 1;
            out.append('e').append(exp < 0 ? '-' : '+').append(String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp)));
        }
        return out.toString();
    }
}
