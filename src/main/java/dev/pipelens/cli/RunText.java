package dev.pipelens.cli;

import dev.pipelens.plan.Plan;
import dev.pipelens.simulate.RunReport;
import dev.pipelens.simulate.SimEvent;

/** Renders a simulated build for people: one line per event ({@code tick 3  publish-manifest  passed}), then the build state. */
public final class RunText {

    private RunText() {
    }

    public static String report(Plan plan, RunReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(plan.file()).append(" (").append(plan.system().id()).append(")\n");
        int width = 10;
        for (SimEvent e : report.events()) {
            width = Math.max(width, Math.min(40, e.stepId().length()));
        }
        for (SimEvent e : report.events()) {
            sb.append(String.format("tick %-3d %-" + width + "s  %-11s", e.tick(), e.stepId(), e.state().id()));
            if (e.note() != null) {
                sb.append("  ").append(e.note());
            }
            trimEnd(sb);
            sb.append('\n');
        }
        sb.append("build: ").append(report.build().id()).append('\n');
        java.util.List<String> waiting = new java.util.ArrayList<>();
        report.finalStates().forEach((id, state) -> {
            if (state == dev.pipelens.simulate.JobState.WAITING) {
                waiting.add(id);
            }
        });
        if (!waiting.isEmpty()) {
            sb.append("  still waiting: ").append(String.join(", ", waiting)).append('\n');
        }
        for (String n : report.notes()) {
            sb.append("  ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static void trimEnd(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') {
            n--;
        }
        sb.setLength(n);
    }
}
