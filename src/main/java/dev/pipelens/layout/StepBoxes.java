package dev.pipelens.layout;

import dev.pipelens.model.StepType;
import dev.pipelens.plan.PlannedStep;

import java.util.List;

/**
 * The size of a step's box and its label lines, shared by every {@link GraphLayout} so that boxes, text and
 * badges look the same whichever engine placed them.
 */
final class StepBoxes {

    static final double MARGIN = 16;
    static final double PAD_X = 10;
    static final double PAD_Y = 9;
    static final double ICON = 18;
    static final double ICON_GAP = 8;
    static final double RADIUS = 8;
    static final double MIN_NODE_HEIGHT = 40;
    static final double BAR_WIDTH = 10;
    static final double BAR_HEIGHT = 44;
    static final double GROUP_PAD = 12;

    private StepBoxes() {
    }

    static StepType type(PlannedStep s) {
        return s.type() == null ? StepType.COMMAND : s.type();
    }

    /** The label as drawn in a box: shortcodes removed, wrapped and shortened (none for wait bars). */
    static List<String> lines(PlannedStep s, TextMeasurer m, LayoutOptions o) {
        if (type(s) == StepType.WAIT) {
            return List.of();
        }
        return LabelText.wrap(LabelText.display(s.label(), s.id()), m, o.maxLabelWidth(), o.maxLabelLines());
    }

    /** {width, height} of the box of a step with these label lines. */
    static double[] size(PlannedStep s, List<String> lines, TextMeasurer m, LayoutOptions o) {
        if (type(s) == StepType.WAIT) {
            return new double[] {BAR_WIDTH, BAR_HEIGHT};
        }
        double text = 0;
        for (String line : lines) {
            text = Math.max(text, m.width(line));
        }
        double badge = LayeredLayout.badgeWidth(m, s.jobs());
        double w = PAD_X + ICON + ICON_GAP + text + (badge > 0 ? badge + 6 : 0) + PAD_X;
        return new double[] {Math.ceil(Math.max(o.minNodeWidth(), w)),
            Math.ceil(Math.max(MIN_NODE_HEIGHT, lines.size() * m.lineHeight() + 2 * PAD_Y))};
    }

    /** Height of a group box's title bar. */
    static double titleHeight(TextMeasurer m) {
        return Math.ceil(m.lineHeight() + 10);
    }

    /** A group's title as drawn in a box of {@code width}. */
    static String groupTitle(PlannedStep s, TextMeasurer m, double width) {
        return LabelText.shorten(LabelText.display(s.label(), s.id()), m, Math.max(10, (width - 2 * GROUP_PAD) / 1.1));
    }

    static LayoutMetrics metrics(TextMeasurer m) {
        return new LayoutMetrics(m.fontSize(), m.lineHeight(), PAD_X, ICON, ICON_GAP, RADIUS, GROUP_PAD);
    }
}
