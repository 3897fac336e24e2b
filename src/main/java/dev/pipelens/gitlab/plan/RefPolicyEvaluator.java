package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.expr.Evaluation;
import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.gitlab.expr.GitLabRegex;
import dev.pipelens.gitlab.expr.VariableLookup;
import dev.pipelens.gitlab.FileFacts;
import dev.pipelens.gitlab.RefPolicy;

import java.util.List;

/**
 * Evaluates {@code only}/{@code except} (spec 3): {@code only} holds when every key present has a match,
 * {@code except} excludes when any key present has a match. Ref patterns: {@code tags}, {@code branches}
 * (not tag, not merge request), pipeline source keywords ({@code pushes}, {@code schedules},
 * {@code merge_requests}, {@code web}, {@code api}, {@code triggers}, {@code pipelines}, {@code external},
 * {@code chat}...: source without {@code _event}, or its plural), and for branch and tag pipelines only,
 * {@code /regex/} or an exact ref name. A {@code @project/path} suffix is compared with
 * {@code CI_PROJECT_PATH} when set.
 */
final class RefPolicyEvaluator {

    private final RefContext ref;
    private final FileFacts files;

    RefPolicyEvaluator(RefContext ref, FileFacts files) {
        this.ref = ref;
        this.files = files;
    }

    /** Whether the policy's keys all match ({@code only}) / any key matches ({@code except}); adds a reason. */
    boolean matches(RefPolicy policy, boolean all, String label, VariableLookup variables, List<String> reasons) {
        boolean any = false;
        boolean every = true;
        if (policy.refs() != null) {
            String hit = matchingRef(policy.refs());
            reasons.add(label + " refs " + policy.refs() + ": " + (hit != null ? "'" + hit + "' matches" : "none matches")
                    + " (" + ref.kind() + ", ref " + quote(ref.ref()) + ", source " + ref.source() + ")");
            any |= hit != null;
            every &= hit != null;
        }
        if (policy.variables() != null) {
            boolean hit = false;
            for (GitLabExpression e : policy.variables()) {
                Evaluation ev = e.evaluate(variables);
                String reads = ev.error() != null ? ev.error() : ev.describeReads();
                if (ev.result()) {
                    reasons.add(label + " variables: " + e.text() + (reads.isEmpty() ? "" : " (" + reads + ")") + " is true");
                    hit = true;
                    break;
                }
                reasons.add(label + " variables: " + e.text() + (reads.isEmpty() ? "" : " (" + reads + ")") + " is false");
            }
            any |= hit;
            every &= hit;
        }
        if (policy.changes() != null) {
            StringBuilder why = new StringBuilder();
            boolean hit = files.changes(policy.changes(), why);
            reasons.add(label + " changes " + policy.changes() + ": " + why);
            any |= hit;
            every &= hit;
        }
        if (policy.kubernetes() != null) {
            boolean hit = "active".equals(policy.kubernetes()) && variables.get("CI_KUBERNETES_ACTIVE") != null
                    && !variables.get("CI_KUBERNETES_ACTIVE").isEmpty();
            reasons.add(label + " kubernetes: " + policy.kubernetes() + " is " + hit + " ($CI_KUBERNETES_ACTIVE "
                    + (variables.get("CI_KUBERNETES_ACTIVE") == null ? "undefined" : "set") + ")");
            any |= hit;
            every &= hit;
        }
        return all ? every : any;
    }

    /** The first pattern that matches the pipeline, or null. */
    private String matchingRef(List<String> patterns) {
        for (String p : patterns) {
            if (matchesRef(p)) {
                return p;
            }
        }
        return null;
    }

    private boolean matchesRef(String full) {
        String pattern = full;
        int at = full.indexOf('@');
        if (at > 0) { // GitLab splits at the first @ even inside a regex (write \x40 there)
            pattern = full.substring(0, at);
            String path = full.substring(at + 1);
            if (ref.projectPath() != null && !ref.projectPath().equals(path)) {
                return false;
            }
        }
        if (pattern.equals("tags") && ref.tag()) {
            return true;
        }
        if (pattern.equals("branches") && ref.branch()) {
            return true;
        }
        String source = ref.source().endsWith("_event")
                ? ref.source().substring(0, ref.source().length() - "_event".length()) : ref.source();
        if (pattern.equals(source) || pattern.equals(plural(source))) {
            return true;
        }
        if (!ref.branch() && !ref.tag() || ref.ref() == null) {
            return false;
        }
        if (pattern.startsWith("//") && pattern.substring(2).chars().allMatch(c -> "ismU".indexOf(c) >= 0)) {
            // RubySyntax PATTERN %r{^/(?<regexp>.*)/(?<flags>[ismU]*)$} takes "//" as the empty regex, which
            // matches every ref (gitlabhq's package-and-qa: only: ["//@gitlab-org/gitlab-ce"])
            return true;
        }
        if (pattern.startsWith("/")) {
            GitLabRegex regex = GitLabRegex.parse(pattern);
            return regex != null && regex.find(ref.ref());
        }
        return pattern.equals(ref.ref());
    }

    private static String plural(String word) {
        if (word.endsWith("s") || word.endsWith("sh") || word.endsWith("ch") || word.endsWith("x")) {
            return word + "es";
        }
        return word + "s";
    }

    private static String quote(String s) {
        return s == null ? "undefined" : "\"" + s + "\"";
    }
}
