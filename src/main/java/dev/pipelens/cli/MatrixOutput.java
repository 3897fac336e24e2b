package dev.pipelens.cli;

import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

import java.util.List;
import java.util.Map;

/** The steps-by-scenarios table of {@code plan --scenarios auto}, as text and JSON. */
final class MatrixOutput {

    private MatrixOutput() {
    }

    static Map<String, Object> json(PipelinePlanner planner, List<NamedScenario> scenarios, List<Plan> plans,
                                    List<String> neverRuns) {
        Map<String, Object> root = Json.object();
        root.put("file", planner.file());
        root.put("system", planner.system().id());
        List<Object> sc = Json.array();
        for (int i = 0; i < scenarios.size(); i++) {
            Map<String, Object> o = Json.object();
            o.put("name", scenarios.get(i).name());
            o.put("scenario", PlanJson.scenario(plans.get(i).scenario()));
            o.put("created", plans.get(i).created());
            sc.add(o);
        }
        root.put("scenarios", sc);
        List<Object> steps = Json.array();
        if (!plans.isEmpty()) {
            for (PlannedStep s : plans.get(0).steps()) {
                Map<String, Object> o = Json.object();
                o.put("id", s.id());
                o.put("label", s.label());
                o.put("type", s.type().id());
                o.put("group", s.group());
                Map<String, Object> outcomes = Json.object();
                for (int i = 0; i < plans.size(); i++) {
                    outcomes.put(scenarios.get(i).name(), plans.get(i).step(s.id()).map(p -> p.outcome().id()).orElse(null));
                }
                o.put("outcomes", outcomes);
                steps.add(o);
            }
        }
        root.put("steps", steps);
        root.put("neverRuns", neverRuns);
        return root;
    }

    static String text(PipelinePlanner planner, List<NamedScenario> scenarios, List<Plan> plans, List<String> neverRuns,
                       int tried) {
        StringBuilder sb = new StringBuilder();
        sb.append(planner.file()).append(" (").append(planner.system().id()).append(")\n\n");
        for (int i = 0; i < scenarios.size(); i++) {
            sb.append(String.format("  [%d] %s%n", i + 1, scenarios.get(i).name()));
        }
        sb.append('\n');
        if (plans.isEmpty()) {
            return sb.toString();
        }
        int w = 4;
        for (PlannedStep s : plans.get(0).steps()) {
            w = Math.max(w, Math.min(44, s.id().length() + (s.group() != null ? 2 : 0)));
        }
        sb.append(String.format("%-" + w + "s", "step"));
        for (int i = 0; i < scenarios.size(); i++) {
            sb.append(String.format("  %-8s", "[" + (i + 1) + "]"));
        }
        sb.append('\n');
        for (PlannedStep s : plans.get(0).steps()) {
            String name = (s.group() != null ? "  " : "") + s.id();
            sb.append(String.format("%-" + w + "s", name.length() > w ? name.substring(0, w) : name));
            for (Plan p : plans) {
                sb.append(String.format("  %-8s", p.created() ? p.step(s.id()).map(x -> x.outcome().id()).orElse("-")
                        : "(none)"));
            }
            sb.append('\n');
        }
        sb.append('\n').append(tried).append(" scenarios tried; ");
        sb.append(neverRuns.isEmpty() ? "every step is in the build in at least one of them\n"
                : "these steps are in none of them (skipped, or never able to start, in every scenario tried): "
                + String.join(", ", neverRuns) + "\n");
        return sb.toString();
    }
}
