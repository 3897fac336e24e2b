package dev.pipelens.gui.scenario;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.system.Systems;
import dev.pipelens.plan.VariableInfo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The what-if panel's state: build facts, auto-discovered variables, free-form variables and presets.
 * Every edit recomputes {@link #scenarioProperty()}, which the main view model re-plans on. Needs no
 * running JavaFX toolkit (only javafx.beans), so it is unit-tested directly.
 */
public final class ScenarioViewModel {

    private final StringProperty branch = new SimpleStringProperty(this, "branch", Scenario.DEFAULT_BRANCH);
    private final StringProperty tag = new SimpleStringProperty(this, "tag", "");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final StringProperty pullRequest = new SimpleStringProperty(this, "pullRequest", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty defaultBranch = new SimpleStringProperty(this, "defaultBranch", Scenario.DEFAULT_BRANCH);
    private final StringProperty freeForm = new SimpleStringProperty(this, "freeForm", "");
    private final ObservableList<VariableModel> variables = FXCollections.observableArrayList();
    private final ObservableList<NamedScenario> presets = FXCollections.observableArrayList();
    private final ObjectProperty<CiSystem> system = new SimpleObjectProperty<>(this, "system", Systems.all().get(0).system());
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<String> freeFormError = new ReadOnlyObjectWrapper<>(this, "freeFormError");
    private final Map<String, List<String>> suggestions = new HashMap<>();
    private boolean updating;

    public ScenarioViewModel() {
        for (StringProperty p : List.of(branch, tag, source, pullRequest, message, defaultBranch, freeForm)) {
            p.addListener((o, a, b) -> recompute());
        }
        presets.setAll(Systems.of(system.get()).presets(Scenario.DEFAULT_BRANCH));
        recompute();
    }

    /** The scenario the panel describes; changes on every edit. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario getScenario() {
        return scenario.get();
    }

    /** A message when a free-form line is not {@code NAME=VALUE}, else null. */
    public ReadOnlyObjectProperty<String> freeFormErrorProperty() {
        return freeFormError.getReadOnlyProperty();
    }

    public StringProperty branchProperty() {
        return branch;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty pullRequestProperty() {
        return pullRequest;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty defaultBranchProperty() {
        return defaultBranch;
    }

    /** Free-form variables, one {@code NAME=VALUE} a line. */
    public StringProperty freeFormProperty() {
        return freeForm;
    }

    public ObservableList<VariableModel> variables() {
        return variables;
    }

    public ObservableList<NamedScenario> presets() {
        return presets;
    }

    public ObjectProperty<CiSystem> systemProperty() {
        return system;
    }

    /** The literal values a fact's variable is compared with ({@code build.branch}...), for suggestions. */
    public List<String> suggestionsFor(String variable) {
        return suggestions.getOrDefault(variable, List.of());
    }

    /**
     * The loaded file's one-click scenarios, from its planner (which may add scenarios of its own to the
     * system's, such as a dispatch per workflow input); the buttons are rebuilt only when they change.
     */
    public void setPresets(List<NamedScenario> filePresets) {
        if (!presets.equals(filePresets)) {
            presets.setAll(filePresets);
        }
    }

    /** The branch field's suggestions: the literals the file compares the system's branch variables with. */
    public List<String> branchSuggestions() {
        return suggestionsForAll(Systems.of(system.get()).scenarioFacts().branchVariables());
    }

    /** The tag field's suggestions: the literals the file compares the system's tag variables with. */
    public List<String> tagSuggestions() {
        return suggestionsForAll(Systems.of(system.get()).scenarioFacts().tagVariables());
    }

    private List<String> suggestionsForAll(List<String> variables) {
        Set<String> all = new LinkedHashSet<>();
        for (String v : variables) {
            all.addAll(suggestionsFor(v));
        }
        return List.copyOf(all);
    }

    /** Sources the CI system knows, for the source field's suggestions. */
    public List<String> sources() {
        return Systems.of(system.get()).scenarioFacts().sources();
    }

    /**
     * Shows the variables a newly loaded file reads. Values of variables with the same name survive a
     * reload, so editing the file keeps the scenario.
     */
    public void setDiscovered(CiSystem ciSystem, List<VariableInfo> infos) {
        Map<String, String> old = new HashMap<>();
        for (VariableModel v : variables) {
            old.put(v.name(), v.getValue());
        }
        Map<String, String> current = getScenario().variables();
        updating = true;
        try {
            if (ciSystem != system.get()) {
                system.set(ciSystem);
                presets.setAll(Systems.of(ciSystem).presets(defaultBranch.get()));
            }
            suggestions.clear();
            Set<String> facts = Systems.of(system.get()).scenarioFacts().factVariables();
            List<VariableModel> models = new ArrayList<>();
            for (VariableInfo info : infos) {
                if (facts.contains(info.name())) {
                    suggestions.put(info.name(), new VariableModel(info).choices());
                    continue;
                }
                VariableModel m = new VariableModel(info);
                String v = old.containsKey(info.name()) ? old.get(info.name()) : current.get(info.name());
                m.setValue(v);
                m.valueProperty().addListener((o, a, b) -> recompute());
                models.add(m);
            }
            variables.setAll(models);
            moveFreeFormIntoControls();
        } finally {
            updating = false;
        }
        recompute();
    }

    /** Free-form lines naming a variable that now has its own control move into that control. */
    private void moveFreeFormIntoControls() {
        String text = freeForm.get() == null ? "" : freeForm.get();
        StringBuilder keep = new StringBuilder();
        boolean moved = false;
        for (String line : text.split("\r?\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            VariableModel target = null;
            if (eq > 0 && !l.startsWith("#")) {
                String name = l.substring(0, eq).strip();
                target = variables.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
            }
            if (target != null) {
                target.setValue(l.substring(eq + 1));
                moved = true;
            } else if (!l.isEmpty()) {
                keep.append(line).append('\n');
            }
        }
        if (moved) {
            freeForm.set(keep.toString().strip());
        }
    }

    /** Sets every field from {@code s}: what a preset click or the command line does. */
    public void apply(Scenario s) {
        updating = true;
        try {
            branch.set(s.branch() == null ? "" : s.branch());
            tag.set(nz(s.tag()));
            source.set(nz(s.source()));
            pullRequest.set(nz(s.pullRequest()));
            message.set(nz(s.message()));
            defaultBranch.set(s.effectiveDefaultBranch());
            Map<String, String> rest = new LinkedHashMap<>(s.variables());
            for (VariableModel v : variables) {
                v.setValue(rest.remove(v.name()));
            }
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> e : rest.entrySet()) {
                b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
            freeForm.set(b.toString().strip());
        } finally {
            updating = false;
        }
        recompute();
    }

    public void applyPreset(NamedScenario preset) {
        apply(preset.scenario());
    }

    /** Back to a push to the default branch with nothing set. */
    public void reset() {
        apply(Scenario.defaults().withDefaultBranch(defaultBranch.get()));
    }

    private void recompute() {
        if (updating) {
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (VariableModel v : variables) {
            if (v.getValue() != null) {
                vars.put(v.name(), v.getValue());
            }
        }
        String error = null;
        String text = freeForm.get() == null ? "" : freeForm.get();
        int n = 0;
        for (String line : text.split("\r?\n")) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                error = error != null ? error : "line " + n + ": expected NAME=VALUE";
                continue;
            }
            vars.put(l.substring(0, eq).strip(), l.substring(eq + 1));
        }
        freeFormError.set(error);
        Scenario s = new Scenario(blankToNull(branch.get()), blankToNull(tag.get()), blankToNull(message.get()),
                blankToNull(source.get()), blankToNull(pullRequest.get()), blankToNull(defaultBranch.get()), vars);
        if (!s.equals(scenario.get())) {
            scenario.set(s);
        }
    }

    /** One line for the status bar: "tag v1.2.0 · NIGHTLY=1". */
    public static String summary(Scenario s) {
        List<String> parts = new ArrayList<>();
        String branch = s.branch() == null ? (s.tag() != null ? null : s.effectiveDefaultBranch()) : s.branch();
        if (s.tag() != null) {
            parts.add("tag " + s.tag());
        }
        if (s.pullRequest() != null) {
            parts.add("PR #" + s.pullRequest() + (branch == null ? "" : " from " + branch));
        } else if (branch != null && !branch.equals(s.tag())) {
            parts.add((s.tag() == null ? "push to " : "branch ") + branch);
        }
        if (s.source() != null) {
            parts.add("source " + s.source());
        }
        if (s.message() != null) {
            String m = s.message().strip().replaceAll("\\s+", " ");
            parts.add("message \u201c" + (m.length() > 30 ? m.substring(0, 29) + "\u2026" : m) + "\u201d");
        }
        for (Map.Entry<String, String> e : s.variables().entrySet()) {
            parts.add(e.getKey() + "=" + e.getValue());
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
