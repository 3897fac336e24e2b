package dev.pipelens.gui.matrix;

import dev.pipelens.gui.MainWindow;
import dev.pipelens.gui.graph.Glyphs;

import dev.pipelens.export.Theme;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The Matrix tab: every step's outcome in each scenario of {@link MatrixTable} (the same columns as
 * {@code pipelens plan --scenarios auto}), coloured like the graph. A click on a cell applies that
 * column's scenario in the what-if panel and selects the row's step.
 */
public final class MatrixPanel extends TableView<MatrixTable.Row> {

    private final Supplier<Theme> theme;
    private final BiConsumer<Integer, String> onPick;

    public MatrixPanel(ReadOnlyObjectProperty<MatrixTable> table, Supplier<Theme> theme, BiConsumer<Integer, String> onPick) {
        this.theme = theme;
        this.onPick = onPick;
        setId("matrix");
        getStyleClass().add("matrix");
        setPlaceholder(new Label("Planning every scenario\u2026"));
        getSelectionModel().setCellSelectionEnabled(true);
        getSelectionModel().getSelectedCells().addListener(
                (javafx.collections.ListChangeListener<javafx.scene.control.TablePosition>) c -> picked());
        table.addListener((o, a, b) -> show(b));
        show(table.get());
    }

    /** A cell was clicked or reached with the keyboard: apply its column's scenario. */
    private void picked() {
        var cells = getSelectionModel().getSelectedCells();
        var cell = cells.isEmpty() ? null : cells.get(cells.size() - 1);
        if (cell == null || cell.getRow() < 0 || cell.getRow() >= getItems().size() || cell.getTableColumn() == null) {
            return;
        }
        int col = getColumns().indexOf(cell.getTableColumn()) - 1;
        if (col >= 0) {
            onPick.accept(col, getItems().get(cell.getRow()).id());
        }
    }

    void show(MatrixTable t) {
        getColumns().clear();
        if (t == null) {
            getItems().clear();
            return;
        }
        TableColumn<MatrixTable.Row, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper("  ".repeat(c.getValue().depth()) + c.getValue().id()));
        step.setPrefWidth(240);
        step.setSortable(false);
        getColumns().add(step);
        for (int i = 0; i < t.columns().size(); i++) {
            NamedScenario s = t.columns().get(i);
            int col = i;
            TableColumn<MatrixTable.Row, MatrixTable.Row> c = new TableColumn<>("[" + (i + 1) + "] " + s.name());
            c.setId("matrix-col-" + i);
            c.setSortable(false);
            c.setPrefWidth(Math.max(110, 8 * s.name().length() + 30));
            c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue()));
            c.setCellFactory(v -> new OutcomeCell(col));
            getColumns().add(c);
        }
        getItems().setAll(t.rows());
    }

    private final class OutcomeCell extends TableCell<MatrixTable.Row, MatrixTable.Row> {
        private final int column;

        OutcomeCell(int column) {
            this.column = column;
            getStyleClass().add("matrix-cell");
        }

        @Override
        protected void updateItem(MatrixTable.Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setId(null);
                return;
            }
            setId("matrix-" + r.id() + "-" + column);
            Outcome o = r.outcome(column);
            if (o == null) {
                setText("\u2014");
                setGraphic(null);
                setTooltip(new Tooltip("not in this scenario's pipeline"));
                return;
            }
            setText(o.id());
            setGraphic(Glyphs.icon(theme.get().style(o), 12));
            setTooltip(new Tooltip(MainWindow.describe(o) + "\nclick: apply this scenario"));
        }
    }
}
