package dev.pipelens.plan;

import dev.pipelens.model.Scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenarios {@code diff --scenarios auto} compares in: the candidates of both versions together (presets,
 * literals, both versions' condition witnesses), plus, for every regex a variable is compared with in only
 * one version, a value one version's regex accepts and the other's rejects (and the reverse). Of those, the
 * fewest that show every change found (greedy cover over (step, change) pairs), and at least one scenario.
 */
public final class DiffScenarios {

    private static final int MAX_PLANNED = 500;

    private DiffScenarios() {
    }

    public static List<NamedScenario> choose(PipelinePlanner before, PipelinePlanner after, Scenario base) {
        Scenario start = base.withBranch(base.effectiveDefaultBranch());
        List<NamedScenario> all = new ArrayList<>(ScenarioMatrix.candidates(before, base));
        all.addAll(ScenarioMatrix.candidates(after, base));
        all.addAll(changedRegexWitnesses(before, after, start));
        all.addAll(before.witnessScenarios(start));
        all.addAll(after.witnessScenarios(start));
        List<NamedScenario> candidates = new ArrayList<>();
        Set<Scenario> distinct = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (NamedScenario c : all) {
            if (candidates.size() < MAX_PLANNED && names.add(c.name()) && distinct.add(c.scenario())) {
                candidates.add(c);
            }
        }
        List<Set<String>> found = new ArrayList<>();
        for (NamedScenario c : candidates) {
            Set<String> mine = new LinkedHashSet<>();
            for (PlanDiff.Change ch : PlanDiff.compare(before.plan(c.scenario()), after.plan(c.scenario()))) {
                mine.add(ch.id() + "\u0000" + name(ch.oldOutcome()) + ">" + name(ch.newOutcome()) + "\u0000" + ch.kinds()
                        + "\u0000" + ch.newGates() + ch.addedDependencies() + ch.removedDependencies());
            }
            found.add(mine);
        }
        List<Integer> picked = new ArrayList<>(ScenarioMatrix.greedyCover(found));
        if (picked.isEmpty() && !candidates.isEmpty()) {
            picked.add(0);
        }
        java.util.Collections.sort(picked);
        List<NamedScenario> out = new ArrayList<>();
        for (int i : picked) {
            out.add(candidates.get(i));
        }
        return out;
    }

    private static String name(Outcome o) {
        return o == null ? "-" : o.id();
    }

    /** For a variable compared with regex A in one version and B in the other: a value in A not B, one in B not A. */
    static List<NamedScenario> changedRegexWitnesses(PipelinePlanner before, PipelinePlanner after, Scenario base) {
        Map<String, Set<String>> oldRegexes = regexes(before);
        Map<String, Set<String>> newRegexes = regexes(after);
        List<NamedScenario> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : oldRegexes.entrySet()) {
            Set<String> now = newRegexes.getOrDefault(e.getKey(), Set.of());
            for (String a : e.getValue()) {
                for (String b : now) {
                    if (a.equals(b) || now.contains(a) && e.getValue().contains(b)) {
                        continue;
                    }
                    add(out, before, base, e.getKey(), a, b, "old");
                    add(out, before, base, e.getKey(), b, a, "new");
                }
            }
        }
        return out;
    }

    private static void add(List<NamedScenario> out, PipelinePlanner planner, Scenario base, String variable,
                            String accepts, String rejects, String which) {
        String w = RegexWitness.inFirstOnly(source(accepts), flags(accepts), source(rejects), flags(rejects));
        if (w != null) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put(variable, w);
            out.add(new NamedScenario(variable + "=" + w + " (only the " + which + " " + accepts + " accepts it)",
                    planner.withValues(base, values)));
        }
    }

    private static Map<String, Set<String>> regexes(PipelinePlanner planner) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (VariableInfo v : planner.variables()) {
            for (String value : v.values()) {
                if (value.startsWith("/") && value.lastIndexOf('/') > 0) {
                    out.computeIfAbsent(v.name(), k -> new LinkedHashSet<>()).add(value);
                }
            }
        }
        return out;
    }

    private static String source(String literal) {
        return literal.substring(1, literal.lastIndexOf('/'));
    }

    private static String flags(String literal) {
        return literal.substring(literal.lastIndexOf('/') + 1);
    }
}
