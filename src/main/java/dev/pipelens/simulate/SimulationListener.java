package dev.pipelens.simulate;

/**
 * Observes a {@link Simulation}. Called on the thread that drives the simulation; a view model
 * hands the calls to its UI thread itself.
 */
public interface SimulationListener {

    /** A step changed state; also called for every event of a tick, in log order. */
    void onEvent(SimEvent event);

    /** A job is about to run (with real execution this may take a while before its event arrives). */
    default void onJobStarted(String stepId, int tick) {
    }

    /** The simulation went back to tick 0; forget every event seen. */
    default void onReset() {
    }

    /** The build state changed (for example running → blocked). */
    default void onBuildState(BuildState state) {
    }
}
