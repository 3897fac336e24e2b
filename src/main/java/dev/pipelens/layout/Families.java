package dev.pipelens.layout;

import dev.pipelens.plan.Lane;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds job families into one box, as GitLab's pipeline graph does: jobs of one lane whose names differ only
 * by a trailing {@code 1/28} ({@code 1 28}, {@code 1:28}; what {@code parallel: N} creates) or by a
 * {@code : [a, b]} suffix (what {@code parallel:matrix} creates) become one box named for the family, with
 * the number of jobs as its badge.
 */
final class Families {

    /** GitLab's job-grouping rule: a trailing "N/M", "N M" or "N:M". */
    private static final Pattern INDEX = Pattern.compile("^(.*?)\\s+\\d+\\s*[\\s:/\\\\]\\s*\\d+\\s*$");
    /** parallel:matrix job names: "name: [a, b]". */
    private static final Pattern MATRIX = Pattern.compile("^(.*?):\\s*\\[.*\\]\\s*$");

    /** The folded plan and lanes, and each family's member ids by the id of its box (its first member). */
    record Folded(Plan plan, List<Lane> lanes, Map<String, List<String>> members) {
    }

    private Families() {
    }

    /** The family name of a job name, or null when it belongs to none. */
    static String family(String name) {
        if (name == null) {
            return null;
        }
        Matcher m = INDEX.matcher(name);
        if (m.matches() && !m.group(1).isBlank()) {
            return m.group(1).trim();
        }
        m = MATRIX.matcher(name);
        if (m.matches() && !m.group(1).isBlank()) {
            return m.group(1).trim();
        }
        return null;
    }

    static Folded fold(Plan plan, List<Lane> lanes) {
        Map<String, PlannedStep> steps = plan.stepsById();
        Map<String, String> repOf = new HashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Lane lane : lanes) {
            Map<String, List<String>> byFamily = new LinkedHashMap<>();
            for (String id : lane.steps()) {
                PlannedStep s = steps.get(id);
                String fam = s == null || s.group() != null ? null : family(s.label() == null ? id : s.label());
                if (fam != null) {
                    byFamily.computeIfAbsent(fam, k -> new ArrayList<>()).add(id);
                }
            }
            for (List<String> ids : byFamily.values()) {
                if (ids.size() > 1) {
                    members.put(ids.get(0), ids);
                    for (String id : ids) {
                        repOf.put(id, ids.get(0));
                    }
                }
            }
        }
        if (members.isEmpty()) {
            return new Folded(plan, lanes, Map.of());
        }
        List<PlannedStep> out = new ArrayList<>();
        for (PlannedStep s : plan.steps()) {
            String rep = repOf.get(s.id());
            if (rep == null) {
                out.add(s);
            } else if (rep.equals(s.id())) {
                int jobs = 0;
                for (String id : members.get(rep)) {
                    jobs += Math.max(1, steps.get(id).jobs());
                }
                String name = family(s.label() == null ? s.id() : s.label());
                out.add(new PlannedStep(s.id(), s.key(), name, s.type(), s.group(), s.outcome(), jobs, s.reasons(),
                        s.dependsOn(), s.span(), s.condition(), s.when(), s.allowFailure()));
            }
        }
        List<PlanEdge> edges = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (PlanEdge e : plan.edges()) {
            String f = repOf.getOrDefault(e.from(), e.from());
            String t = repOf.getOrDefault(e.to(), e.to());
            if (!f.equals(t) && seen.add(List.of(f, t))) {
                edges.add(new PlanEdge(f, t, e.kind(), e.allowFailure()));
            }
        }
        List<Lane> foldedLanes = new ArrayList<>();
        for (Lane lane : lanes) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : lane.steps()) {
                ids.add(repOf.getOrDefault(id, id));
            }
            foldedLanes.add(new Lane(lane.name(), new ArrayList<>(ids)));
        }
        Plan folded = new Plan(plan.file(), plan.system(), plan.scenario(), plan.created(), plan.pipelineReasons(),
                out, edges, plan.diagnostics());
        return new Folded(folded, foldedLanes, members);
    }
}
