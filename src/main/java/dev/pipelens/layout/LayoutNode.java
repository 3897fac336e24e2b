package dev.pipelens.layout;

import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;

import java.util.List;

/**
 * One drawn step. Wait steps are thin bars with no text lines; every other step is a rounded box with an
 * outcome icon on the left, the label lines, and a job-count badge on the right when {@code jobs > 1}.
 *
 * @param id      the plan step id
 * @param label   the label as written in the plan (for tooltips and text exports)
 * @param lines   the label as drawn: emoji shortcodes removed, wrapped and shortened to fit
 * @param type    the step type
 * @param outcome the step's outcome
 * @param jobs    how many jobs the step creates
 * @param group   the id of the group box it sits in, or null
 * @param layer   the column, 0 = leftmost
 * @param bounds  the box
 * @param members the ids of the plan steps folded into this box (a job family such as {@code rspec 1/28}),
 *                {@code id} first; empty for a box of one step
 */
public record LayoutNode(String id, String label, List<String> lines, StepType type, Outcome outcome, int jobs,
                         String group, int layer, Rect bounds, List<String> members) {

    public LayoutNode {
        lines = List.copyOf(lines);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A box of one step. */
    public LayoutNode(String id, String label, List<String> lines, StepType type, Outcome outcome, int jobs,
                      String group, int layer, Rect bounds) {
        this(id, label, lines, type, outcome, jobs, group, layer, bounds, List.of());
    }

    /** Whether this box stands for several folded steps. */
    public boolean folded() {
        return members.size() > 1;
    }

    public double x() {
        return bounds.x();
    }

    public double y() {
        return bounds.y();
    }

    public double width() {
        return bounds.width();
    }

    public double height() {
        return bounds.height();
    }

    /** Whether this node is drawn as a thin bar rather than a labelled box. */
    public boolean isBar() {
        return type == StepType.WAIT;
    }
}
