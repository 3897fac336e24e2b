package dev.pipelens.export;

import java.util.ArrayList;
import java.util.List;

/** A toolkit-neutral path: moves, lines, cubic curves and closes, for {@link Canvas#path}. */
public final class VectorPath {

    /** One path command; {@code coords} holds 2 (move, line), 6 (cubic) or 0 (close) numbers. */
    public record Op(Kind kind, double[] coords) {
    }

    /** Path command kinds. */
    public enum Kind { MOVE, LINE, CUBIC, CLOSE }

    private final List<Op> ops = new ArrayList<>();

    public VectorPath moveTo(double x, double y) {
        ops.add(new Op(Kind.MOVE, new double[] {x, y}));
        return this;
    }

    public VectorPath lineTo(double x, double y) {
        ops.add(new Op(Kind.LINE, new double[] {x, y}));
        return this;
    }

    public VectorPath cubicTo(double x1, double y1, double x2, double y2, double x, double y) {
        ops.add(new Op(Kind.CUBIC, new double[] {x1, y1, x2, y2, x, y}));
        return this;
    }

    public VectorPath close() {
        ops.add(new Op(Kind.CLOSE, new double[0]));
        return this;
    }

    public List<Op> ops() {
        return List.copyOf(ops);
    }
}
