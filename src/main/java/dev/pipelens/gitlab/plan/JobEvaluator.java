package dev.pipelens.gitlab.plan;

import dev.pipelens.model.When;
import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabRule;
import dev.pipelens.gitlab.GitLabVariable;
import dev.pipelens.gitlab.RefPolicy;
import dev.pipelens.gitlab.RuleMatcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides one job for a scenario (spec 1.1-1.5, 3): {@code rules} first match wins whatever its {@code when}
 * (a later {@code when: never} rule is never looked at); no match = not created. Otherwise
 * {@code only}/{@code except}, with the implicit {@code only: [branches, tags]} when the job has neither
 * {@code rules} nor {@code only} and the file has no {@code workflow:rules}. A parallel:matrix job is decided
 * per instance when its conditions read a matrix variable.
 */
final class JobEvaluator {

    private final RuleMatcher matcher;
    private final RefPolicyEvaluator policies;
    private final boolean defaultOnly;
    private final Map<String, String> user;
    private final VariableScope predefined;
    private final VariableScope pipeline;
    private final Map<String, String> globals;
    private final Map<String, String> workflow;

    /**
     * @param predefined predefined variables for the scenario (without the user's)
     * @param globals    top-level YAML variables
     * @param workflow   variables of the matched workflow rule
     * @param user       the scenario's variables, which override everything
     */
    JobEvaluator(RuleMatcher matcher, RefPolicyEvaluator policies, boolean defaultOnly, VariableScope predefined,
                 Map<String, String> globals, Map<String, String> workflow, Map<String, String> user) {
        this.matcher = matcher;
        this.policies = policies;
        this.defaultOnly = defaultOnly;
        this.user = user;
        this.globals = globals;
        this.pipeline = predefined.under(globals).under(workflow);
        this.predefined = predefined;
        this.workflow = workflow;
    }

    JobDecision evaluate(GitLabJob job) {
        VariableScope base = baseScope(job);
        if (job.matrix().isEmpty() || !readsMatrix(job)) {
            return decide(job, base, job.jobCount());
        }
        JobDecision first = null;
        JobDecision firstIncluded = null;
        int included = 0;
        for (Map<String, String> instance : job.matrix()) {
            JobDecision d = decide(job, scope(job, base, instance), 1);
            if (first == null) {
                first = d;
            }
            if (d.included()) {
                included++;
                if (firstIncluded == null) {
                    firstIncluded = d;
                }
            }
        }
        JobDecision chosen = firstIncluded != null ? firstIncluded : first;
        List<String> reasons = new ArrayList<>();
        reasons.add(included + " of " + job.matrix().size() + " parallel:matrix jobs created (rules read matrix "
                + "variables); reasons below are for " + (firstIncluded != null ? "the first created one" : "the first one"));
        reasons.addAll(chosen.reasons());
        return new JobDecision(job, included > 0, chosen.when(), chosen.allowFailure(), chosen.needs(),
                chosen.condition(), reasons, included > 0 ? included : job.jobCount(), chosen.exitCodes());
    }

    private VariableScope baseScope(GitLabJob job) {
        VariableScope scope;
        if (job.inheritAllVariables()) {
            scope = pipeline;
        } else {
            Map<String, String> inherited = new HashMap<>();
            for (String name : job.inheritedVariables()) {
                if (globals.containsKey(name)) {
                    inherited.put(name, globals.get(name));
                }
            }
            scope = predefined.under(inherited).under(workflow);
        }
        Map<String, String> jobVars = new HashMap<>(job.variables().size() * 2 + 2);
        jobVars.put("CI_JOB_NAME", job.name());
        jobVars.put("CI_JOB_STAGE", job.stage());
        for (GitLabVariable v : job.variables()) {
            jobVars.put(v.name(), v.value());
        }
        return scope.under(jobVars);
    }

    private VariableScope scope(GitLabJob job, VariableScope base, Map<String, String> matrix) {
        return base.under(matrix);
    }

