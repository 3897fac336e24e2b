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
        return fold(plan, lanes, java.util.Set.of());
    }

    /** {@link #fold(Plan, List)} leaving the families named in {@code expanded} as separate boxes. */
    static Folded fold(Plan plan, List<Lane> lanes, java.util.Set<String> expanded) {
        Map<String, PlannedStep> steps = plan.stepsById();
        Map<String, String> repOf = new HashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Lane lane : lanes) {
            Map<String, List<String>> byFamily = new LinkedHashMap<>();
            for (String id : lane.steps()) {
                PlannedStep s = steps.get(id);
                String fam = s == null || s.group() != null ? null : family(s.label() == null ? id : s.label());
                if (fam != null && !expanded.contains(fam)) {
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
        Map<String, String> labels = new HashMap<>();
        for (String rep : members.keySet()) {
            PlannedStep s = steps.get(rep);
            labels.put(rep, family(s.label() == null ? s.id() : s.label()));
        }
        Plan folded = foldInto(plan, members, labels);
        List<Lane> foldedLanes = new ArrayList<>();
        for (Lane lane : lanes) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : lane.steps()) {
                ids.add(repOf.getOrDefault(id, id));
            }
            foldedLanes.add(new Lane(lane.name(), new ArrayList<>(ids)));
        }
        return new Folded(folded, foldedLanes, members);
    }

    /**
     * {@code plan} with each entry of {@code members} drawn as one step: the step named by the key stays
     * (labelled {@code labels}' value, with the members' jobs added up), the other members go, and edges
     * to and from members end on it (edges inside one entry are dropped).
     */
    static Plan foldInto(Plan plan, Map<String, List<String>> members, Map<String, String> labels) {
        Map<String, PlannedStep> steps = plan.stepsById();
        Map<String, String> repOf = new HashMap<>();
        members.forEach((rep, ids) -> ids.forEach(id -> repOf.put(id, rep)));
        List<PlannedStep> out = new ArrayList<>();
        for (PlannedStep s : plan.steps()) {
            String rep = repOf.get(s.id());
            if (rep == null) {
                out.add(s);
            } else if (rep.equals(s.id())) {
                int jobs = 0;
                for (String id : members.get(rep)) {
                    PlannedStep m = steps.get(id);
                    jobs += m == null || m.type() == dev.pipelens.model.StepType.GROUP ? 0 : Math.max(1, m.jobs());
                }
                dev.pipelens.model.StepType type = s.type() == dev.pipelens.model.StepType.GROUP
                        ? dev.pipelens.model.StepType.COMMAND : s.type();
                out.add(new PlannedStep(s.id(), s.key(), labels.getOrDefault(rep, s.label()), type, s.group(),
                        s.outcome(), Math.max(1, jobs), s.why(), s.dependsOn(), s.gates(), s.span(), s.condition(),
                        s.when(), s.run(), s.job()));
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
        return new Plan(plan.file(), plan.system(), plan.scenario(), plan.created(), plan.pipelineReasons(),
                out, edges, plan.diagnostics());
    }

    /**
     * Collapsed groups: each group in {@code groups} (a group step with children) drawn as one box holding
     * its children, labelled with its title and how many steps it holds. Keys of the result: group ids.
     */
    static Map<String, List<String>> groupMembers(Plan plan, java.util.Collection<String> groups) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, PlannedStep> steps = plan.stepsById();
        for (String g : groups) {
            PlannedStep gs = steps.get(g);
            if (gs == null || gs.type() != dev.pipelens.model.StepType.GROUP) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            ids.add(g);
            for (PlannedStep s : plan.steps()) {
                if (g.equals(s.group()) && !s.id().equals(g)) {
                    ids.add(s.id());
                }
            }
            if (ids.size() > 1) {
                out.put(g, ids);
            }
        }
        return out;
    }
}
