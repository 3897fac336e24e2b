package dev.pipelens.cli;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

import java.util.Map;
import java.util.stream.Collectors;

/** Renders a plan for people: one line per step with its outcome, the reasons indented below. */
public final class PlanText {

    private PlanText() {
    }

    public static String plan(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(plan.file()).append(" (").append(plan.system().id()).append(")\n");
        sb.append("scenario: ").append(scenario(plan.scenario())).append('\n');
        if (plan.created()) {
            sb.append("pipeline: created");
            Map<Outcome, Integer> counts = plan.countsByOutcome();
            if (!counts.isEmpty()) {
                sb.append(" (").append(counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", "))).append(')');
            }
            sb.append('\n');
        } else {
            sb.append("pipeline: NOT created\n");
        }
        for (String r : plan.pipelineReasons()) {
            sb.append("  ").append(r).append('\n');
        }
        sb.append('\n');
        int idWidth = 10;
        for (PlannedStep s : plan.steps()) {
            idWidth = Math.max(idWidth, Math.min(40, s.id().length() + (s.group() != null ? 2 : 0)));
        }
        for (PlannedStep s : plan.steps()) {
            String indent = s.group() != null ? "  " : "";
            sb.append(String.format("%-9s %s%-" + Math.max(1, idWidth - indent.length()) + "s  %s%s%n",
                    s.outcome().id(), indent, s.id(), label(s), s.jobs() > 1 ? " (" + s.jobs() + " jobs)" : ""));
            for (String r : s.reasons()) {
                sb.append(" ".repeat(10 + idWidth + 2)).append("- ").append(r).append('\n');
            }
        }
        if (!plan.diagnostics().isEmpty()) {
            sb.append('\n').append("diagnostics:\n");
            for (Diagnostic d : plan.diagnostics()) {
                sb.append("  ").append(d.span()).append(": ").append(d.severity().label()).append(": ")
                        .append(d.message()).append(" [").append(d.code()).append("]\n");
            }
        }
        return sb.toString();
    }

    private static String label(PlannedStep s) {
        String kind = s.type() == StepType.COMMAND || s.type() == StepType.JOB ? "" : "[" + s.type().id() + "] ";
        return kind + (s.label() == null ? "" : "\"" + s.label() + "\"");
    }

    public static String scenario(Scenario s) {
        StringBuilder sb = new StringBuilder();
        append(sb, "branch", s.branch());
        append(sb, "tag", s.tag());
        append(sb, "source", s.source());
        append(sb, "pull-request", s.pullRequest());
        append(sb, "message", s.message());
        for (Map.Entry<String, String> v : s.variables().entrySet()) {
            sb.append(sb.length() > 0 ? " " : "").append(v.getKey()).append('=').append(v.getValue());
        }
        return sb.length() == 0 ? "(defaults)" : sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(sb.length() > 0 ? " " : "").append(name).append('=').append(value);
        }
    }
}
