package dev.pipelens.export;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Escaping for the text formats and the caption lines of drawn exports. */
final class Text {

    private Text() {
    }

    /** Removes characters XML 1.0 cannot hold (controls other than tab/newline, lone surrogates, FFFE/FFFF). */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                    || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Escapes text for XML element content and attribute values. */
    static String xml(String s) {
        String safe = xmlSafe(s);
        StringBuilder b = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&apos;");
                    break;
                case '\n':
                    b.append("&#10;");
                    break;
                case '\r':
                    b.append("&#13;");
                    break;
                case '\t':
                    b.append("&#9;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    /** The header's second line: CI system, scenario facts and variables, or "pipeline not created". */
    static String scenarioLine(Plan plan) {
        List<String> parts = new ArrayList<>();
        if (plan.system() != null) {
            parts.add(plan.system().id());
        }
        Scenario s = plan.scenario();
        if (s != null) {
            add(parts, "branch", s.branch());
            add(parts, "tag", s.tag());
            add(parts, "source", s.source());
            add(parts, "PR", s.pullRequest());
            if (s.message() != null) {
                String msg = s.message().strip().replaceAll("\\s+", " ");
                parts.add("message \u201c" + (msg.length() > 40 ? msg.substring(0, 39) + "\u2026" : msg) + "\u201d");
            }
            for (Map.Entry<String, String> e : s.variables().entrySet()) {
                parts.add(e.getKey() + "=" + e.getValue());
            }
        }
        if (!plan.created()) {
            parts.add("pipeline not created");
        }
        return oneLine(String.join("  \u00b7  ", parts));
    }

    /** "12 steps: 5 runs, 3 skipped, ..." in outcome order. */
    static String countsLine(Plan plan) {
        Map<Outcome, Integer> counts = plan.countsByOutcome();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            Integer c = counts.get(o);
            if (c != null && c > 0) {
                parts.add(c + " " + o.id());
            }
        }
        return total + (total == 1 ? " step" : " steps") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(name + " " + value);
        }
    }

    /** Control characters and line breaks to single spaces. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return b.toString().strip();
    }
}
