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

    private ScenarioMatrix() {
    }

    /** The candidates in the order they are tried. */
    public static List<NamedScenario> candidates(PipelinePlanner planner, Scenario base) {
        List<NamedScenario> out = new ArrayList<>(planner.presets(base.effectiveDefaultBranch()));
        for (VariableInfo v : planner.variables()) {
            if (!"env".equals(v.kind())) {
                if (v.name().equals("build.tag")) {
                    for (String value : v.values()) {
                        String tag = sampleFor(value);
                        if (tag != null) {
                            out.add(new NamedScenario("tag " + tag, base.withBranch(null).withTag(tag)));
                        }
                    }
                } else if (v.name().equals("build.branch")) {
                    for (String value : v.values()) {
                        String branch = sampleFor(value);
                        if (branch != null) {
                            out.add(new NamedScenario("push to " + branch, base.withBranch(branch)));
                        }
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

    /** The scenarios to show: presets first, then those that add an outcome not seen yet. */
    public static List<NamedScenario> covering(PipelinePlanner planner, Scenario base) {
        List<NamedScenario> kept = new ArrayList<>();
        Map<String, Set<Outcome>> seen = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        int presets = planner.presets(base.effectiveDefaultBranch()).size();
        List<NamedScenario> candidates = candidates(planner, base);
        for (int i = 0; i < candidates.size(); i++) {
            NamedScenario c = candidates.get(i);
            if (!names.add(c.name())) {
                continue;
            }
            Plan plan = planner.plan(c.scenario());
            boolean adds = i < presets;
            for (PlannedStep s : plan.steps()) {
                if (seen.computeIfAbsent(s.id(), k -> new LinkedHashSet<>()).add(s.outcome())) {
                    adds = true;
                }
            }
            if (adds) {
                kept.add(c);
            }
        }
        return kept;
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
