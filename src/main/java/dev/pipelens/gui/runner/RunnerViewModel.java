package dev.pipelens.gui.runner;

import dev.pipelens.model.InputField;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.simulate.BuildState;
import dev.pipelens.simulate.JobResult;
import dev.pipelens.simulate.JobState;
import dev.pipelens.simulate.SimEvent;
import dev.pipelens.simulate.Simulation;
import dev.pipelens.system.Systems;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner bar's state: a {@link Simulation} of the plan shown, driven step by step from the UI thread
 * (pure simulation is fast; nothing here runs commands). While it is <em>active</em> the graph shows
 * {@link #statesProperty()} instead of the plan's outcomes; {@link #reset()} or a new plan (another
 * scenario, a reload) leaves runner mode and the plan colours come back.
 *
 * <p>Results marked with {@link #mark} (pass, fail, soft-fail, cancel) apply when the job runs, like the
 * CLI's {@code --fail}; they survive stepping and are cleared by {@link #reset()}.
 */
public final class RunnerViewModel {

    /** What a job is marked to do when it runs. */
    public enum Mark {
        PASS("pass"), FAIL("fail"), SOFT_FAIL("soft-fail"), CANCEL("cancel");

        private final String id;

        Mark(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        JobResult result() {
            switch (this) {
                case FAIL:
                    return JobResult.fail();
                case SOFT_FAIL:
                    return JobResult.softFail();
                case CANCEL:
                    return JobResult.cancel();
                default:
                    return JobResult.pass();
            }
        }
    }

    private PipelinePlanner planner;
    private Plan plan;
    private Simulation sim;
    private final ObservableList<SimEvent> events = FXCollections.observableArrayList();
    private final ObservableMap<String, Mark> marks = FXCollections.observableMap(new LinkedHashMap<>());
    private final ReadOnlyObjectWrapper<Map<String, JobState>> states = new ReadOnlyObjectWrapper<>(this, "states");
    private final ReadOnlyObjectWrapper<BuildState> buildState = new ReadOnlyObjectWrapper<>(this, "buildState");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(this, "canStep");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<List<String>> awaiting = new ReadOnlyObjectWrapper<>(this, "awaiting", List.of());

    // ------------------------------------------------------------------ properties

    /** The event log so far (tick, step, state, note), oldest first. */
    public ObservableList<SimEvent> events() {
        return events;
    }

    public ObservableMap<String, Mark> marks() {
        return marks;
    }

    /** Every step's state while in runner mode; null when the graph shows the plan. */
    public ReadOnlyObjectProperty<Map<String, JobState>> statesProperty() {
        return states.getReadOnlyProperty();
    }

    public Map<String, JobState> getStates() {
        return states.get();
    }

    /** The build's state (null before the first action). */
    public ReadOnlyObjectProperty<BuildState> buildStateProperty() {
        return buildState.getReadOnlyProperty();
    }

    public BuildState getBuildState() {
        return buildState.get();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    /** Whether Step / Run can still change anything. */
    public ReadOnlyBooleanProperty canStepProperty() {
        return canStep.getReadOnlyProperty();
    }

    /** The last thing worth telling the user (a refused action, what a run stopped at). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The gates waiting for a person now. */
    public ReadOnlyObjectProperty<List<String>> awaitingProperty() {
        return awaiting.getReadOnlyProperty();
    }

    /** The label of the final build state: "build: passed", "build: blocked at ..." and so on. */
    public static String describe(BuildState s, List<String> awaiting) {
        if (s == null) {
            return "not started";
        }
        String text = "build " + s.id();
        if (s == BuildState.BLOCKED && awaiting != null && !awaiting.isEmpty()) {
            text += " \u2014 waiting for " + String.join(", ", awaiting);
        }
        return text;
    }

    // ------------------------------------------------------------------ input

    /** The plan to simulate (a new scenario or a reload): leaves runner mode, forgets marks. */
    public void setPlan(PipelinePlanner newPlanner, Plan newPlan) {
        this.planner = newPlanner;
        this.plan = newPlan;
        this.sim = null;
        marks.clear();
        leave("");
    }

    /** Whether the plan can be simulated (loaded, created, no errors). */
    public boolean usable() {
        return plan != null && plan.created() && !plan.hasErrors();
    }

    private Simulation sim() {
        if (sim == null && plan != null) {
            sim = Systems.simulation(plan);
            marks.forEach((id, m) -> sim.setResult(id, m.result()));
        }
        return sim;
    }

    // ------------------------------------------------------------------ actions

    /** Runs one tick. */
    public List<SimEvent> step() {
        return act(() -> sim().step());
    }

    /** Runs until a gate waits for a person or the build settles. */
    public List<SimEvent> runToNextGate() {
        return act(() -> sim().runToNextGate());
    }

    /** Runs until the build settles (passed, failed, blocked at a gate, canceled). */
    public List<SimEvent> runAll() {
        return act(() -> sim().runAll());
    }

    /** The fields gate {@code id} asks for (empty for other steps). */
    public List<InputField> fields(String id) {
        if (!usable() || id == null || plan.step(id).isEmpty()) {
            return List.of();
        }
        return sim().fields(id);
    }

    /** Whether {@code id} is a block or input step (or a GitLab manual job) that an unblock applies to. */
    public boolean isGate(String id) {
        if (!usable() || id == null) {
            return false;
        }
        PlannedStep s = plan.step(id).orElse(null);
        if (s == null) {
            return false;
        }
        return s.type().isGateType() || sim().awaitingGates().contains(id);
    }

    /**
     * Unblocks gate {@code id} with these field values (a gate not reached yet is unblocked in advance).
     * Enters runner mode. Returns false (with a {@link #messageProperty() message}) when refused.
     */
    public boolean unblock(String id, Map<String, String> values) {
        if (!usable()) {
            message.set("nothing to run in this scenario");
            return false;
        }
        if (id == null) {
            message.set("select a gate (block or input step) to unblock");
            return false;
        }
        try {
            boolean changed = sim().unblock(id, values == null ? Map.of() : values);
            refresh();
            message.set(changed ? "unblocked " + id : id + " cannot be unblocked now (" + sim.state(id).id() + ")");
            return changed;
        } catch (IllegalArgumentException | IllegalStateException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** Unblocks every gate, now and when reached. */
    public void unblockAll() {
        if (!usable()) {
            message.set("nothing to run in this scenario");
            return;
        }
        sim().unblockAll();
        refresh();
        message.set("every gate is unblocked");
    }

    /** Marks job {@code id} to end this way when it runs (null mark: back to passing). */
    public boolean mark(String id, Mark mark) {
        if (!usable()) {
            message.set("nothing to run in this scenario");
            return false;
        }
        if (id == null) {
            message.set("select a job to mark");
            return false;
        }
        try {
            sim().setResult(id, mark == null ? null : mark.result());
            if (mark == null) {
                marks.remove(id);
            } else {
                marks.put(id, mark);
            }
            message.set(id + (mark == null ? " will pass" : " will " + mark.id()) + " when it runs");
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** Cancels the build. */
    public void cancelBuild() {
        if (usable()) {
            sim().cancelBuild();
            refresh();
        }
    }

    /** Back to tick 0 and the plan colours; marks are forgotten. */
    public void reset() {
        if (sim != null) {
            sim.reset();
            sim.clearResults();
        }
        marks.clear();
        leave("");
    }

    private List<SimEvent> act(java.util.function.Supplier<List<SimEvent>> action) {
        if (plan == null) {
            message.set("open a pipeline first");
            return List.of();
        }
        if (!usable()) {
            // the simulator knows what to say about a build that is not created
            buildState.set(plan.created() ? BuildState.FAILED : BuildState.NOT_CREATED);
            active.set(true);
            message.set(plan.created() ? "the plan has errors: fix them first" : "the build is not created in this scenario");
            return List.of();
        }
        List<SimEvent> out = action.get();
        refresh();
        message.set(out.isEmpty() && !sim.canStep() ? "nothing more happens without a user action" : "tick " + sim.tick());
        return out;
    }

    private void refresh() {
        active.set(true);
        events.setAll(sim.events());
        states.set(Map.copyOf(sim.states()));
        awaiting.set(List.copyOf(sim.awaitingGates()));
        buildState.set(sim.buildState());
        canStep.set(sim.canStep());
    }

    private void leave(String text) {
        events.clear();
        states.set(null);
        buildState.set(null);
        awaiting.set(List.of());
        active.set(false);
        canStep.set(plan != null);
        message.set(text);
    }

    /** The simulation (tests). */
    Simulation simulation() {
        return sim();
    }
}
