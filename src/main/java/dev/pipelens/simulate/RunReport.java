package dev.pipelens.simulate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated build as far as it went: the event log, every step's state (groups included, source
 * order), the build state, and build-level notes (for example how Buildkite's {@code not_run} is reported).
 */
public record RunReport(List<SimEvent> events, Map<String, JobState> finalStates, BuildState build, List<String> notes) {

    public RunReport {
        events = List.copyOf(events);
        finalStates = Collections.unmodifiableMap(new LinkedHashMap<>(finalStates));
        notes = List.copyOf(notes);
    }
}
