package dev.pipelens.layout;

import dev.pipelens.plan.Outcome;

/**
 * A group step drawn as a box around its children: a title bar of {@code titleHeight} at the top, the
 * children below it.
 *
 * @param id          the group step id
 * @param label       the label as written in the plan
 * @param title       the label as drawn: shortcodes removed, shortened to fit the box
 * @param outcome     the group's outcome
 * @param bounds      the whole box including the title bar
 * @param titleHeight height of the title bar
 */
public record LayoutGroup(String id, String label, String title, Outcome outcome, Rect bounds, double titleHeight) {
}
