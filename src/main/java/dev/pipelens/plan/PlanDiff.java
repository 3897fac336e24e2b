package dev.pipelens.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The difference between two plans of the same scenario (an old and a new version of a file), matched by
 * step id. A step is listed when its outcome changed, when it was added or removed while in the build, or
 * when it stays in the build but what holds it changed: the gates upstream of it (a step still
 * {@code gated}, now by another gate), the steps it waits for (a {@code depends_on}/{@code needs} added or
 * removed), or the condition (GitLab: the rule) that lets it in. A step absent in one version and skipped
 * in the other is not a change.
 */
public final class PlanDiff {

    /** What about a step changed. */
    public enum Kind {
        OUTCOME("outcome"), GATES("gates"), DEPENDENCIES("dependencies"), RULE("rule");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * One changed step; a null outcome means the step does not exist in that version.
     *
     * @param kinds        what changed, outcome first
     * @param oldGates     the gates upstream of the step in the old version (ids), likewise {@code newGates}
     * @param addedDependencies   ids the step waits for only in the new version; {@code removedDependencies} the reverse
     * @param why          the reason that changed: the first reason of the new version the old one does not
     *                     give (else the first the old gives and the new does not), or a sentence on the gates
     *                     or dependencies when the reasons are the same
     */
    public record Change(String id, String label, Outcome oldOutcome, Outcome newOutcome, List<String> oldReasons,
                         List<String> newReasons, List<Kind> kinds, List<String> oldGates, List<String> newGates,
                         List<String> addedDependencies, List<String> removedDependencies, String why) {

        public Change {
            oldReasons = List.copyOf(oldReasons);
            newReasons = List.copyOf(newReasons);
            kinds = List.copyOf(kinds);
            oldGates = List.copyOf(oldGates);
            newGates = List.copyOf(newGates);
            addedDependencies = List.copyOf(addedDependencies);
            removedDependencies = List.copyOf(removedDependencies);
        }

        /** An outcome change alone (old callers). */
        public Change(String id, String label, Outcome oldOutcome, Outcome newOutcome, List<String> oldReasons,
                      List<String> newReasons) {
            this(id, label, oldOutcome, newOutcome, oldReasons, newReasons, List.of(Kind.OUTCOME), List.of(), List.of(),
                    List.of(), List.of(), changedReason(oldReasons, newReasons));
        }
    }

    private PlanDiff() {
    }

    public static List<Change> compare(Plan oldPlan, Plan newPlan) {
        Map<String, PlannedStep> before = oldPlan.stepsById();
        Map<String, PlannedStep> after = newPlan.stepsById();
        List<Change> changes = new ArrayList<>();
        Map<String, Boolean> order = new LinkedHashMap<>();
        after.keySet().forEach(id -> order.put(id, true));
        before.keySet().forEach(id -> order.putIfAbsent(id, true));
        for (String id : order.keySet()) {
            PlannedStep o = before.get(id);
            PlannedStep n = after.get(id);
            Outcome oo = o == null ? null : effective(oldPlan, o);
            Outcome no = n == null ? null : effective(newPlan, n);
            if (notInBuild(oo) && notInBuild(no)) {
                continue;
            }
            List<Kind> kinds = new ArrayList<>();
            if (oo != no) {
                kinds.add(Kind.OUTCOME);
            }
            List<String> oldGates = o == null ? List.of() : gates(oldPlan, id);
            List<String> newGates = n == null ? List.of() : gates(newPlan, id);
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            if (o != null && n != null) {
                if (!oldGates.equals(newGates) && !notInBuild(oo) && !notInBuild(no)) {
                    kinds.add(Kind.GATES);
                }
                n.dependsOn().stream().filter(d -> !o.dependsOn().contains(d)).forEach(added::add);
                o.dependsOn().stream().filter(d -> !n.dependsOn().contains(d)).forEach(removed::add);
                if (!added.isEmpty() || !removed.isEmpty()) {
                    kinds.add(Kind.DEPENDENCIES);
                }
                if (!Objects.equals(o.condition(), n.condition()) && !notInBuild(oo) && !notInBuild(no)) {
                    kinds.add(Kind.RULE);
                }
            }
            if (kinds.isEmpty()) {
                continue;
            }
            List<String> oldReasons = o == null ? List.of() : reasons(oldPlan, o);
            List<String> newReasons = n == null ? List.of() : reasons(newPlan, n);
            String why = changedReason(oldReasons, newReasons);
            if (!kinds.contains(Kind.OUTCOME) || why == null) {
                why = holders(kinds, oldGates, newGates, added, removed, o, n, why);
            }
            changes.add(new Change(id, n != null ? n.label() : o.label(), oo, no, oldReasons, newReasons, kinds,
                    oldGates, newGates, added, removed, why));
        }
        return changes;
    }

    private static String holders(List<Kind> kinds, List<String> oldGates, List<String> newGates, List<String> added,
                                  List<String> removed, PlannedStep o, PlannedStep n, String why) {
        List<String> parts = new ArrayList<>();
        if (kinds.contains(Kind.GATES)) {
            parts.add(newGates.isEmpty() ? "no longer held by a gate (was: " + String.join(", ", oldGates) + ")"
                    : "now held by " + String.join(", ", newGates)
                    + (oldGates.isEmpty() ? " (was: no gate)" : " (was: " + String.join(", ", oldGates) + ")"));
        }
        if (!added.isEmpty()) {
            parts.add("now also waits for " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("no longer waits for " + String.join(", ", removed));
        }
        if (kinds.contains(Kind.RULE)) {
            parts.add("condition now " + (n.condition() == null ? "none" : n.condition())
                    + " (was: " + (o.condition() == null ? "none" : o.condition()) + ")");
        }
        return parts.isEmpty() ? why : String.join("; ", parts);
    }

    static String changedReason(List<String> oldReasons, List<String> newReasons) {
        for (String r : newReasons) {
            if (!oldReasons.contains(r)) {
                return r;
            }
        }
        for (String r : oldReasons) {
            if (!newReasons.contains(r)) {
                return r;
            }
        }
        return null;
    }

    /** The gates (blocked steps: block/input steps, blocking manual jobs) the step waits for, directly or not. */
    static List<String> gates(Plan plan, String id) {
        Map<String, PlannedStep> byId = plan.stepsById();
        Set<String> out = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        PlannedStep start = byId.get(id);
        if (start == null) {
            return List.of();
        }
        todo.addAll(start.dependsOn());
        while (!todo.isEmpty()) {
            String d = todo.pop();
            if (!seen.add(d)) {
                continue;
            }
            PlannedStep p = byId.get(d);
            if (p == null) {
                continue;
            }
            if (p.outcome() == Outcome.BLOCKED) {
                out.add(d);
            }
            todo.addAll(p.dependsOn());
        }
        return new ArrayList<>(out);
    }

    /** Absent and skipped both mean "not part of this build": a step added or removed while skipped changes nothing. */
    private static boolean notInBuild(Outcome o) {
        return o == null || o == Outcome.SKIPPED;
    }

    /** In a pipeline that is not created, every step counts as skipped. */
    private static Outcome effective(Plan plan, PlannedStep step) {
        return plan.created() ? step.outcome() : Outcome.SKIPPED;
    }

    private static List<String> reasons(Plan plan, PlannedStep step) {
        if (plan.created()) {
            return step.reasons();
        }
        List<String> out = new ArrayList<>(plan.pipelineReasons());
        out.addAll(step.reasons());
        return out;
    }
}
