package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.GitLabConfig;
import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabRule;
import dev.pipelens.model.Diagnostic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Static checks for GitLab rules (issue 6): rules that can never be reached because an earlier rule
 * always matches (GitLab stops at the first match), and a rule repeating an earlier rule's condition.
 */
final class GitLabLint {

    static final String UNREACHABLE_RULE = "gl-lint-unreachable-rule";
    static final String DUPLICATE_RULE = "gl-lint-duplicate-rule";

    private GitLabLint() {
    }

    static List<Diagnostic> check(GitLabConfig config) {
        List<Diagnostic> out = new ArrayList<>();
        if (config.workflow() != null && config.workflow().rules() != null) {
            rules("workflow:rules", config.workflow().rules(), out);
        }
        for (GitLabJob job : config.jobs()) {
            if (job.rules() != null) {
                rules("job " + job.name(), job.rules(), out);
            }
        }
        return out;
    }

    private static void rules(String owner, List<GitLabRule> rules, List<Diagnostic> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            GitLabRule r = rules.get(i);
            if (r.unconditional() && i + 1 < rules.size()) {
                GitLabRule next = rules.get(i + 1);
                out.add(Diagnostic.warning(UNREACHABLE_RULE, owner + ": rule " + r.number() + " has no if, changes or "
                        + "exists, so it always matches and the " + (rules.size() - i - 1) + " rule(s) after it are never "
                        + "evaluated (GitLab stops at the first match). Fix: move it to the end, or give it a condition",
                        next.span()));
                return;
            }
            if (r.ifExpr() != null && r.changes() == null && r.exists() == null) {
                String key = r.ifExpr().text().replaceAll("\\s+", " ").trim();
                Integer first = seen.putIfAbsent(key, r.number());
                if (first != null) {
                    out.add(Diagnostic.warning(DUPLICATE_RULE, owner + ": rule " + r.number() + " repeats the condition "
                            + "of rule " + first + " (" + key + "), which already matched whenever this one would: it "
                            + "is never reached. Fix: remove it or merge its settings into rule " + first, r.span()));
                }
            }
        }
    }
}
