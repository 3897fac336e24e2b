package dev.pipelens.layout;

/** A point in layout coordinates (pixels at scale 1, y grows downwards). */
public record Point(double x, double y) {
}
