package dev.pipelens.buildkite.plan;

import dev.pipelens.model.BlockStep;
import dev.pipelens.model.Dependency;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.GroupStep;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.Step;
import dev.pipelens.model.WaitStep;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.ScenarioMatrix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Buildkite lint that needs scenarios (issue 10), checked in every discovery scenario, each finding with its
 * place, the scenario in which it bites and a one-line fix: a conditional or branch-filtered block whose
 * omission removes the only barrier between the steps before and after it (spec E19); an omitted step that
 * breaks a dependency chain, so a step no longer waits for what the omitted step waited for (E7); a step in
 * no build at all (a condition that is never true).
 */
final class BuildkiteScenarioLint {

    static final String BARRIER_REMOVED = "bk-lint-skipped-block-removes-barrier";
    static final String CHAIN_BROKEN = "bk-lint-omitted-step-breaks-chain";
    static final String NEVER_IN_BUILD = "bk-lint-step-in-no-build";

    private BuildkiteScenarioLint() {
    }

    static List<Diagnostic> check(BuildkitePlanner planner, Pipeline pipeline) {
        List<Diagnostic> out = new ArrayList<>();
        List<NamedScenario> scenarios = ScenarioMatrix.allCandidates(planner, Scenario.defaults());
        List<Plan> plans = new ArrayList<>();
        for (NamedScenario s : scenarios) {
            plans.add(planner.plan(s.scenario()));
        }
        if (plans.stream().noneMatch(Plan::created)) {
            return out;
        }
        barriers(pipeline.steps(), scenarios, plans, out);
        chains(pipeline, scenarios, plans, out);
        neverInBuild(pipeline, scenarios.size(), plans, out);
        return out;
    }

    /** E19: a positional block with if/branches, steps before it, and a step after it that then runs alongside them. */
    private static void barriers(List<Step> scope, List<NamedScenario> scenarios, List<Plan> plans, List<Diagnostic> out) {
        for (int i = 0; i < scope.size(); i++) {
            Step s = scope.get(i);
            if (s instanceof GroupStep g) {
                barriers(g.steps(), scenarios, plans, out);
            }
            boolean conditional = s.info().condition() != null || !s.info().branches().isEmpty();
            if (!(s instanceof BlockStep) || !conditional || s.info().hasExplicitDependencies() || i == 0
                    || scope.get(i - 1) instanceof WaitStep || scope.get(i - 1) instanceof BlockStep) {
                continue;
            }
            Step before = scope.get(i - 1);
            for (int k = 0; k < plans.size(); k++) {
                Plan p = plans.get(k);
                if (!p.created() || outcome(p, s.id()) != Outcome.SKIPPED || !inBuild(p, before.id())) {
                    continue;
                }
                Step after = null;
                for (int j = i + 1; j < scope.size() && after == null; j++) {
                    Step n = scope.get(j);
                    if (n instanceof WaitStep || n instanceof BlockStep || n instanceof InputStep) {
                        break;
                    }
                    if (!n.info().hasExplicitDependencies() && inBuild(p, n.id()) && !reaches(p, n.id(), before.id())) {
                        after = n;
                    }
                }
                if (after != null) {
                    out.add(Diagnostic.warning(BARRIER_REMOVED, "when this block is skipped (scenario \""
                            + scenarios.get(k).name() + "\"), " + after.id() + " no longer waits for " + before.id()
                            + " and runs alongside it: an omitted block removes its barrier (spec E19). Fix: add a "
                            + "- wait before the block, or depends_on: " + before.id() + " to " + after.id(),
                            s.info().span()).withPath(s.info().path()));
                    break;
                }
            }
        }
    }

