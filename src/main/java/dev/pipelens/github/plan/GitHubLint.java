package dev.pipelens.github.plan;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.pipelens.github.Workflow;
import dev.pipelens.github.WorkflowInput;
import dev.pipelens.github.WorkflowJob;
import dev.pipelens.github.expr.Template;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Likely mistakes in a workflow (spec section 12), each with its place, the scenario where it bites and
 * a fix: an {@code if} whose {@code ${{ }}} has text around it (always true); a job skipped only because
 * a job it needs was skipped although its own condition holds (the implicit {@code success()}); a job
 * that runs on a tag push while the environment-gated job before it is skipped (the gate is bypassed);
 * an input compared with a value outside its {@code options}, or a boolean input compared with a string.
 */
final class GitHubLint {

    static final String ALWAYS_TRUE = "gh-if-always-true";
    static final String SKIPPED_NEED = "gh-needs-skippable";
    static final String GATE_BYPASSED = "gh-env-gate-bypassed";
    static final String INPUT_VALUE = "gh-input-outside-options";

    private static final Pattern INPUT_COMPARE = Pattern.compile(
            "(?i)\\b(github\\.event\\.inputs|inputs)\\.([A-Za-z_][A-Za-z0-9_-]*)\\s*(==|!=)\\s*'([^']*)'");

    private GitHubLint() {
    }

    static List<Diagnostic> check(GitHubPlanner planner) {
        Workflow wf = planner.workflow();
        List<Diagnostic> out = new ArrayList<>();
        if (wf.invalid()) {
            return out;
        }
        for (WorkflowJob j : wf.jobs()) {
            String w = j.ifWritten();
            if (w != null && Template.hasExpression(w) && j.condition() != null
                    && j.condition().text().contains("format('")) {
                out.add(Diagnostic.warning(ALWAYS_TRUE, "job '" + j.id() + "': if: " + w.strip()
                        + " is always true: the text around ${{ }} makes it a non-empty string; fix: put the whole "
                        + "condition inside one ${{ }} or leave ${{ }} out", j.span()));
            }
            if (w != null) {
                inputs(wf, j, w, out);
            }
        }
        List<NamedScenario> scenarios = GitHubPresets.forWorkflow(wf, Scenario.DEFAULT_BRANCH);
        Set<String> reported = new HashSet<>();
        for (NamedScenario s : scenarios) {
            Map<String, String> skipped = new LinkedHashMap<>();
            planner.plan(s.scenario(), skipped);
            for (Map.Entry<String, String> e : skipped.entrySet()) {
                if (reported.add(SKIPPED_NEED + e.getKey())) {
                    WorkflowJob j = find(wf, e.getKey());
                    boolean fork = e.getValue().contains("'") && mentionsRepository(wf, e.getValue());
                    out.add(Diagnostic.warning(SKIPPED_NEED, "job '" + e.getKey() + "' is skipped in \"" + s.name()
                            + "\"" + (fork ? " (repository owner/repo, as on a fork)" : "")
                            + " although its own if is true, because " + e.getValue()
                            + "; fix: if: ${{ !cancelled() && (...) }} with needs.<id>.result checks",
                            j == null ? null : j.span()));
                }
            }
        }
        gateBypass(planner, wf, out);
        return out;
    }

    private static void gateBypass(GitHubPlanner planner, Workflow wf, List<Diagnostic> out) {
        Map<String, String> envs = new LinkedHashMap<>();
        for (WorkflowJob j : wf.jobs()) {
            if (j.environment() != null && !j.environment().contains("${{")) {
                envs.put("environment." + j.environment(), "reviewers");
            }
        }
        if (envs.isEmpty()) {
            return;
        }
        Scenario tag = new Scenario(null, "v1.2.0", null, "push", null, Scenario.DEFAULT_BRANCH, envs);
        Plan plan = planner.plan(tag);
        if (!plan.created()) {
            return;
        }
        Map<String, PlannedStep> byId = plan.stepsById();
        for (PlannedStep s : plan.steps()) {
            if (s.outcome() != Outcome.RUNS) {
                continue;
            }
            for (String a : ancestors(s, byId)) {
                WorkflowJob gated = wf.job(a);
                PlannedStep as = byId.get(a);
                if (gated != null && gated.environment() != null && as != null && as.outcome() == Outcome.SKIPPED) {
                    out.add(Diagnostic.warning(GATE_BYPASSED, "job '" + s.id() + "' runs on a tag push (v1.2.0) "
                            + "although job '" + a + "', behind environment '" + gated.environment() + "', is skipped "
                            + "there: the tag release bypasses that gate; fix: give '" + s.id() + "' the environment "
                            + "too, or make it need the gate on tags", s.span()));
                    break;
                }
            }
        }
    }

    private static Set<String> ancestors(PlannedStep s, Map<String, PlannedStep> byId) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(s.dependsOn());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id) && byId.get(id) != null) {
                todo.addAll(byId.get(id).dependsOn());
            }
        }
        return seen;
    }

    private static void inputs(Workflow wf, WorkflowJob j, String written, List<Diagnostic> out) {
        Matcher m = INPUT_COMPARE.matcher(written);
        while (m.find()) {
            String name = m.group(2);
            String literal = m.group(4);
            boolean eventInputs = m.group(1).toLowerCase(Locale.ROOT).startsWith("github");
            WorkflowInput in = null;
            for (WorkflowInput i : wf.dispatchInputs()) {
                if (i.name().equalsIgnoreCase(name)) {
                    in = i;
                }
            }
            if (in == null) {
                continue;
            }
            if (!in.options().isEmpty() && in.options().stream().noneMatch(o -> o.equalsIgnoreCase(literal))) {
                out.add(Diagnostic.warning(INPUT_VALUE, "job '" + j.id() + "': " + m.group() + " compares input '"
                        + name + "' with a value outside its options " + in.options() + ": that comparison is "
                        + (m.group(3).equals("==") ? "never true" : "always true"), j.span()));
            } else if (in.type().equals("boolean") && !eventInputs
                    && (literal.equalsIgnoreCase("true") || literal.equalsIgnoreCase("false"))) {
                out.add(Diagnostic.warning(INPUT_VALUE, "job '" + j.id() + "': " + m.group() + " compares the boolean "
                        + "input '" + name + "' with a string: inputs." + name + " is a boolean, and '" + literal
                        + "' never equals it; fix: inputs." + name + (literal.equalsIgnoreCase("true") ? "" : " == false"),
                        j.span()));
            }
        }
    }

    /** Whether the job named first in {@code why} tests {@code github.repository} (a fork guard). */
    private static boolean mentionsRepository(Workflow wf, String why) {
        int a = why.indexOf('\'');
        int b = why.indexOf('\'', a + 1);
        WorkflowJob j = b > a ? find(wf, why.substring(a + 1, b)) : null;
        return j != null && j.ifWritten() != null && j.ifWritten().contains("github.repository");
    }

    private static WorkflowJob find(Workflow wf, String id) {
        if (!id.contains("/")) {
            return wf.job(id);
        }
        int slash = id.indexOf('/');
        WorkflowJob caller = wf.job(id.substring(0, slash));
        return caller == null || caller.called() == null ? null : find(caller.called(), id.substring(slash + 1));
    }
}
