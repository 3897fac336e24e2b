package dev.pipelens.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between two plans of the same scenario (an old and a new version of a file): every step
 * whose outcome changed, was added or was removed, matched by id. Unchanged steps are left out; a step
 * whose outcome is the same but whose reasons differ is not a change, and neither is a step that is
 * absent in one version and skipped in the other.
 */
public final class PlanDiff {

    /** One changed step; a null outcome means the step does not exist in that version. */
    public record Change(String id, String label, Outcome oldOutcome, Outcome newOutcome, List<String> oldReasons,
                         List<String> newReasons) {
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
            if (oo == no || notInBuild(oo) && notInBuild(no)) {
                continue;
            }
            changes.add(new Change(id, n != null ? n.label() : o.label(), oo, no,
                    o == null ? List.of() : reasons(oldPlan, o), n == null ? List.of() : reasons(newPlan, n)));
        }
        return changes;
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
