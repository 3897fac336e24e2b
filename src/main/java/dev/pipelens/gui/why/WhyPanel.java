package dev.pipelens.gui.why;

import dev.pipelens.gui.graph.Glyphs;
import dev.pipelens.gui.runner.RunStyles;

import dev.pipelens.export.NodeStyle;
import dev.pipelens.export.Theme;
import dev.pipelens.expr.SubValue;
import dev.pipelens.plan.PlannedStep;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The right panel: why the selected step does what it does. Its outcome as a coloured badge, the
 * planner's reasons, the value of each sub-expression of its {@code if:}, the YAML it was written in
 * (its lines highlighted), and what it waits for and what waits for it as links.
 */
public final class WhyPanel extends ScrollPane {

    private final VBox box = new VBox(10);
    private final Consumer<String> onLink;
    private final Supplier<Theme> theme;
    private StepDetails shown;

    private final Supplier<java.util.Map<String, dev.pipelens.simulate.JobState>> runStates;

    public WhyPanel(Consumer<String> onLink, Supplier<Theme> theme,
             Supplier<java.util.Map<String, dev.pipelens.simulate.JobState>> runStates) {
        this.onLink = onLink;
        this.theme = theme;
        this.runStates = runStates;
        getStyleClass().add("why-panel");
        setId("why-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        box.getStyleClass().add("panel-content");
        box.setPadding(new Insets(12));
        setContent(box);
        show(null);
    }

    public void show(StepDetails d) {
        shown = d;
        box.getChildren().clear();
        Label title = new Label("Why?");
        title.getStyleClass().add("panel-title");
        box.getChildren().add(title);
        if (d == null) {
            Label hint = new Label("Click a step in the graph (or a problem below) to see why it runs, waits or is "
                    + "skipped in this scenario.");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            box.getChildren().add(hint);
            return;
        }
        PlannedStep s = d.step();
        Label name = new Label(StepExplainer.display(s));
        name.getStyleClass().add("step-title");
        name.setId("why-title");
        name.setWrapText(true);
        Label meta = new Label(s.id() + " \u00b7 " + s.type().id() + (s.jobs() > 1 ? " \u00b7 " + s.jobs() + " jobs" : "")
                + (s.span().isKnown() ? " \u00b7 line " + s.span().line() : ""));
        meta.getStyleClass().add("hint");
        meta.setWrapText(true);
        box.getChildren().add(name);
        java.util.Map<String, dev.pipelens.simulate.JobState> states = runStates.get();
        dev.pipelens.simulate.JobState st = states == null ? null : states.get(s.id());
        if (st != null) {
            // runner mode: the simulated state first; the plan's outcome stays, named as such
            Label text = new Label("RUNNER: " + st.id().toUpperCase(java.util.Locale.ROOT));
            text.setId("why-run-state");
            text.getStyleClass().add("outcome-badge-text");
            HBox run = new HBox(6, RunStyles.icon(st, 16), text);
            run.setAlignment(Pos.CENTER_LEFT);
            run.getStyleClass().add("outcome-badge");
            run.setStyle("-fx-background-color: " + RunStyles.style(st).accent().hex() + ";");
            run.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.getChildren().add(run);
        }
        HBox planBadge = badge(s);
        if (st != null) {
            Label t = (Label) planBadge.lookup("#why-outcome");
            t.setText("PLAN: " + t.getText());
        }
        box.getChildren().addAll(planBadge, meta);

        box.getChildren().add(section("Reasons"));
        VBox reasons = new VBox(4);
        reasons.setId("why-reasons");
        for (String r : s.reasons()) {
            Label l = new Label("\u2022 " + r);
            l.getStyleClass().add("reason");
            l.setWrapText(true);
            l.setMnemonicParsing(false);
            reasons.getChildren().add(l);
        }
        if (s.reasons().isEmpty()) {
            reasons.getChildren().add(new Label("(no reasons recorded)"));
        }
        box.getChildren().add(reasons);

        for (PlannedStep g : d.groups()) {
            box.getChildren().add(section("Inside group \u201c" + StepExplainer.display(g) + "\u201d (" + g.outcome().id() + ")"));
            VBox gr = new VBox(4);
            for (String r : g.reasons()) {
                Label l = new Label("\u2022 " + r);
                l.getStyleClass().add("reason");
                l.setWrapText(true);
                l.setMnemonicParsing(false);
                gr.getChildren().add(l);
            }
            Hyperlink open = new Hyperlink("show the group");
            open.getStyleClass().add("step-link");
            open.setOnAction(e -> onLink.accept(g.id()));
            gr.getChildren().add(open);
            box.getChildren().add(gr);
        }

        if (s.condition() != null) {
            box.getChildren().add(section("Condition"));
            Label cond = new Label("if: " + s.condition().strip());
            cond.getStyleClass().addAll("mono", "condition");
            cond.setWrapText(true);
            box.getChildren().add(cond);
            if (!d.trace().isEmpty()) {
                GridPane grid = new GridPane();
                grid.setId("why-trace");
                grid.getStyleClass().add("trace");
                grid.setHgap(10);
                grid.setVgap(3);
                int row = 0;
                for (SubValue v : d.trace()) {
                    Label expr = new Label(v.text());
                    expr.getStyleClass().add("mono");
                    expr.setWrapText(true);
                    expr.setMnemonicParsing(false);
                    Label val = new Label("\u2192 " + v.value());
                    val.getStyleClass().addAll("mono", "trace-value", valueClass(v.value()));
                    if (val.getText().length() <= 40) {
                        val.setMinWidth(Region.USE_PREF_SIZE); // a short value stays whole; the expression wraps
                    } else {
                        val.setWrapText(true);
                    }
                    grid.add(expr, 0, row);
                    grid.add(val, 1, row);
                    row++;
                }
                if (d.conditionValue() != null) {
                    Label whole = new Label("whole condition \u2192 " + d.conditionValue());
                    whole.getStyleClass().addAll("trace-result", valueClass(d.conditionValue()));
                    grid.add(whole, 0, row, 2, 1);
                }
                box.getChildren().add(grid);
            }
        }

        if (!d.excerpt().isEmpty()) {
            box.getChildren().add(section("Source"));
            VBox lines = new VBox();
            lines.setId("why-excerpt");
            lines.getStyleClass().add("excerpt");
            for (StepDetails.ExcerptLine line : d.excerpt()) {
                Label no = new Label(String.valueOf(line.number()));
                no.getStyleClass().add("line-number");
                no.setMinWidth(34);
                no.setAlignment(Pos.CENTER_RIGHT);
                Label text = new Label(line.text().replace("\t", "    "));
                text.getStyleClass().add("line-text");
                text.setMinWidth(0);
                text.setMnemonicParsing(false);
                HBox row = new HBox(8, no, text);
                row.getStyleClass().add("excerpt-line");
                if (line.highlighted()) {
                    row.getStyleClass().add("highlighted");
                }
                if (line.focus()) {
                    row.getStyleClass().add("focus");
                }
                lines.getChildren().add(row);
            }
            box.getChildren().add(lines);
        }

        box.getChildren().add(section("Waits for"));
        box.getChildren().add(links("why-depends", d.dependsOn(), "nothing: it can start first"));
        box.getChildren().add(section("Needed by"));
        box.getChildren().add(links("why-dependents", d.dependents(), "no step waits for it"));
    }

    /** Redraws with the current theme's colours. */
    public void refresh() {
        show(shown);
    }

    private HBox badge(PlannedStep s) {
        NodeStyle style = theme.get().style(s.outcome());
        Label text = new Label(s.outcome().id().toUpperCase(java.util.Locale.ROOT));
        text.setId("why-outcome");
        text.getStyleClass().add("outcome-badge-text");
        text.setStyle("-fx-text-fill: " + style.glyphColor().hex() + ";");
        HBox badge = new HBox(6, Glyphs.icon(style, 16), text);
        badge.setAlignment(Pos.CENTER_LEFT);
        badge.getStyleClass().add("outcome-badge");
        badge.setStyle("-fx-background-color: " + style.accent().hex() + ";");
        badge.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return badge;
    }

    private VBox links(String id, List<StepDetails.Link> links, String none) {
        VBox pane = new VBox(2);
        pane.setId(id);
        if (links.isEmpty()) {
            Label l = new Label(none);
            l.getStyleClass().add("hint");
            pane.getChildren().add(l);
        }
        for (StepDetails.Link link : links) {
            NodeStyle style = theme.get().style(link.outcome());
            Hyperlink h = new Hyperlink(link.label() + " (" + link.outcome().id() + ")"
                    + (link.via() == null ? "" : " \u2014 via group " + link.via()));
            h.setFocusTraversable(false);
            h.setGraphic(Glyphs.icon(style, 12));
            h.setMnemonicParsing(false);
            h.setWrapText(true);
            h.setMinWidth(0);
            h.setOnAction(e -> onLink.accept(link.id()));
            h.getStyleClass().add("step-link");
            pane.getChildren().add(h);
        }
        HBox.setHgrow(pane, Priority.ALWAYS);
        return pane;
    }

    private static String valueClass(String value) {
        if ("true".equals(value)) {
            return "value-true";
        }
        if ("false".equals(value)) {
            return "value-false";
        }
        return value != null && value.startsWith("error") ? "value-error" : "value-other";
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
