package dev.pipelens.gitlab.plan;

import dev.pipelens.model.When;
import dev.pipelens.gitlab.expr.VariableLookup;
import dev.pipelens.gitlab.GitLabRule;
import dev.pipelens.gitlab.GitLabVariable;
import dev.pipelens.gitlab.GitLabWorkflow;
import dev.pipelens.gitlab.RuleMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code workflow:rules} (spec 1.7): first match wins with default {@code when: always}; a matched
 * {@code when: never} or no match means no pipeline ("Pipeline filtered out by workflow rules."). The rules
 * see predefined, pipeline and top-level variables, not job variables.
 */
final class WorkflowEvaluator {

    private WorkflowEvaluator() {
    }

    static WorkflowDecision evaluate(GitLabWorkflow workflow, RuleMatcher matcher, VariableLookup variables) {
        if (workflow == null || workflow.rules() == null) {
            return new WorkflowDecision(true, Map.of(), List.of());
        }
        List<String> reasons = new ArrayList<>();
        List<GitLabRule> rules = workflow.rules();
        for (GitLabRule rule : rules) {
            RuleMatcher.Match m = matcher.match(rule, variables);
            if (!m.matched()) {
                reasons.add("workflow rule " + rule.number() + " did not match: " + m.description());
                continue;
            }
            reasons.add("workflow rule " + rule.number() + " matched: " + m.description()
                    + (rule.number() < rules.size() ? "; later workflow rules not evaluated" : ""));
            if (When.of(rule.when()) == When.NEVER) {
                reasons.add(0, "Pipeline filtered out by workflow rules: rule " + rule.number() + " says when: never");
                return new WorkflowDecision(false, Map.of(), reasons);
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (GitLabVariable v : rule.variables()) {
                vars.put(v.name(), v.value());
            }
            if (!vars.isEmpty()) {
                reasons.add("workflow variables set: " + String.join(", ", vars.keySet()));
            }
            return new WorkflowDecision(true, vars, reasons);
        }
        reasons.add(0, "Pipeline filtered out by workflow rules: no workflow rule matched");
        return new WorkflowDecision(false, Map.of(), reasons);
    }
}
