package dev.pipelens.layout;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.graph.ElkNode;

/**
 * ELK Layered's graph wrapping, for drawings too long for one image: the columns are cut into chunks stacked
 * top to bottom, and the edges that cross a cut run back from the end of one chunk to the start of the next
 * in the gap between them. {@link GraphLayout#standard()} asks for it only when the unwrapped drawing is more
 * than {@link GraphLayout#MAX_SIDE} on a side, so no drawing that fits changes.
 *
 * <p>Measured on the synthetic 1,000-step Buildkite pipeline (923 boxes, 75 groups, the presets' 1,147
 * edges): unwrapped 27,796 x 7,005 px; {@code MULTI_EDGE} at aspect ratio 3 gives 9,116 x 12,398 (113 M
 * pixels, the smallest area of the ratios tried: 1.78 gives 7,374 x 15,469, 6 gives 13,618 x 9,823), 0 edges
 * through boxes or groups, about the same crossings. {@code SINGLE_EDGE} wraps nothing there: it may only cut
 * where a single edge crosses, and groups with waits inside leave no such place.
 */
final class ElkWrapping {

    /** The width to height ratio ELK chooses the number of chunks for. */
    static final double ASPECT_RATIO = 3;

    /** Extra room between two chunks for the edges that wrap. */
    static final double EDGE_SPACING = 10;

    private ElkWrapping() {
    }

    static void configure(ElkNode root) {
        root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
        root.setProperty(LayeredOptions.ASPECT_RATIO, ASPECT_RATIO);
        root.setProperty(LayeredOptions.WRAPPING_ADDITIONAL_EDGE_SPACING, EDGE_SPACING);
    }
}
