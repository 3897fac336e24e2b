package dev.pipelens.gitlab;

import dev.pipelens.gitlab.expr.ExpressionError;
import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code rules:} list (already flattened: nested lists from {@code !reference} are spliced) for a
 * job, {@code workflow:} or an {@code include:} entry, checking keys and {@code when} values per context
 * (spec 1.2 item 4, 1.6, 1.7 item 4).
 */
final class RuleReader {

    /** Where the rules are written; decides which keys and {@code when} values are allowed. */
    enum Context {
        JOB(Set.of("if", "changes", "exists", "when", "start_in", "allow_failure", "variables", "needs", "interruptible"),
                Set.of("on_success", "on_failure", "always", "never", "manual", "delayed")),
        WORKFLOW(Set.of("if", "changes", "exists", "when", "variables", "auto_cancel", "start_in", "allow_failure", "needs"),
                Set.of("always", "never")),
        INCLUDE(Set.of("if", "changes", "exists", "when"), Set.of("always", "never"));

        final Set<String> keys;
        final Set<String> whens;

        Context(Set<String> keys, Set<String> whens) {
            this.keys = keys;
            this.whens = whens;
        }
    }

    private final YamlValues values;

    RuleReader(YamlValues values) {
        this.values = values;
    }

    /** The rules, or null when {@code node} is absent; {@code rules: []} is reported. */
    List<GitLabRule> read(YamlNode node, Context context, String path) {
        if (node == null || DeepMerge.isNull(node)) {
            return null;
        }
        List<YamlNode> items = DeepMerge.flatten(node);
        if (!YamlValues.isSeq(node)) {
            values.error(GitLabCodes.BAD_VALUE, path + " should be a list of rules", node.span(), path);
            return null;
        }
        if (items.isEmpty() && context == Context.JOB) {
            values.error(GitLabCodes.RULES_EMPTY, "rules config can't be blank (rules: [] is invalid)", node.span(), path);
        }
        List<GitLabRule> rules = new ArrayList<>();
        for (YamlNode item : items) {
            String rulePath = path + "[" + rules.size() + "]";
            if (!(item instanceof YamlMap m) || m.size() == 0) {
                values.error(GitLabCodes.BAD_VALUE, "a rule should be a non-empty mapping, not " + item.describe(),
                        item.span(), rulePath);
                continue;
            }
            rules.add(rule(m, rules.size() + 1, context, rulePath));
        }
        return rules;
    }

    private GitLabRule rule(YamlMap m, int number, Context context, String path) {
        for (YamlMap.Entry e : m.entries()) {
            if (!context.keys.contains(e.name())) {
                values.error(GitLabCodes.RULE_UNKNOWN_KEY, "rule key '" + e.name() + "' is not allowed here",
                        e.key().span(), path + "." + e.name());
            }
        }
        GitLabExpression ifExpr = null;
        SourceSpan ifSpan = null;
        YamlNode ifNode = m.get("if");
        if (ifNode != null) {
            ifSpan = ifNode.span();
            if (ifNode instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING) {
                ifExpr = GitLabExpression.parse(s.value());
                ExpressionError err = ifExpr.error();
                if (err != null) {
                    values.error(GitLabCodes.EXPRESSION, "invalid expression syntax: " + err.message() + " (at offset "
                                    + err.offset() + " of: " + s.value() + ")",
                            ifSpan.plusColumns(err.offset() + (s.quoted() ? 1 : 0)), path + ".if");
                }
            } else {
                values.error(GitLabCodes.EXPRESSION, "rules:if should be a string expression, not " + ifNode.describe(),
                        ifSpan, path + ".if");
                ifExpr = GitLabExpression.parse("");
            }
        }
        List<String> changes = m.has("changes") ? values.paths(m.get("changes"), path + ".changes") : null;
        List<String> exists = m.has("exists") ? values.paths(m.get("exists"), path + ".exists") : null;
        if (exists != null) {
            for (String e : exists) {
                if (leavesProject(e)) {
                    values.error(GitLabCodes.OUTSIDE_PROJECT, "rules:exists '" + e + "' points outside the project "
                            + "root; GitLab looks for files in the project's repository only", m.get("exists").span(),
                            path + ".exists");
                }
            }
        }
        String when = YamlValues.text(m.get("when"));
        if (when != null && !context.whens.contains(when)) {
            values.error(GitLabCodes.BAD_WHEN, "rules:when '" + when + "' should be one of " + String.join(", ",
                    context.whens), m.get("when").span(), path + ".when");
        }
        String startIn = YamlValues.text(m.get("start_in"));
        if (context == Context.JOB && "delayed".equals(when) && startIn == null) {
            values.error(GitLabCodes.DELAYED_WITHOUT_START_IN, "a rule with when: delayed needs start_in", m.span(), path);
        }
        if (context == Context.JOB && startIn != null && !"delayed".equals(when)) {
            values.error(GitLabCodes.START_IN_WITHOUT_DELAYED, "start_in is only allowed with when: delayed",
                    m.get("start_in").span(), path + ".start_in");
        }
        Boolean allowFailure = null;
        YamlNode af = m.get("allow_failure");
        if (af instanceof YamlScalar s && s.asBoolean() != null) {
            allowFailure = s.asBoolean();
        } else if (af != null && context == Context.JOB) {
            values.error(GitLabCodes.BAD_VALUE, "rules:allow_failure should be true or false", af.span(),
                    path + ".allow_failure");
        }
        List<GitLabVariable> variables = values.variables(m.get("variables"), path + ".variables");
        List<GitLabNeed> needs = context == Context.JOB && m.has("needs") ? values.needs(m.get("needs"), path + ".needs")
                : null;
        String compareTo = m.get("changes") instanceof YamlMap c ? YamlValues.text(c.get("compare_to")) : null;
        return new GitLabRule(number, ifExpr, ifSpan, changes, exists, when, allowFailure, variables, needs, startIn,
                m.span(), compareTo);
    }

    /** Whether a literal path (relative to the project root; one leading {@code /} allowed) climbs out of it. */
    static boolean leavesProject(String path) {
        if (path.contains("$")) {
            return false;
        }
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if (rel.startsWith("/") || rel.startsWith("\\") || (rel.length() > 1 && rel.charAt(1) == ':' && Character.isLetter(rel.charAt(0)))) {
            return true;
        }
        int depth = 0;
        for (String part : rel.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }
}