    private boolean readsMatrix(GitLabJob job) {
        if (job.rules() == null) {
            return false;
        }
        for (GitLabRule r : job.rules()) {
            if (r.ifExpr() != null) {
                for (String name : r.ifExpr().comparedLiterals().keySet()) {
                    if (job.matrix().get(0).containsKey(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private JobDecision decide(GitLabJob job, VariableScope scope, int jobs) {
        VariableScope withUser = scope.under(user);
        if (job.rules() != null) {
            return byRules(job, withUser, jobs);
        }
        List<String> reasons = new ArrayList<>();
        boolean included = true;
        RefPolicy only = job.only();
        if (only == null && defaultOnly) {
            only = RefPolicy.DEFAULT_ONLY;
            reasons.add("no rules or only: GitLab's default only: [branches, tags] applies");
        }
        if (only != null) {
            included = policies.matches(only, true, only == RefPolicy.DEFAULT_ONLY ? "default only" : "only", withUser,
                    reasons);
        }
        if (included && job.except() != null) {
            included = !policies.matches(job.except(), false, "except", withUser, reasons);
        }
        if (only == null && job.except() == null) {
            reasons.add("no rules, only or except: created in every pipeline workflow:rules lets through");
        }
        if (!included) {
            reasons.add("job not created");
        }
        boolean allowFailure = job.allowFailure() != null ? job.allowFailure() : When.of(job.when()) == When.MANUAL;
        return new JobDecision(job, included, When.of(job.when()), allowFailure, job.needs(), null, reasons, jobs,
                job.allowFailureExitCodes());
    }

    private JobDecision byRules(GitLabJob job, VariableScope scope, int jobs) {
        List<String> reasons = new ArrayList<>();
        List<GitLabRule> rules = job.rules();
        for (GitLabRule rule : rules) {
            RuleMatcher.Match m = matcher.match(rule, scope);
            if (!m.matched()) {
                reasons.add("rule " + rule.number() + " did not match: " + m.description());
                continue;
            }
            reasons.add("rule " + rule.number() + " matched" + (rule.unconditional() ? " (no if, changes or exists)"
                    : ": " + m.description()) + (rule.number() < rules.size() ? "; later rules not evaluated" : ""));
            When when = When.of(rule.when() != null ? rule.when() : job.when());
            String condition = rule.ifExpr() == null ? null : rule.ifExpr().text();
            if (when == When.NEVER) {
                reasons.add("when: never: job not created");
                return new JobDecision(job, false, when, false, null, condition, reasons, jobs);
            }
            boolean allowFailure;
            if (rule.allowFailure() != null) {
                allowFailure = rule.allowFailure();
                reasons.add("allow_failure: " + allowFailure + " from rule " + rule.number());
            } else if (job.allowFailure() != null) {
                allowFailure = job.allowFailure();
            } else {
                allowFailure = When.of(job.when()) == When.MANUAL;
                if (when == When.MANUAL && !allowFailure) {
                    reasons.add("when: manual inside rules without allow_failure: allow_failure is false (blocking)");
                }
            }
            if (rule.when() == null && When.of(job.when()) != When.ON_SUCCESS) {
                reasons.add("when: " + job.when() + " from the job (rule " + rule.number() + " sets no when)");
            }
            if (!rule.variables().isEmpty()) {
                Map<String, String> names = new LinkedHashMap<>();
                rule.variables().forEach(v -> names.put(v.name(), v.value()));
                reasons.add("rule " + rule.number() + " sets variables " + names.keySet());
            }
            if (rule.needs() != null) {
                reasons.add("rule " + rule.number() + " replaces needs");
            }
            // a rule that sets allow_failure drops the job's exit_codes (gitlab-semantics 1.4)
            return new JobDecision(job, true, when, allowFailure, rule.needs() != null ? rule.needs() : job.needs(),
                    condition, reasons, jobs, rule.allowFailure() != null ? List.of() : job.allowFailureExitCodes());
        }
        reasons.add(rules.isEmpty() ? "rules is empty: job not created" : "no rule matched: job not created");
        return new JobDecision(job, false, When.NEVER, false, null, null, reasons, jobs);
    }
}
