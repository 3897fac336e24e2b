package dev.pipelens.buildkite.plan;

import dev.pipelens.graph.Link;
import dev.pipelens.graph.StepGraph;
import dev.pipelens.model.BlockStep;
import dev.pipelens.model.GroupStep;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.Step;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlanEdge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives each step's static outcome from the effective edges, assuming every job that starts passes:
 * block and input steps are {@code blocked}; a step that waits (directly, or through its group) for a
 * gate is {@code gated} and names the nearest gates on its way (a gate does not repeat the gates behind it); a step that waits for a step that never starts (missing key, cycle) is
 * {@code never} unless that dependency's failure is allowed; otherwise {@code runs}. A group's
 * <em>start</em> outcome comes from its own dependencies; its <em>completion</em>, which its dependents
 * wait for, also takes in its children.
 */
final class OutcomeResolver {

    /** Outcome of one step plus the gates and never-starting steps behind it. */
    record Resolved(Outcome outcome, Set<String> gates, Set<String> neverBecause) {
    }

    private static final int MAX_NAMED = 8;

    private final Map<String, Step> steps;
    private final Map<String, List<PlanEdge>> incoming = new HashMap<>();
    private final Map<String, GroupStep> parent = new HashMap<>();
    private final Set<String> skipped;
    private final Set<String> neverRoots;
    private final Map<String, Resolved> start = new HashMap<>();
    private final Map<String, Resolved> completion = new HashMap<>();
    private List<List<String>> cycles = List.of();

    /** The dependency cycles found by the last {@link #resolve}, group membership included. */
    List<List<String>> cycles() {
        return cycles;
    }

    private final List<PlanEdge> edges;

    OutcomeResolver(Map<String, Step> steps, List<PlanEdge> edges, Set<String> skipped, Set<String> neverRoots) {
        this.steps = steps;
        this.edges = edges;
        this.skipped = skipped;
        this.neverRoots = neverRoots;
        for (PlanEdge e : edges) {
            incoming.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        for (Step s : steps.values()) {
            if (s instanceof GroupStep g) {
                for (Step c : g.steps()) {
                    parent.put(c.id(), g);
                }
            }
        }
    }

    /** Resolves every step, in an order where dependencies come first; cycle members never start. */
    Map<String, Resolved> resolve() {
        List<String> ids = new ArrayList<>(steps.keySet());
        List<Link> links = new ArrayList<>();
        for (PlanEdge e : edges) {
            links.add(new Link(e.from(), e.to()));
        }
        // group membership orders children after their group's start, and group completion after children
        for (Map.Entry<String, GroupStep> p : parent.entrySet()) {
            links.add(new Link(p.getValue().id(), p.getKey()));
        }
        for (PlanEdge e : edges) {
            if (steps.get(e.from()) instanceof GroupStep g) {
                for (Step c : g.steps()) {
                    links.add(new Link(c.id(), e.to()));
                }
            }
        }
        StepGraph graph = new StepGraph(ids, links);
        this.cycles = graph.cycles();
        Set<String> cyclic = graph.onCycles();
        Map<String, Resolved> out = new LinkedHashMap<>();
        for (String id : graph.topologicalOrder()) {
            Resolved r = cyclic.contains(id) ? new Resolved(skipped.contains(id) ? Outcome.SKIPPED : Outcome.NEVER,
                    Set.of(), Set.of(id)) : startOf(id);
            start.put(id, r);
        }
        for (String id : ids) {
            out.put(id, start.get(id));
        }
        return out;
    }

    private Resolved startOf(String id) {
        Step step = steps.get(id);
        if (skipped.contains(id)) {
            return new Resolved(Outcome.SKIPPED, Set.of(), Set.of());
        }
        Set<String> gates = new LinkedHashSet<>();
        Set<String> never = new LinkedHashSet<>();
        if (neverRoots.contains(id)) {
            never.add(id);
        }
        List<PlanEdge> in = new ArrayList<>(incoming.getOrDefault(id, List.of()));
        GroupStep group = parent.get(id);
        if (group != null) {
            Resolved g = start.get(group.id());
            if (g != null) {
                addAll(gates, g.gates());
                if (g.outcome() == Outcome.BLOCKED) {
                    add(gates, group.id());
                }
                addAll(never, g.neverBecause());
            }
        }
        for (PlanEdge e : in) {
            Resolved pred = steps.get(e.from()) instanceof GroupStep ? completion(e.from()) : start.get(e.from());
            if (pred == null || pred.outcome() == Outcome.SKIPPED) {
                continue;
            }
            if (pred.outcome() == Outcome.BLOCKED) {
                add(gates, e.from());
            } else if (pred.outcome() == Outcome.GATED) {
                addAll(gates, pred.gates());
            } else if (pred.outcome() == Outcome.NEVER && !e.allowFailure()) {
                addAll(never, pred.neverBecause().isEmpty() ? Set.of(e.from()) : pred.neverBecause());
            }
        }
        Outcome outcome;
        if (step instanceof BlockStep || step instanceof InputStep) {
            outcome = never.isEmpty() ? Outcome.BLOCKED : Outcome.NEVER;
        } else if (!never.isEmpty()) {
            outcome = Outcome.NEVER;
        } else if (!gates.isEmpty()) {
            outcome = Outcome.GATED;
        } else {
            outcome = Outcome.RUNS;
        }
        return new Resolved(outcome, gates, never);
    }

    /**
     * Adds to a set of nearest gates (or never-starting steps) named in reasons. The outcome only needs to
     * know whether the set is empty, so it is capped: sets copied down long chains stay small.
     */
    private static void add(Set<String> set, String id) {
        if (set.size() < MAX_NAMED) {
            set.add(id);
        }
    }

    private static void addAll(Set<String> set, Set<String> ids) {
        for (String id : ids) {
            if (set.size() >= MAX_NAMED) {
                return;
            }
            set.add(id);
        }
    }

    /** What a dependent of {@code id} waits for: the step itself, or a whole group (memoised). */
    Resolved completion(String id) {
        return completion.computeIfAbsent(id, this::completionOf);
    }

    private Resolved completionOf(String id) {
        Resolved s = start.get(id);
        Step step = steps.get(id);
        if (!(step instanceof GroupStep g) || s == null) {
            return s;
        }
        if (s.outcome() == Outcome.SKIPPED) {
            return s;
        }
        Set<String> gates = new LinkedHashSet<>(s.gates());
        Set<String> never = new LinkedHashSet<>(s.neverBecause());
        boolean anyActive = false;
        for (Step c : g.steps()) {
            Resolved r = start.get(c.id());
            if (r == null || r.outcome() == Outcome.SKIPPED) {
                continue;
            }
            anyActive = true;
            if (r.outcome() == Outcome.BLOCKED) {
                add(gates, c.id());
            } else {
                addAll(gates, r.gates());
            }
            addAll(never, r.neverBecause());
        }
        if (!anyActive) {
            return new Resolved(Outcome.SKIPPED, Set.of(), Set.of());
        }
        Outcome o = !never.isEmpty() ? Outcome.NEVER : !gates.isEmpty() ? Outcome.GATED : Outcome.RUNS;
        return new Resolved(o, gates, never);
    }
}
