package dev.pipelens.gui.changes;

import dev.pipelens.plan.PlanDiff;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Changes tab (File &gt; Compare with...): the steps whose outcome differs between the other version
 * of the file and this one in the current scenario, as {@code pipelens diff} lists them. A click selects
 * the step.
 */
public final class ChangesPanel extends TableView<PlanDiff.Change> {

    public ChangesPanel(ObservableList<PlanDiff.Change> changes, javafx.beans.value.ObservableValue<java.nio.file.Path> compared,
                 Consumer<String> onPick) {
        super(changes);
        setId("changes");
        Label placeholder = new Label();
        placeholder.setId("changes-placeholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> placeholderText(compared.getValue()), compared));
        setPlaceholder(placeholder);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<PlanDiff.Change, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        step.setPrefWidth(220);
        TableColumn<PlanDiff.Change, String> change = new TableColumn<>("Old \u2192 new");
        change.setCellValueFactory(c -> new ReadOnlyStringWrapper(DiffText.transition(c.getValue())));
        change.setPrefWidth(180);
        TableColumn<PlanDiff.Change, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(DiffText.reason(c.getValue())));
        reason.setPrefWidth(700);
        getColumns().setAll(List.of(step, change, reason));
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onPick.accept(b.id());
            }
        });
    }

    /** What the empty table says: how to start a comparison, or that the active one found nothing. */
    public static String placeholderText(java.nio.file.Path compared) {
        return compared == null ? "File > Compare with\u2026 another version of this file to see what changes."
                : "No step changes its outcome in this scenario compared with " + compared.getFileName()
                + " (File > Stop Comparing ends the comparison).";
    }
}
