package dev.pipelens.gitlab.plan;

import java.util.List;
import java.util.Map;

/** The {@code workflow:rules} verdict: pipeline created or not, the matched rule's variables, and why. */
record WorkflowDecision(boolean created, Map<String, String> variables, List<String> reasons) {

    WorkflowDecision {
        variables = Map.copyOf(variables);
        reasons = List.copyOf(reasons);
    }
}
