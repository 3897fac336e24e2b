package dev.pipelens.cli;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.JobFields;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.VariableInfo;

import java.util.List;
import java.util.Map;

/** Renders plans, scenarios, diagnostics and variables as the JSON shapes of {@code shared/schema}. */
public final class PlanJson {

    private PlanJson() {
    }

    public static Map<String, Object> plan(Plan plan) {
        Map<String, Object> root = Json.object();
        root.put("file", plan.file());
        root.put("system", plan.system().id());
        root.put("scenario", scenario(plan.scenario()));
        Map<String, Object> pipeline = Json.object();
        pipeline.put("created", plan.created());
        pipeline.put("reasons", plan.pipelineReasons());
        root.put("pipeline", pipeline);
        List<Object> steps = Json.array();
        for (PlannedStep s : plan.steps()) {
            Map<String, Object> o = Json.object();
            o.put("id", s.id());
            o.put("key", s.key());
            o.put("label", s.label());
            o.put("type", s.type().id());
            o.put("group", s.group());
            o.put("outcome", s.outcome().id());
            o.put("jobs", s.jobs());
            o.put("reasons", s.reasons());
            o.put("dependsOn", s.dependsOn());
            o.put("line", s.span().isKnown() ? s.span().line() : null);
            if (s.job() != null) {
                jobFields(s, o);
            }
            steps.add(o);
        }
        root.put("steps", steps);
        root.put("diagnostics", diagnostics(plan.diagnostics()));
        return root;
    }

    /** {@code stage}, {@code when}, {@code allowFailure} (boolean or exit codes) and {@code needs} of a staged job. */
    private static void jobFields(PlannedStep s, Map<String, Object> o) {
        JobFields job = s.job();
        o.put("stage", job.stage());
        o.put("when", s.when() == null ? null : s.when().id());
        List<Integer> exitCodes = s.run().allowFailureExitCodes();
        if (!exitCodes.isEmpty()) {
            o.put("allowFailure", List.copyOf(exitCodes));
        } else {
            o.put("allowFailure", s.allowFailure());
        }
        if (job.needs() == null) {
            o.put("needs", null);
        } else {
            List<Object> needs = Json.array();
            for (JobFields.Need n : job.needs()) {
                Map<String, Object> need = Json.object();
                need.put("job", n.job());
                need.put("optional", n.optional());
                need.put("artifacts", n.artifacts());
                needs.add(need);
            }
            o.put("needs", needs);
        }
    }

    public static Map<String, Object> scenario(Scenario s) {
        Map<String, Object> o = Json.object();
        o.put("branch", s.branch());
        o.put("tag", s.tag());
        o.put("source", s.source());
        o.put("message", s.message());
        o.put("pullRequest", s.pullRequest());
        o.put("defaultBranch", s.defaultBranch());
        o.put("variables", s.variables());
        Map<String, Object> inputs = Json.object();
        s.variables().forEach((k, v) -> {
            if (k.startsWith("inputs.")) {
                inputs.put(k.substring("inputs.".length()), v);
            }
        });
        if (!inputs.isEmpty()) {
            o.put("inputs", inputs);
        }
        String changed = s.variables().get("PIPELENS_CHANGED_FILES");
        if (changed != null) {
            List<Object> files = Json.array();
            for (String f : changed.split(",")) {
                if (!f.isBlank()) {
                    files.add(f.strip());
                }
            }
            o.put("changedFiles", files);
        }
        return o;
    }

    public static List<Object> diagnostics(List<Diagnostic> diagnostics) {
        List<Object> out = Json.array();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> o = Json.object();
            o.put("severity", d.severity().label());
            o.put("code", d.code());
            o.put("message", d.message());
            o.put("file", d.span().file());
            o.put("line", d.span().isKnown() ? d.span().line() : null);
            o.put("column", d.span().isKnown() ? d.span().column() : null);
            out.add(o);
        }
        return out;
    }

    public static List<Object> variables(List<VariableInfo> variables) {
        List<Object> out = Json.array();
        for (VariableInfo v : variables) {
            Map<String, Object> o = Json.object();
            o.put("name", v.name());
            o.put("kind", v.kind());
            o.put("values", v.values());
            o.put("usedBy", v.usedBy());
            out.add(o);
        }
        return out;
    }
}
