package dev.pipelens.cli;

import dev.pipelens.simulate.JobState;
import dev.pipelens.simulate.RunReport;
import dev.pipelens.simulate.SimEvent;

import java.util.List;
import java.util.Map;

/** Renders a simulated build as the JSON of {@code shared/schema/run.schema.json}. */
public final class RunJson {

    private RunJson() {
    }

    public static Map<String, Object> report(RunReport report) {
        Map<String, Object> root = Json.object();
        List<Object> events = Json.array();
        for (SimEvent e : report.events()) {
            Map<String, Object> o = Json.object();
            o.put("tick", e.tick());
            o.put("step", e.stepId());
            o.put("state", e.state().id());
            if (e.note() != null) {
                o.put("note", e.note());
            }
            events.add(o);
        }
        root.put("events", events);
        Map<String, Object> fin = Json.object();
        for (Map.Entry<String, JobState> e : report.finalStates().entrySet()) {
            fin.put(e.getKey(), e.getValue().id());
        }
        root.put("final", fin);
        root.put("build", report.build().id());
        root.put("notes", report.notes());
        return root;
    }
}
