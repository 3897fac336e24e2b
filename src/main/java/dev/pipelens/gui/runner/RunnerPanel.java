package dev.pipelens.gui.runner;

import dev.pipelens.gui.DialogService;

import dev.pipelens.model.InputField;
import dev.pipelens.simulate.BuildState;
import dev.pipelens.simulate.SimEvent;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Runner tab: buttons that drive {@link RunnerViewModel} (reset, step, run to the next gate, run all,
 * unblock the selected gate, mark the selected job), the final build state, and the event log. A click on
 * a log row selects its step in the graph.
 */
public final class RunnerPanel extends VBox {

    private final RunnerViewModel runner;
    private final Supplier<String> selected;
    private final DialogService dialogs;
    private final Label buildState = new Label();
    private final TableView<SimEvent> log = new TableView<>();

    public RunnerPanel(RunnerViewModel runner, Supplier<String> selected, Consumer<String> onPick, DialogService dialogs) {
        this.runner = runner;
        this.selected = selected;
        this.dialogs = dialogs;
        setId("runner");
        getStyleClass().add("runner-panel");

        Button reset = button("runner-reset", "\u21ba Reset", "Back to tick 0 and the plan's colours", runner::reset);
        Button step = button("runner-step", "Step", "Run one tick", runner::step);
        Button toGate = button("runner-to-gate", "Run to next gate", "Run until a gate waits for a person",
                runner::runToNextGate);
        Button all = button("runner-run-all", "\u25b6 Run all", "Run until the build settles", runner::runAll);
        Button unblock = button("runner-unblock", "Unblock", "Unblock the selected block or input step (asks for its fields)",
                this::unblockSelected);
        Button unblockAll = button("runner-unblock-all", "Unblock all", "Unblock every gate, now and when reached",
                runner::unblockAll);
        Button pass = button("runner-pass", "Pass", "The selected job passes when it runs",
                () -> runner.mark(selected.get(), RunnerViewModel.Mark.PASS));
        Button fail = button("runner-fail", "Fail", "The selected job fails (exit 1) when it runs; soft_fail rules apply",
                () -> runner.mark(selected.get(), RunnerViewModel.Mark.FAIL));
        Button soft = button("runner-soft-fail", "Soft-fail", "The selected job soft-fails when it runs",
                () -> runner.mark(selected.get(), RunnerViewModel.Mark.SOFT_FAIL));
        step.disableProperty().bind(runner.canStepProperty().not());
        toGate.disableProperty().bind(runner.canStepProperty().not());
        all.disableProperty().bind(runner.canStepProperty().not());

        buildState.setId("runner-build-state");
        buildState.getStyleClass().add("runner-build-state");
        buildState.setMnemonicParsing(false);
        buildState.setMinWidth(0); // the build state gives way (ending in an ellipsis, full text as tooltip)
        buildState.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        HBox.setHgrow(buildState, Priority.SOMETIMES);
        runner.buildStateProperty().addListener((o, a, b) -> updateBuildState());
        runner.awaitingProperty().addListener((o, a, b) -> updateBuildState());
        updateBuildState();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, reset, step, toGate, all, new Separator(Orientation.VERTICAL), unblock, unblockAll,
                new Separator(Orientation.VERTICAL), markLabel(), pass, fail, soft, spacer, buildState);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("runner-bar");

        Label message = new Label();
        message.setId("runner-message");
        message.getStyleClass().add("hint");
        message.setMnemonicParsing(false);
        message.textProperty().bind(runner.messageProperty());
        Label marks = new Label();
        marks.setId("runner-marks");
        marks.getStyleClass().add("hint");
        runner.marks().addListener((javafx.collections.MapChangeListener<String, RunnerViewModel.Mark>) c ->
                marks.setText(marksText(runner.marks())));
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox info = new HBox(12, message, spacer2, marks);
        info.setAlignment(Pos.CENTER_LEFT);

        log.setId("runner-log");
        log.setItems(runner.events());
        log.setPlaceholder(new Label("Step or Run to simulate the build in this scenario (nothing is executed)."));
        log.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<SimEvent, Number> tick = new TableColumn<>("Tick");
        tick.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tick()));
        tick.setMaxWidth(60);
        tick.setMinWidth(44);
        TableColumn<SimEvent, String> stepCol = new TableColumn<>("Step");
        stepCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().stepId()));
        stepCol.setPrefWidth(220);
        TableColumn<SimEvent, SimEvent> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SimEvent e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(e.state().id());
                    setGraphic(RunStyles.icon(e.state(), 12));
                }
            }
        });
        state.setPrefWidth(120);
        TableColumn<SimEvent, String> note = new TableColumn<>("Note");
        note.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note()));
        note.setPrefWidth(600);
        log.getColumns().setAll(List.of(tick, stepCol, state, note));
        log.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onPick.accept(b.stepId());
            }
        });
        runner.events().addListener((javafx.collections.ListChangeListener<SimEvent>) c -> {
            if (!runner.events().isEmpty()) {
                log.scrollTo(runner.events().size() - 1);
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);
        setSpacing(4);
        getChildren().addAll(bar, info, log);
    }

    private static String marksText(Map<String, RunnerViewModel.Mark> marks) {
        if (marks.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("marked: ");
        marks.forEach((id, m) -> b.append(id).append(" \u2192 ").append(m.id()).append("  "));
        return b.toString().strip();
    }

    private void updateBuildState() {
        BuildState s = runner.getBuildState();
        buildState.setText(RunnerViewModel.describe(s, runner.awaitingProperty().get()));
        buildState.setTooltip(new Tooltip(buildState.getText()));
        buildState.setStyle("-fx-text-fill: " + RunStyles.buildColor(s) + "; -fx-font-weight: bold;");
    }

    private void unblockSelected() {
        String id = selected.get();
        if (id == null || !runner.isGate(id)) {
            List<String> waiting = runner.awaitingProperty().get();
            if (id == null && waiting.size() == 1) {
                id = waiting.get(0);
            } else {
                runner.unblock(null, Map.of());
                return;
            }
        }
        List<InputField> fields = runner.fields(id);
        Map<String, String> values = Map.of();
        if (!fields.isEmpty()) {
            Optional<Map<String, String>> answer = dialogs.askFields("Unblock " + id, "Values for " + id + "'s fields", fields);
            if (answer.isEmpty()) {
                return;
            }
            values = answer.get();
        }
        runner.unblock(id, values);
    }

    private static Label markLabel() {
        Label l = new Label("Mark selected:");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMnemonicParsing(false);
        b.setMinWidth(Region.USE_PREF_SIZE); // a long build-state line must never squeeze a button to "..."
        b.setOnAction(e -> action.run());
        return b;
    }
}
