package dev.pipelens.gui.scenario;

import dev.pipelens.plan.NamedScenario;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * The left panel: "what if" this build were... Presets in one click, the build's facts, every variable
 * the file's conditions read (a switch when it is compared with one value, else a choice of the values
 * it is compared with), and free-form {@code NAME=VALUE} lines. Edits re-plan at once.
 */
public final class ScenarioPanel extends ScrollPane {

    static final String UNSET = "(unset)";

    private final ScenarioViewModel vm;
    private final VBox variablesBox = new VBox(6);
    private final FlowPane presetsBox = new FlowPane(6, 6);
    private final ComboBox<String> branch = combo("branch-field");
    private final ComboBox<String> tag = combo("tag-field");
    private final ComboBox<String> source = combo("source-field");

    public ScenarioPanel(ScenarioViewModel vm) {
        this.vm = vm;
        getStyleClass().add("scenario-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        VBox box = new VBox(10);
        box.getStyleClass().add("panel-content");
        box.setPadding(new Insets(12));

        Label title = new Label("What if\u2026");
        title.getStyleClass().add("panel-title");
        Label hint = new Label("Set the build's facts and variables; the graph re-plans as you type.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        presetsBox.getStyleClass().add("presets");
        vm.presets().addListener((ListChangeListener<NamedScenario>) c -> rebuildPresets());
        rebuildPresets();

        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(6);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE); // "Pull request", "Default branch" in full
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        facts.getColumnConstraints().addAll(c0, c1);
        bind(branch, vm.branchProperty());
        bind(tag, vm.tagProperty());
        bind(source, vm.sourceProperty());
        branch.setPromptText("the tag, or the default branch");
        tag.setPromptText("none (not a tag build)");
        source.setPromptText("webhook");
        TextField pr = new TextField();
        pr.setId("pr-field");
        pr.setPromptText("none");
        pr.textProperty().bindBidirectional(vm.pullRequestProperty());
        TextField message = new TextField();
        message.setId("message-field");
        message.setPromptText("commit message");
        message.textProperty().bindBidirectional(vm.messageProperty());
        addRow(facts, 0, "Branch", branch);
        addRow(facts, 1, "Tag", tag);
        addRow(facts, 2, "Source", source);
        addRow(facts, 3, "Pull request", pr);
        addRow(facts, 4, "Message", message);
        TextField defaultBranch = new TextField();
        defaultBranch.setId("default-branch-field");
        defaultBranch.setPromptText("main");
        defaultBranch.setTooltip(new Tooltip("The repository's default branch: what \"push to the default branch\" "
                + "pushes to and what the file's rules compare with it"));
        defaultBranch.textProperty().bindBidirectional(vm.defaultBranchProperty());
        addRow(facts, 5, "Default branch", defaultBranch);

        variablesBox.getStyleClass().add("variables");
        vm.variables().addListener((ListChangeListener<VariableModel>) c -> rebuildVariables());
        rebuildVariables();

        TextArea free = new TextArea();
        free.setId("free-vars");
        free.setPromptText("NAME=VALUE, one a line");
        free.setPrefRowCount(3);
        free.getStyleClass().add("mono");
        free.textProperty().bindBidirectional(vm.freeFormProperty());
        Label freeError = new Label();
        freeError.getStyleClass().add("field-error");
        freeError.textProperty().bind(vm.freeFormErrorProperty());
        freeError.visibleProperty().bind(vm.freeFormErrorProperty().isNotNull());
        freeError.managedProperty().bind(freeError.visibleProperty());

        Button reset = new Button("Reset");
        reset.setId("reset-scenario");
        reset.setTooltip(new Tooltip("Back to a push to the default branch with no variables"));
        reset.setOnAction(e -> vm.reset());

        box.getChildren().addAll(title, hint, section("Presets"), presetsBox, section("Build"), facts,
                section("Variables the conditions read"), variablesBox, section("Other variables"), free, freeError,
                reset);
        setContent(box);
        // the placeholder shows the system's default source: webhook (Buildkite) or push (GitLab)
        vm.systemProperty().addListener((o, a, b) -> {
            source.getItems().setAll(vm.sources());
            source.setPromptText(vm.sources().get(0));
        });
        source.getItems().setAll(vm.sources());
        source.setPromptText(vm.sources().get(0));
    }

    private void rebuildPresets() {
        presetsBox.getChildren().clear();
        for (NamedScenario p : vm.presets()) {
            Button b = new Button(p.name());
            // preset names carry input names such as publish_images: an underscore is text, not a mnemonic
            b.setMnemonicParsing(false);
            b.getStyleClass().add("preset");
            // not focusable: when a clicked why-panel link disappears, focus must not land on (and seem to
            // select) the first preset
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(ScenarioViewModel.summary(p.scenario())));
            b.setOnAction(e -> vm.applyPreset(p));
            presetsBox.getChildren().add(b);
        }
    }

