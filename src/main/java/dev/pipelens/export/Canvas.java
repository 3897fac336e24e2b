package dev.pipelens.export;

/**
 * The few drawing primitives {@link DiagramRenderer} needs. Coordinates are diagram pixels at scale 1;
 * implementations apply their own scale. A null fill or stroke means "none". Text is positioned by its
 * baseline.
 */
public interface Canvas {

    /** Text alignment relative to the given x. */
    enum Anchor { START, MIDDLE, END }

    /** Starts a drawing of {@code width x height} filled with {@code background}. */
    void begin(double width, double height, Rgb background);

    void rect(double x, double y, double width, double height, double radius, Rgb fill, Rgb stroke,
              double strokeWidth, boolean dashed);

    void circle(double cx, double cy, double r, Rgb fill, Rgb stroke, double strokeWidth);

    /** Draws {@code path}; {@code dash} is null for a solid stroke, else on/off lengths. */
    void path(VectorPath path, Rgb fill, Rgb stroke, double strokeWidth, double[] dash);

    void text(String text, double x, double baseline, double size, boolean bold, Rgb color, Anchor anchor);

    /** Width of {@code text} as {@link #text} would draw it. */
    double textWidth(String text, double size, boolean bold);

    /** Starts a logical item (a node, a group, an edge) with a tooltip; no-op where that means nothing. */
    default void beginItem(String kind, String id, String tooltip) {
    }

    default void endItem() {
    }

    /** Finishes the drawing. */
    void end();
}
