package dev.pipelens.buildkite.plan;

import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

/** Renders a plan compactly for assertion messages. */
final class Debug {
    private Debug() {
    }

    static String render(Plan plan) {
        StringBuilder sb = new StringBuilder("created=" + plan.created() + " " + plan.pipelineReasons() + "\n");
        for (PlannedStep s : plan.steps()) {
            sb.append("  ").append(s.id()).append(": ").append(s.outcome().id()).append(" deps=").append(s.dependsOn())
                    .append(" ").append(s.reasons()).append('\n');
        }
        plan.diagnostics().forEach(d -> sb.append("  ! ").append(d.toLine()).append('\n'));
        return sb.toString();
    }
}
