package dev.pipelens.simulate;

import java.util.Objects;

/**
 * One line of the build log: in tick {@code tick}, step {@code stepId} entered {@code state}. Tick 0
 * holds what is known before anything runs (skipped steps); user actions are logged at the tick in
 * which they happen.
 *
 * @param note why, in a sentence (soft_fail rule that matched, dependency that failed, UNCONFIRMED
 *             choices), or null
 */
public record SimEvent(int tick, String stepId, JobState state, String note) {

    public SimEvent {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return "tick " + tick + " " + stepId + " " + state.id() + (note == null ? "" : " (" + note + ")");
    }
}
