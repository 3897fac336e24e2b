package dev.pipelens.plan;

import dev.pipelens.model.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a small set of scenarios that covers every distinct outcome of a pipeline: the system's presets,
 * then, for every variable the conditions read, each literal it is compared with (and "unset"), on the
 * default branch. A candidate is kept only when it gives some step an outcome no kept scenario gave it,
 * so the table stays small and every row says something. Deterministic.
 */
public final class ScenarioMatrix {

    private static final int MAX_CANDIDATES = 200;
    private static final int MAX_PLANNED = 400;
    private static final int STEP_BUDGET = 150_000;

    private ScenarioMatrix() {
    }

    /** The candidates in the order they are tried. */
    public static List<NamedScenario> candidates(PipelinePlanner planner, Scenario base) {
        List<NamedScenario> out = new ArrayList<>(planner.presets(base.effectiveDefaultBranch()));
        for (VariableInfo v : planner.variables()) {
            if (!"env".equals(v.kind())) {
                // a build fact (branch, tag...): the system says whether and how to try it
                for (String value : v.values()) {
                    String sample = sampleFor(value);
                    if (sample != null) {
                        planner.factScenario(v.name(), sample, base).ifPresent(out::add);
                    }
                }
                continue;
            }
            for (String value : v.values()) {
                if (!value.startsWith("/")) {
                    out.add(new NamedScenario(v.name() + "=" + value, base.withVariable(v.name(), value)));
                }
            }
            out.add(new NamedScenario(v.name() + " unset", base.withVariable(v.name(), null)));
            if (out.size() > MAX_CANDIDATES) {
                break;
            }
        }
        return out;
    }

    /** The scenarios to show: the fewest (greedily) that give every step every outcome any candidate gives it. */
    public static List<NamedScenario> covering(PipelinePlanner planner, Scenario base) {
        return cover(planner, base).chosen();
    }

    /**
     * What discovery found: the chosen scenarios, and the steps that run (start without a person) in none
     * of the candidates tried.
     *
     * @param chosen       the covering scenarios, in the order the candidates were tried
     * @param neverRuns    ids of steps that are in no candidate build (skipped or never able to start in every
     *                     scenario tried; a step behind a gate counts as in the build), in plan order
     * @param candidates   how many distinct candidate scenarios were planned
     */
    public record Coverage(List<NamedScenario> chosen, List<String> neverRuns, int candidates) {
    }

    /**
     * Plans every candidate (presets, each compared literal, and the system's witness scenarios from the
     * conditions' atoms: conjunctions, regex examples, build facts), then picks greedily the candidate that
     * adds the most (step, outcome) pairs not covered yet, until every pair seen is covered. Deterministic.
     */
    public static Coverage cover(PipelinePlanner planner, Scenario base) {
        List<NamedScenario> candidates = allCandidates(planner, base);
        List<Set<String>> pairs = new ArrayList<>();
        Map<String, Boolean> runs = new LinkedHashMap<>();
        for (NamedScenario c : candidates) {
            Plan plan = planner.plan(c.scenario());
            Set<String> mine = new LinkedHashSet<>();
            for (PlannedStep s : plan.steps()) {
                mine.add(s.id() + "\u0000" + s.outcome().id());
                runs.merge(s.id(), s.outcome() != Outcome.SKIPPED && s.outcome() != Outcome.NEVER && plan.created(),
                        Boolean::logicalOr);
            }
            if (!plan.created()) {
                mine.add("\u0000pipeline not created");
            }
            pairs.add(mine);
        }
        List<Integer> picked = greedyCover(pairs);
        java.util.Collections.sort(picked);
        List<NamedScenario> chosen = new ArrayList<>();
        for (int i : picked) {
            chosen.add(candidates.get(i));
        }
        List<String> never = new ArrayList<>();
        runs.forEach((id, ran) -> {
            if (!ran) {
                never.add(id);
            }
        });
        return new Coverage(chosen, never, candidates.size());
    }

    /**
     * Every distinct scenario discovery tries (presets, compared literals, the system's witness scenarios),
     * at most {@value #MAX_PLANNED} (fewer on files with
     * many steps): the scenarios lint checks its scenario-dependent findings in.
     */
    public static List<NamedScenario> allCandidates(PipelinePlanner planner, Scenario base) {
        // keep the work bounded on large files: about 150,000 planned steps in all (400 scenarios up to 375 steps)
        int steps = Math.max(1, planner.plan(base).steps().size());
        int budget = Math.max(40, Math.min(MAX_PLANNED, STEP_BUDGET / steps));
        List<NamedScenario> candidates = new ArrayList<>();
        Set<Scenario> distinct = new java.util.HashSet<>();
        Set<String> names = new LinkedHashSet<>();
        List<NamedScenario> all = new ArrayList<>(candidates(planner, base));
        all.addAll(planner.witnessScenarios(base.withBranch(base.effectiveDefaultBranch())));
        for (NamedScenario c : all) {
            if (candidates.size() < budget && names.add(c.name()) && distinct.add(c.scenario())) {
                candidates.add(c);
            }
        }
        return candidates;
    }

    /**
     * Greedy set cover: indexes of the sets that together hold every element of any set, each pick the one
     * that adds the most elements not held yet (ties: the earlier), in pick order.
     */
    static List<Integer> greedyCover(List<Set<String>> sets) {
        Set<String> uncovered = new LinkedHashSet<>();
        sets.forEach(uncovered::addAll);
        List<Integer> picked = new ArrayList<>();
        while (!uncovered.isEmpty()) {
            int best = -1;
            int bestGain = 0;
            for (int i = 0; i < sets.size(); i++) {
                int gain = 0;
                for (String p : sets.get(i)) {
                    if (uncovered.contains(p)) {
                        gain++;
                    }
                }
                if (gain > bestGain) {
                    best = i;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                break;
            }
            picked.add(best);
            uncovered.removeAll(sets.get(best));
        }
        return picked;
    }

    /** A concrete value for a literal: the literal itself, or an example matching a simple regex. */
    static String sampleFor(String literal) {
        if (!literal.startsWith("/")) {
            return literal.isEmpty() || literal.contains("*") ? null : literal;
        }
        String body = literal.substring(1, literal.lastIndexOf('/') > 0 ? literal.lastIndexOf('/') : literal.length());
        if (body.startsWith("^v")) {
            return "v1.2.0";
        }
        String plain = body.replace("^", "").replace("$", "").replace("\\", "");
        return plain.matches("[A-Za-z0-9._/-]+") ? plain : null;
    }
}
