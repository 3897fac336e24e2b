package dev.pipelens.export;

/**
 * How a node of one outcome looks.
 *
 * @param fill   box background
 * @param stroke box border
 * @param text   label colour
 * @param accent icon badge background, wait bars and the legend swatch
 * @param glyphColor colour of the icon drawn on the accent
 * @param dashed whether the border is dashed (skipped steps)
 * @param glyph  the icon
 */
public record NodeStyle(Rgb fill, Rgb stroke, Rgb text, Rgb accent, Rgb glyphColor, boolean dashed, Glyph glyph) {
}
