package dev.pipelens.buildkite.plan;

import dev.pipelens.model.BlockStep;
import dev.pipelens.model.Dependency;
import dev.pipelens.model.GroupStep;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.Step;
import dev.pipelens.model.WaitStep;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.PlanEdge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the effective dependency edges of a Buildkite pipeline for one build, as Buildkite does
 * (buildkite-semantics.md section 4):
 * <ul>
 * <li>a wait or block step waits for every step before it back to the previous barrier of its scope;
 *     the steps after it wait for it;</li>
 * <li>a wait directly after a block is ignored; a wait directly before a block is ignored when the
 *     block is part of the build (the D-BLOCK ordering advice and the E16 observation);</li>
 * <li>input steps neither wait for barriers nor hold anything back;</li>
 * <li>an explicit {@code depends_on} (even {@code ~} or {@code []}) replaces the implicit
 *     dependencies of that step;</li>
 * <li>groups are scopes: barriers inside a group order only that group; the group as a whole takes
 *     its place in the outer scope, and its dependencies gate every child;</li>
 * <li>omitted steps are dropped: a dependency on one is satisfied, and not carried through a chain;</li>
 * <li>a {@code depends_on} key that no step has is recorded as missing (the step never starts).</li>
 * </ul>
 */
final class ImplicitDependencies {

    /** The result: edges, ignored waits, missing and dropped dependencies per step id. */
    record Result(List<PlanEdge> edges, Set<String> ignoredWaits, Map<String, List<Dependency>> missing,
                  Map<String, List<String>> droppedOmitted) {
    }

    private final Map<String, String> keyToId;
    private final Set<String> omitted;
    private final List<PlanEdge> edges = new ArrayList<>();
    private final Set<String> ignoredWaits = new LinkedHashSet<>();
    private final Map<String, List<Dependency>> missing = new LinkedHashMap<>();
    private final Map<String, List<String>> dropped = new LinkedHashMap<>();

    private ImplicitDependencies(Map<String, String> keyToId, Set<String> omitted) {
        this.keyToId = keyToId;
        this.omitted = omitted;
    }

    /**
     * @param keyToId every step key (and group key) mapped to its step id
     * @param omitted ids of the steps not part of this build (if false, branches, skip, group if); a
     *                group counts as omitted when all of its children are
     */
    static Result build(Pipeline pipeline, Map<String, String> keyToId, Set<String> omitted) {
        ImplicitDependencies d = new ImplicitDependencies(keyToId, omitted);
        d.scope(pipeline.steps());
        return new Result(List.copyOf(d.edges), Set.copyOf(d.ignoredWaits), d.missing, d.dropped);
    }

    /** Whether a wait at {@code index} of {@code steps} is ignored because of an adjacent block. */
    static boolean waitIgnoredNextToBlock(List<Step> steps, int index, Set<String> omitted) {
        if (!(steps.get(index) instanceof WaitStep)) {
            return false;
        }
        if (index > 0 && steps.get(index - 1) instanceof BlockStep) {
            return true;
        }
        return index + 1 < steps.size() && steps.get(index + 1) instanceof BlockStep next
                && !omitted.contains(next.id());
    }

    private void scope(List<Step> steps) {
        String barrier = null;
        List<String> since = new ArrayList<>();
        Set<String> sinceFollowsBarrier = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s instanceof GroupStep g) {
                scope(g.steps());
            }
            if (omitted.contains(s.id())) {
                continue;
            }
            boolean isBarrier = s instanceof WaitStep || s instanceof BlockStep;
            if (s instanceof WaitStep && waitIgnoredNextToBlock(steps, i, omitted)) {
                ignoredWaits.add(s.id());
                continue;
            }
            if (isBarrier) {
                if (s.info().hasExplicitDependencies()) {
                    explicit(s);
                } else {
                    boolean allowFailure = s.info().allowDependencyFailure()
                            || s instanceof WaitStep w && w.continueOnFailure();
                    for (String before : since) {
                        edges.add(new PlanEdge(before, s.id(), EdgeKind.IMPLICIT, allowFailure));
                    }
                    boolean allCovered = !since.isEmpty() && sinceFollowsBarrier.containsAll(since);
                    if (barrier != null && !allCovered) {
                        edges.add(new PlanEdge(barrier, s.id(), EdgeKind.IMPLICIT, allowFailure));
                    }
                }
                barrier = s.id();
                since.clear();
                sinceFollowsBarrier.clear();
                continue;
            }
            if (s.info().hasExplicitDependencies()) {
                explicit(s);
            } else if (!(s instanceof InputStep) && barrier != null) {
                edges.add(new PlanEdge(barrier, s.id(), EdgeKind.IMPLICIT, s.info().allowDependencyFailure()));
                sinceFollowsBarrier.add(s.id());
            }
            if (!(s instanceof InputStep)) {
                since.add(s.id());
            }
        }
    }

    private void explicit(Step s) {
        for (Dependency dep : s.info().dependsOn()) {
            String target = keyToId.get(dep.key());
            if (target == null) {
                missing.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(dep);
            } else if (omitted.contains(target)) {
                dropped.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(dep.key());
            } else {
                edges.add(new PlanEdge(target, s.id(), EdgeKind.EXPLICIT,
                        dep.allowFailure() || s.info().allowDependencyFailure()));
            }
        }
    }
}
