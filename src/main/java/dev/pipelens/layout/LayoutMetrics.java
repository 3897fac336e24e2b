package dev.pipelens.layout;

/**
 * The inner geometry of boxes that the layout sized, so every renderer (SVG, PNG, the window) draws the
 * text and icons where the layout made room for them.
 *
 * @param fontSize      label font size
 * @param lineHeight    distance between label baselines
 * @param paddingX      space between a box's left/right border and its content
 * @param iconSize      diameter of the outcome icon at the left of a box
 * @param iconGap       space between the icon and the label
 * @param cornerRadius  box corner radius
 * @param groupPadding  space between a group's border and its children
 */
public record LayoutMetrics(double fontSize, double lineHeight, double paddingX, double iconSize, double iconGap,
                            double cornerRadius, double groupPadding) {
}
