package dev.pipelens.gui.graph;

import dev.pipelens.export.Theme;
import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutGroup;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.Rect;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

import java.util.function.Supplier;

/**
 * The overview (minimap), docked outside the graph (so it never covers a node): the whole drawing in small,
 * outcome colours, and the part the view shows as a rectangle. Click or drag in it to move the view there.
 * Hidden with View &gt; Overview, and hidden by itself when the whole graph is in view. Its size is the
 * canvas's: the window may bind it to the room it is docked in.
 */
public final class Overview extends Canvas {

    static final double WIDTH = 220;
    static final double HEIGHT = 100;

    private final GraphView graph;
    private final Supplier<Theme> theme;
    private double scale = 1;
    private double ox;
    private double oy;

    public Overview(GraphView graph, Supplier<Theme> theme) {
        super(WIDTH, HEIGHT);
        this.graph = graph;
        this.theme = theme;
        setId("overview");
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::move);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::move);
    }

    private void move(MouseEvent e) {
        if (graph.currentLayout() == null) {
            return;
        }
        graph.centerOnPoint((e.getX() - ox) / scale, (e.getY() - oy) / scale);
        e.consume();
    }

    /** Whether the whole graph is in view (then the overview has nothing to add). */
    public boolean allInView() {
        Layout l = graph.currentLayout();
        if (l == null) {
            return true;
        }
        Rect v = graph.viewport();
        return v.x() <= 0.5 && v.y() <= 0.5 && v.right() >= l.width() - 0.5 && v.bottom() >= l.height() - 0.5;
    }

    public void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        double width = getWidth();
        double height = getHeight();
        g.clearRect(0, 0, width, height);
        Layout l = graph.currentLayout();
        if (l == null) {
            return;
        }
        Theme t = theme.get();
        scale = Math.min((width - 8) / Math.max(1, l.width()), (height - 8) / Math.max(1, l.height()));
        ox = (width - l.width() * scale) / 2;
        oy = (height - l.height() * scale) / 2;
        g.setFill(FxCanvas.fx(t.background()));
        g.fillRoundRect(0, 0, width, height, 8, 8);
        g.setStroke(FxCanvas.fx(t.groupStroke()));
        g.strokeRoundRect(0.5, 0.5, width - 1, height - 1, 8, 8);
        g.setFill(FxCanvas.fx(t.groupFill()));
        for (LayoutGroup gr : l.groups()) {
            Rect r = gr.bounds();
            g.fillRect(ox + r.x() * scale, oy + r.y() * scale, r.width() * scale, r.height() * scale);
        }
        for (LayoutNode n : l.nodes()) {
            Rect r = n.bounds();
            g.setFill(FxCanvas.fx(t.style(n.outcome()).accent()));
            g.fillRect(ox + r.x() * scale, oy + r.y() * scale, Math.max(1, r.width() * scale),
                    Math.max(1, r.height() * scale));
        }
        Rect v = graph.viewport();
        g.setStroke(Color.web("#1f6feb"));
        g.setLineWidth(1.5);
        g.strokeRect(ox + v.x() * scale, oy + v.y() * scale, v.width() * scale, v.height() * scale);
    }
}