    private void rebuildVariables() {
        variablesBox.getChildren().clear();
        branch.getItems().setAll(vm.branchSuggestions());
        tag.getItems().setAll(vm.tagSuggestions());
        if (vm.variables().isEmpty()) {
            Label none = new Label("The file's conditions read no other variables.");
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            none.setMinHeight(Region.USE_PREF_SIZE);
            variablesBox.getChildren().add(none);
            return;
        }
        for (VariableModel v : vm.variables()) {
            Tooltip tip = new Tooltip((v.kind().equals("env") ? "environment variable" : "build variable")
                    + (v.choices().isEmpty() ? "" : "\ncompared with: " + String.join(", ", quoted(v.choices())))
                    + "\nread by: " + String.join(", ", v.usedBy()));
            if (v.isToggle()) {
                CheckBox cb = new CheckBox(v.name() + " = \"" + v.choices().get(0) + "\"");
                cb.setId("var-" + v.name());
                cb.getStyleClass().addAll("variable-toggle", "switch");
                cb.setSelected(v.isOn());
                cb.selectedProperty().addListener((o, a, b) -> v.setOn(b));
                v.valueProperty().addListener((o, a, b) -> cb.setSelected(v.isOn()));
                cb.setTooltip(tip);
                cb.setMnemonicParsing(false);
                cb.setWrapText(true);
                cb.setMinHeight(Region.USE_PREF_SIZE);
                cb.setMaxWidth(Double.MAX_VALUE);
                variablesBox.getChildren().add(cb);
            } else {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.setId("var-" + v.name());
                choice.getItems().add(UNSET);
                choice.getItems().addAll(v.choices());
                choice.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(String s) {
                        return s == null || s.equals(UNSET) ? UNSET : "\"" + s + "\"";
                    }

                    @Override
                    public String fromString(String s) {
                        return s;
                    }
                });
                String current = v.getValue();
                if (current != null && !choice.getItems().contains(current)) {
                    choice.getItems().add(current);
                }
                choice.setValue(current == null ? UNSET : current);
                choice.valueProperty().addListener((o, a, b) -> v.setValue(b == null || b.equals(UNSET) ? null : b));
                v.valueProperty().addListener((o, a, b) -> {
                    if (b != null && !choice.getItems().contains(b)) {
                        choice.getItems().add(b);
                    }
                    choice.setValue(b == null ? UNSET : b);
                });
                choice.setTooltip(tip);
                choice.setMaxWidth(Double.MAX_VALUE);
                Label name = new Label(v.name());
                name.getStyleClass().add("variable-name");
                name.setMnemonicParsing(false);
                // the name above its choice, wrapped rather than cut: names such as
                // pipeline.default_branch or CI_MERGE_REQUEST_TARGET_BRANCH_NAME are the point of the row
                name.setWrapText(true);
                name.setMinHeight(Region.USE_PREF_SIZE);
                name.setTooltip(tip);
                VBox row = new VBox(2, name, choice);
                row.getStyleClass().add("variable-choice");
                variablesBox.getChildren().add(row);
            }
        }
    }

    private static List<String> quoted(List<String> values) {
        return values.stream().map(s -> "\"" + s + "\"").toList();
    }

    private static ComboBox<String> combo(String id) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.setEditable(true);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static void bind(ComboBox<String> c, StringProperty p) {
        c.getEditor().setText(p.get());
        c.getEditor().textProperty().bindBidirectional(p);
        c.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(p.get())) {
                p.set(b);
            }
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static void addRow(GridPane grid, int row, String label, javafx.scene.Node field) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        grid.add(l, 0, row);
        grid.add(field, 1, row);
    }
}
