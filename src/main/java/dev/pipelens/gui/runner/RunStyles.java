package dev.pipelens.gui.runner;

import dev.pipelens.gui.graph.FxCanvas;
import dev.pipelens.gui.graph.Glyphs;

import dev.pipelens.export.Canvas;
import dev.pipelens.export.Glyph;
import dev.pipelens.export.NodeStyle;
import dev.pipelens.export.Rgb;
import dev.pipelens.export.VectorPath;
import dev.pipelens.simulate.BuildState;
import dev.pipelens.simulate.JobState;

/**
 * Colours and icons of the runner's job states: passed green (check), failed red (cross), soft-failed
 * orange (!), unblocked teal (check), blocked amber (pause), waiting grey (clock), not-run light grey
 * dashed and struck through, canceled dark grey (cross), skipped light grey dashed (fast-forward).
 * One palette for both themes: the fills are light and the text dark so they read on either background.
 */
public final class RunStyles {

    /** Marks a changed step in compare mode. */
    public static final Rgb CHANGED = Rgb.of("#db2777"); // pink: purple is the gated colour

    private static final Rgb DARK_TEXT = Rgb.of("#1f2328");
    private static final Rgb WHITE = Rgb.of("#ffffff");

    private RunStyles() {
    }

    public static NodeStyle style(JobState s) {
        switch (s) {
            case PASSED:
                return of("#dcfce7", "#16a34a", "#16a34a", false, Glyph.PLAY);
            case UNBLOCKED:
                return of("#ccfbf1", "#0d9488", "#0d9488", false, Glyph.PLAY);
            case FAILED:
                return of("#fee2e2", "#dc2626", "#dc2626", false, Glyph.CROSS);
            case SOFT_FAILED:
                return of("#ffedd5", "#ea580c", "#ea580c", false, Glyph.ALERT);
            case BLOCKED:
            case MANUAL:
                return of("#fef3c7", "#d97706", "#d97706", false, Glyph.PAUSE);
            case WAITING:
                return of("#f1f5f9", "#94a3b8", "#94a3b8", false, Glyph.CLOCK);
            case CANCELED:
                return of("#d4d4d8", "#52525b", "#52525b", false, Glyph.CROSS);
            case SKIPPED:
                return of("#f8fafc", "#cbd5e1", "#cbd5e1", true, Glyph.SKIP);
            default: // NOT_RUN
                return new NodeStyle(Rgb.of("#f4f4f5"), Rgb.of("#a1a1aa"), Rgb.of("#71717a"), Rgb.of("#d4d4d8"),
                        Rgb.of("#52525b"), true, Glyph.CROSS);
        }
    }

    private static NodeStyle of(String fill, String stroke, String accent, boolean dashed, Glyph glyph) {
        return new NodeStyle(Rgb.of(fill), Rgb.of(stroke), DARK_TEXT, Rgb.of(accent), WHITE, dashed, glyph);
    }

    /** The state's icon: a check for passed and unblocked, else the shared outcome glyphs. */
    public static void glyph(Canvas c, JobState s, double cx, double cy, double r, Rgb color) {
        if (s == JobState.PASSED || s == JobState.UNBLOCKED) {
            c.path(new VectorPath().moveTo(cx - r * 0.45, cy + r * 0.02).lineTo(cx - r * 0.12, cy + r * 0.36)
                    .lineTo(cx + r * 0.48, cy - r * 0.34), null, color, r * 0.22, null);
        } else {
            Glyphs.draw(c, style(s).glyph(), cx, cy, r, color);
        }
    }

    /** The CSS colour of a build state's label. */
    static String buildColor(BuildState s) {
        if (s == null) {
            return "#6e7781";
        }
        switch (s) {
            case PASSED:
                return "#16a34a";
            case FAILED:
            case FAILING:
                return "#dc2626";
            case BLOCKED:
                return "#d97706";
            case RUNNING:
                return "#2563eb";
            default:
                return "#52525b";
        }
    }

    /** A small icon of a job state for tables. */
    public static javafx.scene.canvas.Canvas icon(JobState s, double size) {
        javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(size, size);
        FxCanvas fx = new FxCanvas(c.getGraphicsContext2D(), 1, 0, 0, size, size);
        double r = size / 2;
        NodeStyle st = style(s);
        fx.circle(r, r, r, st.accent(), null, 0);
        glyph(fx, s, r, r, r, st.glyphColor());
        fx.end();
        return c;
    }
}
