package dev.pipelens.gui.why;

import dev.pipelens.expr.Evaluation;
import dev.pipelens.expr.SubValue;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the why panel's {@link StepDetails}: pure, no JavaFX, unit-tested. */
public final class StepExplainer {

    static final int CONTEXT = 2;
    static final int MAX_HIGHLIGHTED = 40;

    private StepExplainer() {
    }

    /**
     * The details of step {@code id} in {@code plan}; {@code text} is the file's YAML (may be null) and
     * {@code focusLine} a line to mark (a clicked diagnostic), 0 for none.
     */
    public static Optional<StepDetails> explain(PipelinePlanner planner, Plan plan, String text, String id,
                                                int focusLine) {
        Optional<PlannedStep> found = plan.step(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PlannedStep step = found.get();
        List<SubValue> trace = List.of();
        String value = null;
        if (step.condition() != null && planner != null) {
            Optional<Evaluation> ev = planner.explain(id, plan.scenario());
            if (ev.isPresent()) {
                trace = ev.get().trace();
                value = ev.get().failed() ? "error: " + ev.get().error() : String.valueOf(ev.get().isTrue());
            }
        }
        List<StepDetails.Link> deps = new ArrayList<>();
        for (String d : step.dependsOn()) {
            plan.step(d).ifPresent(s -> deps.add(link(s, null)));
        }
        List<PlannedStep> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String g = step.group(); g != null && seen.add(g); ) {
            Optional<PlannedStep> group = plan.step(g);
            if (group.isEmpty()) {
                break;
            }
            groups.add(group.get());
            for (String d : group.get().dependsOn()) {
                plan.step(d).ifPresent(s -> deps.add(link(s, StepExplainer.display(group.get()))));
            }
            g = group.get().group();
        }
        List<StepDetails.Link> dependents = new ArrayList<>();
        for (PlannedStep s : plan.steps()) {
            if (s.dependsOn().contains(id)) {
                dependents.add(link(s, null));
            }
        }
        return Optional.of(new StepDetails(step, trace, value, excerpt(plan, step, text, focusLine), deps,
                dependents, groups));
    }

    static StepDetails.Link link(PlannedStep s, String via) {
        return new StepDetails.Link(s.id(), display(s), s.outcome(), via);
    }

    /** The label as a person reads it: emoji shortcodes dropped, or the id. */
    public static String display(PlannedStep s) {
        return dev.pipelens.layout.LabelText.display(s.label(), s.id());
    }

    /** The step's own lines (to the next step that is not inside it), with a little context. */
    static List<StepDetails.ExcerptLine> excerpt(Plan plan, PlannedStep step, String text, int focusLine) {
        if (text == null || !step.span().isKnown()) {
            return List.of();
        }
        String[] lines = text.split("\r?\n", -1);
        int start = Math.min(step.span().line(), lines.length);
        Set<String> inside = new HashSet<>();
        inside.add(step.id());
        if (step.type() == StepType.GROUP) {
            for (PlannedStep s : plan.steps()) {
                if (step.id().equals(s.group())) {
                    inside.add(s.id());
                }
            }
        }
        int end = lines.length;
        for (PlannedStep s : plan.steps()) {
            int l = s.span().line();
            if (!inside.contains(s.id()) && l > start && l - 1 < end) {
                end = l - 1;
            }
        }
        // a list item's dash sits before the mapping the span names; a trailing "- " of the next item too
        while (end > start && (lines[end - 1].isBlank() || lines[end - 1].strip().equals("-")
                || lines[end - 1].strip().startsWith("#"))) {
            end--;
        }
        end = Math.min(end, start + MAX_HIGHLIGHTED - 1);
        int from = Math.max(1, start - CONTEXT);
        int to = Math.min(lines.length, Math.max(end, focusLine) + CONTEXT);
        if (focusLine > 0 && focusLine < from) {
            from = Math.max(1, focusLine - CONTEXT);
        }
        List<StepDetails.ExcerptLine> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            out.add(new StepDetails.ExcerptLine(n, lines[n - 1], n >= start && n <= end, n == focusLine));
        }
        return out;
    }

    /**
     * The step a line belongs to: the step whose span starts on it, else the last one starting before it
     * (groups lose to the children they contain). Null when no step starts at or before the line.
     */
    public static String stepAtLine(Plan plan, int line) {
        PlannedStep best = null;
        for (PlannedStep s : plan.steps()) {
            int l = s.span().line();
            if (l > 0 && l <= line && (best == null || l >= best.span().line())) {
                best = s;
            }
        }
        return best == null ? null : best.id();
    }
}
