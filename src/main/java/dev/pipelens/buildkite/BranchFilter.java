package dev.pipelens.buildkite;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's {@code branches:} filter. Patterns are separated by spaces; {@code *} matches any run of
 * characters (including {@code /} and {@code .}); a leading {@code !} negates. A branch passes when at
 * least one positive pattern matches (or there are none) and no negative pattern matches.
 * Matching is case-sensitive (the spec marks this UNCONFIRMED).
 */
public final class BranchFilter {

    private final List<String> positive = new ArrayList<>();
    private final List<String> negative = new ArrayList<>();
    private final List<String> patterns;

    public BranchFilter(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        for (String p : patterns) {
            if (p.startsWith("!")) {
                negative.add(p.substring(1));
            } else {
                positive.add(p);
            }
        }
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Whether a build of {@code branch} (null counts as "") includes the step. */
    public boolean matches(String branch) {
        String b = branch == null ? "" : branch;
        for (String n : negative) {
            if (glob(n, b)) {
                return false;
            }
        }
        if (positive.isEmpty()) {
            return true;
        }
        for (String p : positive) {
            if (glob(p, b)) {
                return true;
            }
        }
        return false;
    }

    /** Glob match with {@code *} only, iterative (linear in practice, no regex). */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