    /** E7: S depends_on X; when X is omitted, S no longer waits for what X waited for. */
    private static void chains(Pipeline pipeline, List<NamedScenario> scenarios, List<Plan> plans, List<Diagnostic> out) {
        Map<String, Step> byKey = new LinkedHashMap<>();
        for (Step s : pipeline.allSteps()) {
            if (s.info().key() != null) {
                byKey.putIfAbsent(s.info().key(), s);
            }
        }
        for (Step s : pipeline.allSteps()) {
            if (!s.info().hasExplicitDependencies()) {
                continue;
            }
            for (Dependency d : s.info().dependsOn()) {
                Step x = byKey.get(d.key());
                if (x == null || x.info().condition() == null && x.info().branches().isEmpty()) {
                    continue;
                }
                List<String> xPreds = predecessorsWhenPresent(plans, x.id());
                Diagnostic found = null;
                for (int k = 0; k < plans.size() && found == null; k++) {
                    Plan p = plans.get(k);
                    if (!p.created() || outcome(p, x.id()) != Outcome.SKIPPED || !inBuild(p, s.id())) {
                        continue;
                    }
                    for (String y : xPreds) {
                        if (inBuild(p, y) && !reaches(p, s.id(), y)) {
                            found = Diagnostic.warning(CHAIN_BROKEN, "when " + x.id() + " is omitted (scenario \""
                                    + scenarios.get(k).name() + "\"), " + s.id() + " no longer waits for " + y + ": "
                                    + "Buildkite drops an omitted dependency, it does not bridge it (spec E7). Fix: add "
                                    + y + " to depends_on", d.span());
                            break;
                        }
                    }
                }
                if (found != null) {
                    out.add(found);
                }
            }
        }
    }

    private static List<String> predecessorsWhenPresent(List<Plan> plans, String id) {
        for (Plan p : plans) {
            PlannedStep x = p.created() ? p.step(id).orElse(null) : null;
            if (x != null && x.outcome() != Outcome.SKIPPED) {
                return x.dependsOn();
            }
        }
        return List.of();
    }

    /** A step skipped in every scenario tried, in files where some build exists. */
    private static void neverInBuild(Pipeline pipeline, int tried, List<Plan> plans, List<Diagnostic> out) {
        Set<String> seen = new HashSet<>();
        for (Plan p : plans) {
            if (p.created()) {
                for (PlannedStep s : p.steps()) {
                    if (s.outcome() != Outcome.SKIPPED) {
                        seen.add(s.id());
                    }
                }
            }
        }
        for (Step s : pipeline.allSteps()) {
            if (seen.contains(s.id()) || s.info().condition() == null && s.info().branches().isEmpty()
                    || s.info().skip() != null || s.info().condition() != null && s.info().condition().text().contains("=~")
                    && !seen.isEmpty() && regexWithoutExample(s.info().condition().text())) {
                continue;
            }
            out.add(Diagnostic.warning(NEVER_IN_BUILD, "this step is in none of the " + tried + " builds Pipelens "
                    + "tried, including those built from its own condition: it can never run. On a tag build "
                    + "build.branch is the tag; check the condition for a contradiction or a misspelt value. Fix: "
                    + "correct the condition, or remove the step", s.info().span()).withPath(s.info().path()));
        }
    }

    private static boolean regexWithoutExample(String condition) {
        com.google.re2j.Matcher m = com.google.re2j.Pattern.compile("/((?:\\\\/|[^/])+)/([a-z]*)").matcher(condition);
        while (m.find()) {
            if (dev.pipelens.plan.RegexWitness.matching(m.group(1), m.group(2)) == null) {
                return true;
            }
        }
        return false;
    }

    private static Outcome outcome(Plan p, String id) {
        return p.step(id).map(PlannedStep::outcome).orElse(null);
    }

    private static boolean inBuild(Plan p, String id) {
        Outcome o = outcome(p, id);
        return o != null && o != Outcome.SKIPPED;
    }

    /** Whether {@code from} waits for {@code to}, directly or not, in this plan. */
    private static boolean reaches(Plan p, String from, String to) {
        Map<String, PlannedStep> byId = p.stepsById();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(to)) {
                return true;
            }
            PlannedStep s = byId.get(id);
            if (seen.add(id) && s != null) {
                todo.addAll(s.dependsOn());
            }
        }
        return false;
    }
}
