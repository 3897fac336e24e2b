package dev.pipelens.layout;

import java.util.Objects;

/**
 * Tuning of {@link LayeredLayout}. Start from {@link #defaults()} and change with the {@code with}
 * methods.
 *
 * @param measurer        measures label text (default: a 13 px estimate)
 * @param maxLabelWidth   labels wrap at this width
 * @param maxLabelLines   labels longer than this many lines end in an ellipsis
 * @param minNodeWidth    narrowest box
 * @param layerGap        horizontal space between two columns
 * @param nodeGap         vertical space between two boxes of a column
 * @param sweeps          crossing-reduction sweeps (alternating directions)
 * @param maxBendPoints   budget of bend points for long edges, counted in layers crossed; edges past it
 *                        are drawn straight (a negative value means 4 per step plus 2,000)
 */
public record LayoutOptions(TextMeasurer measurer, double maxLabelWidth, int maxLabelLines, double minNodeWidth,
                            double layerGap, double nodeGap, int sweeps, int maxBendPoints) {

    public LayoutOptions {
        Objects.requireNonNull(measurer, "measurer");
        if (maxLabelLines < 1 || sweeps < 0 || !(maxLabelWidth > 0) || minNodeWidth < 0 || layerGap < 0
                || nodeGap < 0) {
            throw new IllegalArgumentException("invalid layout options");
        }
    }

    public static LayoutOptions defaults() {
        return new LayoutOptions(TextMeasurer.estimate(13), 230, 2, 130, 64, 14, 8, -1);
    }

    public LayoutOptions withMeasurer(TextMeasurer value) {
        return new LayoutOptions(value, maxLabelWidth, maxLabelLines, minNodeWidth, layerGap, nodeGap, sweeps,
                maxBendPoints);
    }

    public LayoutOptions withSweeps(int value) {
        return new LayoutOptions(measurer, maxLabelWidth, maxLabelLines, minNodeWidth, layerGap, nodeGap, value,
                maxBendPoints);
    }

    public LayoutOptions withMaxBendPoints(int value) {
        return new LayoutOptions(measurer, maxLabelWidth, maxLabelLines, minNodeWidth, layerGap, nodeGap, sweeps,
                value);
    }

    public LayoutOptions withMaxLabelWidth(double value) {
        return new LayoutOptions(measurer, value, maxLabelLines, minNodeWidth, layerGap, nodeGap, sweeps,
                maxBendPoints);
    }
}
