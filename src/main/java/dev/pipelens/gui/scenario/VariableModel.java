package dev.pipelens.gui.scenario;

import dev.pipelens.plan.VariableInfo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One auto-discovered variable in the what-if panel: a toggle when the file compares it with exactly one
 * literal ({@code NIGHTLY == "1"}), otherwise a choice of the literals it is compared with plus "unset".
 * {@link #valueProperty()} is null when the variable is unset.
 */
public final class VariableModel {

    private final String name;
    private final String kind;
    private final List<String> choices;
    private final List<String> usedBy;
    private final ObjectProperty<String> value = new SimpleObjectProperty<>(this, "value");

    public VariableModel(VariableInfo info) {
        this.name = info.name();
        this.kind = info.kind();
        List<String> literal = new ArrayList<>();
        for (String v : info.values()) {
            // regexes (/re/) cannot be set as a value; the user can still type one in the free-form list
            if (!(v.length() >= 2 && v.startsWith("/") && v.lastIndexOf('/') > 0) && !literal.contains(v)) {
                literal.add(v);
            }
        }
        this.choices = List.copyOf(literal);
        this.usedBy = info.usedBy();
    }

    public String name() {
        return name;
    }

    /** {@code env} or {@code build}. */
    public String kind() {
        return kind;
    }

    /** The literal values the file compares the variable with. */
    public List<String> choices() {
        return choices;
    }

    public List<String> usedBy() {
        return usedBy;
    }

    /** Whether it is shown as an on/off switch (set to its one literal, or unset). */
    public boolean isToggle() {
        return choices.size() == 1;
    }

    /** Whether it is set to the toggle's value. */
    public boolean isOn() {
        return isToggle() && choices.get(0).equals(value.get());
    }

    public void setOn(boolean on) {
        value.set(on && isToggle() ? choices.get(0) : null);
    }

    public ObjectProperty<String> valueProperty() {
        return value;
    }

    public String getValue() {
        return value.get();
    }

    public void setValue(String v) {
        value.set(v);
    }
}
