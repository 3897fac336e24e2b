package dev.pipelens.simulate;

import dev.pipelens.model.Step;
import dev.pipelens.plan.PlannedStep;

/**
 * Decides how a released job ends. The default, {@link #SIMULATED}, executes nothing: the job ends as
 * the user set it beforehand, or passes. The {@code execute} package supplies a runner that runs the
 * step's commands for real; it is used only when the user explicitly asks for it.
 */
@FunctionalInterface
public interface JobRunner {

    /** Executes nothing: the preset result, else a pass. */
    JobRunner SIMULATED = job -> job.preset() != null ? job.preset() : JobResult.pass();

    /** Runs one job (command or trigger step) and returns how it ended. Called on the simulation's thread. */
    JobResult run(Job job);

    /**
     * A job to run.
     *
     * @param planned the planned step
     * @param model   the step as written (interpolated), or null when unknown
     * @param tick    the tick it runs in
     * @param preset  the result the user set beforehand, or null
     */
    record Job(PlannedStep planned, Step model, int tick, JobResult preset) {
        public String id() {
            return planned.id();
        }
    }
}
