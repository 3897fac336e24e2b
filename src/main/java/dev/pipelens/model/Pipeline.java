package dev.pipelens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Buildkite pipeline (after upload-time interpolation): top-level env and steps in source order.
 */
public record Pipeline(String file, Map<String, String> env, List<Step> steps) {

    public Pipeline {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        steps = List.copyOf(steps);
    }

    /** Every step, groups before their children, in source order. */
    public List<Step> allSteps() {
        List<Step> out = new ArrayList<>();
        collect(steps, out);
        return out;
    }

    private static void collect(List<Step> list, List<Step> out) {
        for (Step s : list) {
            out.add(s);
            if (s instanceof GroupStep g) {
                collect(g.steps(), out);
            }
        }
    }
}
