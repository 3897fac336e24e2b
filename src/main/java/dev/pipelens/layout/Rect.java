package dev.pipelens.layout;

/** An axis-aligned rectangle in layout coordinates; {@code x, y} is the top-left corner. */
public record Rect(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Whether {@code other} lies entirely inside this rectangle (edges may touch). */
    public boolean contains(Rect other) {
        double eps = 1e-6;
        return other.x >= x - eps && other.y >= y - eps && other.right() <= right() + eps
                && other.bottom() <= bottom() + eps;
    }

    /** Whether the interiors of the two rectangles overlap. */
    public boolean overlaps(Rect other) {
        double eps = 1e-6;
        return x < other.right() - eps && other.x < right() - eps && y < other.bottom() - eps
                && other.y < bottom() - eps;
    }
}
