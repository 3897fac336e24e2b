package dev.pipelens.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a step label into the text a box shows: Buildkite emoji shortcodes ({@code :rocket:}) are
 * dropped because plain fonts cannot draw them, control characters and runs of blanks become one
 * space, and the rest is word-wrapped to a width with an ellipsis on the last line when it does not fit.
 */
public final class LabelText {

    /** Appended to shortened text. */
    public static final String ELLIPSIS = "\u2026";

    private LabelText() {
    }

    /** The label without emoji shortcodes and control characters; {@code fallback} when nothing is left. */
    public static String display(String label, String fallback) {
        String s = label == null ? "" : stripShortcodes(matrixPlaceholders(label));
        s = s.strip();
        if (s.isEmpty()) {
            s = label == null ? "" : clean(label).strip();
        }
        return s.isEmpty() ? (fallback == null ? "" : fallback) : s;
    }

    private static final java.util.regex.Pattern MATRIX =
            java.util.regex.Pattern.compile("\\{\\{\\s*matrix(?:\\.([A-Za-z0-9_-]+))?\\s*\\}\\}");

    /**
     * One box stands for all jobs of a matrix step, so {@code {{matrix.arch}}} is drawn as {@code ‹arch›}
     * (and {@code {{matrix}}} as {@code ‹matrix›}) instead of the raw template.
     */
    static String matrixPlaceholders(String label) {
        if (label.indexOf("{{") < 0) {
            return label;
        }
        java.util.regex.Matcher m = MATRIX.matcher(label);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) == null ? "matrix" : m.group(1);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("\u2039" + name + "\u203a"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Removes {@code :name:} shortcodes (letters, digits, {@code _+-}) and normalises blanks. */
    static String stripShortcodes(String label) {
        String in = clean(label);
        StringBuilder out = new StringBuilder(in.length());
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == ':') {
                int j = i + 1;
                while (j < in.length() && isShortcodeChar(in.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && j < in.length() && in.charAt(j) == ':') {
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return collapse(out.toString());
    }

    private static boolean isShortcodeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+'
                || c == '-';
    }

    /** Control characters (except newline) to spaces. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                continue;
            }
            b.append(c != '\n' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') ? ' ' : c);
        }
        return b.toString();
    }

    /** Collapses blank runs inside each line, keeps line breaks. */
    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                trimEnd(b);
                b.append('\n');
                space = false;
            } else if (c == ' ' || c == '\t') {
                space = b.length() > 0 && b.charAt(b.length() - 1) != '\n';
            } else {
                if (space) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void trimEnd(StringBuilder b) {
        while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
            b.setLength(b.length() - 1);
        }
    }

    /**
     * Wraps {@code text} (already {@link #display displayed}) into at most {@code maxLines} lines no wider
     * than {@code maxWidth}; words too long for a line are broken; the last line ends in an ellipsis
     * when text was cut.
     */
    public static List<String> wrap(String text, TextMeasurer m, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        boolean cut = false;
        int cap = 120 * maxLines;
        if (text.length() > cap) {
            text = text.substring(0, safe(text, cap));
            cut = true;
        }
        outer:
        for (String para : text.split("\n", -1)) {
            String rest = para.strip();
            if (rest.isEmpty()) {
                continue;
            }
            while (!rest.isEmpty()) {
                if (lines.size() == maxLines) {
                    cut = true;
                    break outer;
                }
                int end = fit(rest, m, maxWidth);
                String line = rest.substring(0, end).strip();
                rest = rest.substring(end).strip();
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            lines.add(shorten(text.strip(), m, maxWidth));
            return lines;
        }
        if (cut) {
            int last = lines.size() - 1;
            lines.set(last, shorten(lines.get(last) + ELLIPSIS, m, maxWidth));
        }
        return lines;
    }

    /** How many chars of {@code s} go on one line: up to the last space that fits, else a hard break. */
    private static int fit(String s, TextMeasurer m, double maxWidth) {
        if (m.width(s) <= maxWidth) {
            return s.length();
        }
        int lastBreak = -1;
        int hard = 0;
        int i = 0;
        while (i < s.length()) {
            int next = i + Character.charCount(s.codePointAt(i));
            if (m.width(s.substring(0, next)) > maxWidth) {
                break;
            }
            if (s.charAt(i) == ' ') {
                lastBreak = i;
            } else if (i > 0 && (s.charAt(i - 1) == '-' || s.charAt(i - 1) == '/')) {
                lastBreak = Math.max(lastBreak, i);
            }
            hard = next;
            i = next;
        }
        if (lastBreak > 0) {
            return lastBreak;
        }
        return Math.max(hard, Character.charCount(s.codePointAt(0)));
    }

    /** {@code s}, or its longest prefix plus an ellipsis, that fits {@code maxWidth}. */
    public static String shorten(String s, TextMeasurer m, double maxWidth) {
        if (m.width(s) <= maxWidth) {
            return s;
        }
        String base = s.endsWith(ELLIPSIS) ? s.substring(0, s.length() - 1) : s;
        int lo = 0;
        int hi = base.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (m.width(base.substring(0, safe(base, mid)).stripTrailing() + ELLIPSIS) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return base.substring(0, safe(base, lo)).stripTrailing() + ELLIPSIS;
    }

    /** Moves a cut index off the middle of a surrogate pair. */
    private static int safe(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
    }
}
