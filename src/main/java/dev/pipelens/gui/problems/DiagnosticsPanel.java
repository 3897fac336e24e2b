package dev.pipelens.gui.problems;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Severity;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.function.Consumer;

/** The bottom list of problems: severity icon, location, message, code. A click goes to the line. */
public final class DiagnosticsPanel extends ListView<Diagnostic> {

    public DiagnosticsPanel(ObservableList<Diagnostic> items, Consumer<Diagnostic> onPick) {
        super(items);
        setId("diagnostics");
        getStyleClass().add("diagnostics");
        setPlaceholder(new Label("No problems found in this file and scenario."));
        setCellFactory(v -> new Cell());
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onPick.accept(b);
            }
        });
        setOnMouseClicked(e -> {
            Diagnostic d = getSelectionModel().getSelectedItem();
            if (d != null) {
                onPick.accept(d);
            }
        });
    }

    static String icon(Severity s) {
        switch (s) {
            case ERROR:
                return "\u2716";
            case WARNING:
                return "\u26a0";
            default:
                return "\u2139";
        }
    }

    private static final class Cell extends ListCell<Diagnostic> {
        @Override
        protected void updateItem(Diagnostic d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label sev = new Label(icon(d.severity()));
            sev.getStyleClass().addAll("severity", "severity-" + d.severity().label());
            sev.setMinWidth(18);
            sev.setAlignment(Pos.CENTER);
            Label where = new Label(d.span().isKnown() ? "line " + d.span().line() + ":" + d.span().column() : "file");
            where.getStyleClass().add("diag-location");
            where.setMinWidth(70);
            Label msg = new Label(d.message());
            msg.getStyleClass().add("diag-message");
            msg.setMnemonicParsing(false);
            HBox.setHgrow(msg, Priority.ALWAYS);
            msg.setMaxWidth(Double.MAX_VALUE);
            Label code = new Label(d.code());
            code.getStyleClass().add("diag-code");
            HBox row = new HBox(8, sev, where, msg, code);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setTooltip(new Tooltip(d.toLine()));
        }
    }
}
