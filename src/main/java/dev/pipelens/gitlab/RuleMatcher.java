package dev.pipelens.gitlab;

import dev.pipelens.gitlab.expr.Evaluation;
import dev.pipelens.gitlab.expr.VariableLookup;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether one rule matches (spec 1.2): all of its clauses ({@code if}, then {@code changes}, then
 * {@code exists}) must hold; a rule without clauses always matches. Evaluation stops at the first clause
 * that fails. The description names each clause evaluated with the values it read.
 */
public final class RuleMatcher {

    /** The outcome for one rule: matched or not, and a description such as {@code $A == "x" ($A = "x")}. */
    public record Match(boolean matched, String description) {
    }

    private final FileFacts files;

    public RuleMatcher(FileFacts files) {
        this.files = files;
    }

    public Match match(GitLabRule rule, VariableLookup variables) {
        if (rule.unconditional()) {
            return new Match(true, "no if/changes/exists");
        }
        List<String> parts = new ArrayList<>(3);
        if (rule.ifExpr() != null) {
            Evaluation e = rule.ifExpr().evaluate(variables);
            String reads = e.error() != null ? e.error() : e.describeReads();
            parts.add(rule.ifExpr().text() + (reads.isEmpty() ? "" : " (" + reads + ")") + (e.result() ? "" : " is false"));
            if (!e.result()) {
                return new Match(false, String.join(" and ", parts));
            }
        }
        if (rule.changes() != null) {
            StringBuilder why = new StringBuilder();
            boolean ok = files.changes(expand(rule.changes(), variables), rule.compareTo(), why);
            parts.add("changes " + rule.changes() + " " + why);
            if (!ok) {
                return new Match(false, String.join(" and ", parts));
            }
        }
        if (rule.exists() != null) {
            StringBuilder why = new StringBuilder();
            boolean ok = files.exists(expand(rule.exists(), variables), why);
            parts.add("exists " + rule.exists() + " " + why);
            if (!ok) {
                return new Match(false, String.join(" and ", parts));
            }
        }
        return new Match(true, String.join(" and ", parts));
    }

    /** {@code $VAR} and {@code ${VAR}} in paths are replaced when the variable exists, else kept literally. */
    static List<String> expand(List<String> paths, VariableLookup variables) {
        List<String> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            out.add(p.indexOf('$') < 0 ? p : expand(p, variables, 0));
        }
        return out;
    }

    private static String expand(String text, VariableLookup variables, int depth) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                sb.append(c);
                i++;
                continue;
            }
            boolean braced = i + 1 < text.length() && text.charAt(i + 1) == '{';
            int start = braced ? i + 2 : i + 1;
            int end = start;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            String name = text.substring(start, end);
            boolean closed = !braced || (end < text.length() && text.charAt(end) == '}');
            String value = name.isEmpty() || !closed ? null : variables.get(name);
            int next = braced && closed ? end + 1 : end;
            if (value == null) {
                sb.append(text, i, Math.max(next, i + 1));
            } else {
                sb.append(depth < 5 ? expand(value, variables, depth + 1) : value);
            }
            i = Math.max(next, i + 1);
        }
        return sb.toString();
    }
}
