package dev.pipelens.gui.changes;

import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlanDiff;

import java.util.List;

/** How the Changes tab words a {@link PlanDiff.Change} (kept apart from the control so tests need no toolkit). */
public final class DiffText {

    private DiffText() {
    }

    public static String transition(PlanDiff.Change c) {
        return name(c.oldOutcome()) + " \u2192 " + name(c.newOutcome());
    }

    private static String name(Outcome o) {
        return o == null ? "(absent)" : o.id();
    }

    /** Why the step does what it does now (or did before, when it is gone). */
    public static String reason(PlanDiff.Change c) {
        List<String> r = c.newOutcome() != null ? c.newReasons() : c.oldReasons();
        return r.isEmpty() ? "" : String.join("; ", r);
    }
}
