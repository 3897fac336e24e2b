package dev.pipelens.github.plan;

import dev.pipelens.github.Workflow;
import dev.pipelens.github.WorkflowInput;
import dev.pipelens.github.WorkflowJob;
import dev.pipelens.github.expr.GhExpression;
import dev.pipelens.github.expr.GhExpressionException;
import dev.pipelens.github.expr.GhValue;
import dev.pipelens.github.expr.Template;
import dev.pipelens.graph.Link;
import dev.pipelens.graph.StepGraph;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SoftFail;
import dev.pipelens.model.StepType;
import dev.pipelens.model.When;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.Reason;
import dev.pipelens.plan.RunSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans the jobs of one workflow for one scenario (spec 7.2): in dependency order, each job's rewritten
 * {@code if} is evaluated with the contexts a job {@code if} may read and the planned results of its
 * ancestors ({@code success()} = every ancestor succeeds); false there but true when a need fails makes it
 * {@code on-failure}; a true {@code if} meets the environment's protection (reviewers {@code blocked},
 * wait timer {@code delayed}, a branch/tag policy that refuses the ref {@code never}) and the human gates
 * upstream ({@code gated}). Local reusable workflows are planned inside their caller, as a group.
 */
final class JobPlanning {

    /**
     * What a planned job means to the jobs after it: its outcome, its planned result, the first human gate
     * it waits at or behind (described, null if none) and the ids of the jobs whose reviewers someone must
     * approve before the jobs after it start.
     */
    record Planned(Outcome outcome, String result, String gate, List<String> gateIds) {
        /** Whether a person must act before it runs ({@code blocked} or {@code gated}). */
        boolean held() {
            return gate != null;
        }
    }

    private final GitHubScenario scenario;
    private final EventContext event;
    private final GhValue.Obj vars;
    final List<PlannedStep> steps = new ArrayList<>();
    final List<PlanEdge> edges = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Jobs skipped only by the implicit success(): job id -> the ancestor that skipped it (for lint). */
    final Map<String, String> skippedByAncestor = new LinkedHashMap<>();
    /** Per planned job id: how its if behaves at run time (see {@link #runWhen}). */
    private final Map<String, When> whens = new HashMap<>();
    /** Per planned job id: the jobs whose reviewers must approve before it starts (the plan's gates). */
    private final Map<String, List<String>> gatesBefore = new HashMap<>();

    JobPlanning(GitHubScenario scenario, EventContext event) {
        this.scenario = scenario;
        this.event = event;
        this.vars = new GhValue.Obj();
        scenario.vars.forEach((k, v) -> vars.put(k, GhValue.of(v)));
    }

    /** The {@code inputs} context of a top-level run: typed dispatch inputs with defaults, else empty. */
    GhValue.Obj topInputs(Workflow wf) {
        GhValue.Obj in = new GhValue.Obj();
        if (!scenario.event.equals("workflow_dispatch")) {
            return in;
        }
        for (WorkflowInput i : wf.dispatchInputs()) {
            String v = scenario.inputs.containsKey(i.name()) ? scenario.inputs.get(i.name()) : i.defaultValue();
            in.put(i.name(), typed(i.type(), v));
        }
        return in;
    }

    static GhValue typed(String type, String v) {
        switch (type) {
            case "boolean":
                return GhValue.of(v != null && v.strip().equalsIgnoreCase("true"));
            case "number":
                return v == null || v.isBlank() ? new GhValue.Num(0) : new GhValue.Num(GhValue.of(v).number());
            default:
                return GhValue.of(v == null ? "" : v);
        }
    }

    /** Every job of a workflow that is not created: {@code never}, with the trigger rule as reason. */
    void notCreated(Workflow wf, String prefix, String group, String reason) {
        for (WorkflowJob j : wf.jobs()) {
            String id = prefix + j.id();
            steps.add(step(j, id, group, Outcome.NEVER, 1, List.of(reason), needIds(j, prefix), false));
            addEdges(j, id, prefix);
            if (j.called() != null) {
                notCreated(j.called(), id + "/", id, reason);
            }
        }
    }

    /**
     * Plans {@code wf}'s jobs. {@code outer} are the planned results of the caller's ancestors (empty at
     * the top), {@code outerGate} the caller as planned when it waits at a human gate (null if it does not).
     */
    Map<String, Planned> plan(Workflow wf, String prefix, String group, GhValue.Obj inputs,
                              Ancestry outer, Planned outerGate) {
        Map<String, Planned> done = new LinkedHashMap<>();
        Map<String, Ancestry> chains = new HashMap<>();
        List<WorkflowJob> order = order(wf);
        Map<String, PlannedStep> byId = new LinkedHashMap<>();
        Map<String, List<PlannedStep>> children = new HashMap<>();
        for (WorkflowJob j : order) {
            String id = prefix + j.id();
            Map<String, Planned> needs = new LinkedHashMap<>();
            for (String n : j.needs()) {
                WorkflowJob need = wf.job(n);
                if (need != null && done.containsKey(need.id())) {
                    needs.put(need.id(), done.get(need.id()));
                }
            }
            Ancestry anc = Ancestry.of(needs, chains, outer);
            chains.put(j.id(), anc);
            int before = steps.size();
            Planned p = planJob(wf, j, id, prefix, group, inputs, done, anc, outerGate);
            done.put(j.id(), p);
            byId.put(j.id(), steps.get(before));
            children.put(j.id(), new ArrayList<>(steps.subList(before + 1, steps.size())));
            steps.subList(before, steps.size()).clear();
        }
        for (WorkflowJob j : wf.jobs()) {
            if (byId.containsKey(j.id())) {
                steps.add(byId.get(j.id()));
                steps.addAll(children.get(j.id()));
            }
        }
        return done;
    }

    /**
     * Jobs in an order where needs come first, ties by source order ({@link StepGraph}, the one ordering of
     * the project); jobs on a cycle, and those behind one, are left out.
     */
    private static List<WorkflowJob> order(Workflow wf) {
        Map<String, WorkflowJob> byId = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        for (WorkflowJob j : wf.jobs()) {
            byId.putIfAbsent(j.id(), j);
            for (String n : j.needs()) {
                WorkflowJob need = wf.job(n);
                if (need != null) {
                    links.add(new Link(need.id(), j.id()));
                }
            }
        }
        List<WorkflowJob> out = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        for (String id : new StepGraph(new ArrayList<>(byId.keySet()), links).topologicalOrder()) {
            WorkflowJob j = byId.get(id);
            boolean ready = true;
            for (String n : j.needs()) {
                WorkflowJob need = wf.job(n);
                ready &= need == null || placed.contains(need.id());
            }
            if (ready) {
                placed.add(id);
                out.add(j);
            }
        }
        return out;
    }

    private Planned planJob(Workflow wf, WorkflowJob j, String id, String prefix, String group, GhValue.Obj inputs,
                            Map<String, Planned> done, Ancestry anc, Planned outerGate) {
        List<String> reasons = new ArrayList<>();
        List<String> needIds = needIds(j, prefix);
        addEdges(j, id, prefix);
        GhValue.Obj needs = needsContext(wf, j, done, false);
        GhValue.Obj ctx = new GhValue.Obj().put("github", event.github).put("vars", vars).put("inputs", inputs)
                .put("needs", needs);
        if (j.condition() == null) {
            reasons.add("its if does not parse, so GitHub rejects the workflow");
            return finish(j, id, group, Outcome.NEVER, "failure", null, List.of(), reasons, needIds, null, wf, inputs,
                    done, anc);
        }
        boolean implicit = j.condition().text().startsWith("success() && (") || j.condition().text().equals("success()")
                && (j.ifWritten() == null || j.ifWritten().isBlank());
        GhExpression.Result ok;
        try {
            ok = j.condition().evaluate(ctx, status(anc, false));
        } catch (GhExpressionException e) {
            reasons.add("Error when evaluating 'if' for job '" + j.id() + "'. " + e.getMessage()
                    + " (assumed to fail the job)");
            return finish(j, id, group, Outcome.NEVER, "failure", null, List.of(), reasons, needIds, null, wf, inputs,
                    done, anc);
        }
        String unsuccessful = anc.whyNotSuccess();
        if (!ok.truthy()) {
            if (implicit && unsuccessful != null) {
                reasons.add("the implicit success() of its if is false: " + unsuccessful);
                if (ownConditionTrue(j, ctx)) {
                    skippedByAncestor.put(id, unsuccessful);
                }
                if (j.ifWritten() != null && !j.ifWritten().isBlank()) {
                    reasons.add("if: " + shown(j.ifWritten()) + " is not evaluated (GitHub adds success() && to an if "
                            + "without a status function)");
                }
            } else {
                reasons.add(ifReason(j, ok, "false"));
            }
            Outcome outcome = Outcome.SKIPPED;
            if (anc.anyRuns()) {
                GhValue.Obj failCtx = new GhValue.Obj().put("github", event.github).put("vars", vars)
                        .put("inputs", inputs).put("needs", needsContext(wf, j, done, true));
                try {
                    if (j.condition().evaluate(failCtx, status(anc, true)).truthy()) {
                        outcome = Outcome.ON_FAILURE;
                        whens.put(id, When.ON_FAILURE);
                        reasons.add("it runs only if a job before it fails (its if is true when "
                                + (j.needs().size() == 1 ? j.needs().get(0) : "one of " + String.join(", ", j.needs()))
                                + " fails)");
                    }
                } catch (GhExpressionException e) {
                    // stays skipped: the failure world cannot be judged either
                }
            }
            return finish(j, id, group, outcome, "skipped", null, List.of(), reasons, needIds, ctx, wf, inputs, done,
                    anc);
        }
        if (j.ifWritten() != null && !j.ifWritten().isBlank()) {
            reasons.add(ifReason(j, ok, "true"));
        }
        When when = runWhen(j, wf, done, inputs, anc);
        Outcome outcome = Outcome.RUNS;
        String result = "success";
        String gate = null;
        List<String> gateIds = List.of();
        String env = environmentName(j, ctx);
        if (env != null) {
            String spec = null;
            String declared = null;
            for (Map.Entry<String, String> e : scenario.environments.entrySet()) {
                if (e.getKey().equalsIgnoreCase(env)) {
                    spec = e.getValue();
                    declared = e.getKey();
                }
            }
            if (spec == null) {
                reasons.add("environment '" + env + "' has no protection rules in this scenario (declare them with "
                        + "--environment " + env + "=reviewers, wait:MINUTES or branches:PATTERNS)");
            } else {
                EnvironmentRules rules = EnvironmentRules.parse(spec);
                String refusal = rules.refusal(event);
                if (refusal != null) {
                    reasons.add("environment '" + env + "': " + refusal + "; GitHub fails the job before any step");
                    outcome = Outcome.NEVER;
                    result = "failure";
                } else if (rules.reviewers()) {
                    outcome = Outcome.BLOCKED;
                    gate = "job '" + id + "' (environment '" + env + "' needs a reviewer's approval)";
                    gateIds = List.of(id);
                    reasons.add("environment '" + env + "' requires a reviewer's approval (--environment " + declared
                            + "=" + spec + "): the job waits, and the jobs after it wait too"
                            + (rules.waitMinutes() > 0 ? "; then its wait timer of " + rules.waitMinutes() + " min runs" : ""));
                } else if (rules.waitMinutes() > 0) {
                    outcome = Outcome.DELAYED;
                    reasons.add("environment '" + env + "' has a wait timer of " + rules.waitMinutes()
                            + " min: the job starts when it ends, with no one acting");
                } else {
                    reasons.add("environment '" + env + "': " + rules.describe() + ", nothing holds the job");
                }
            }
        }
        Planned upstream = upstreamGate(j, done, outerGate, wf);
        List<String> behind = List.of();
        if (upstream != null && result.equals("success")) {
            behind = upstream.gateIds();
            if (outcome == Outcome.BLOCKED) {
                reasons.add("it is also behind " + upstream.gate());
            } else {
                outcome = Outcome.GATED;
                gate = upstream.gate();
                gateIds = upstream.gateIds();
                reasons.add("waits for " + upstream.gate());
            }
        }
        whens.put(id, when);
        gatesBefore.put(id, behind);
        return finish(j, id, group, outcome, result, gate, gateIds, reasons, needIds, ctx, wf, inputs, done, anc);
    }

    /**
     * How the job's {@code if} behaves at run time, for the runner, in the words of the plan's typed
     * {@code when}: {@code on_success} (true only when every ancestor succeeds: the implicit success()),
     * {@code not_cancelled} (also after a failure, not after a cancel: {@code !cancelled()}),
     * {@code always} (even after a cancel), {@code on_failure}. Judged by evaluating the {@code if} in the
     * world where its needs fail and in the world where the run is cancelled.
     */
    private When runWhen(WorkflowJob j, Workflow wf, Map<String, Planned> done, GhValue.Obj inputs,
                           Ancestry anc) {
        if (anc.empty()) {
            return When.ON_SUCCESS;
        }
        GhValue.Obj failCtx = new GhValue.Obj().put("github", event.github).put("vars", vars)
                .put("inputs", inputs).put("needs", needsContext(wf, j, done, true));
        try {
            boolean onFail = j.condition().evaluate(failCtx, status(anc, true)).truthy();
            if (!onFail) {
                return When.ON_SUCCESS;
            }
            boolean onCancel = j.condition().evaluate(failCtx, status(anc, false, true)).truthy();
            return onCancel ? When.ALWAYS : When.NOT_CANCELLED;
        } catch (GhExpressionException e) {
            return When.ON_SUCCESS;
        }
    }

    /** Whether the written condition alone (without the implicit success()) is true. */
    private static boolean ownConditionTrue(WorkflowJob j, GhValue.Obj ctx) {
        String text = j.condition().text();
        if (j.ifWritten() == null || j.ifWritten().isBlank() || !text.startsWith("success() && (")) {
            return false;
        }
        try {
            return GhExpression.parse(text.substring("success() && (".length(), text.length() - 1),
                    GhExpression.JOB_IF_CONTEXTS, dev.pipelens.github.expr.Functions.JOB_IF)
                    .evaluate(ctx, (n, a) -> GhValue.TRUE).truthy();
        } catch (GhExpressionException e) {
            return false;
        }
    }

    /** The first direct need that waits at a human gate, or the caller when the job needs nothing. */
    private static Planned upstreamGate(WorkflowJob j, Map<String, Planned> done, Planned outerGate, Workflow wf) {
        for (String n : j.needs()) {
            WorkflowJob need = wf.job(n);
            Planned p = need == null ? null : done.get(need.id());
            if (p != null && p.held() && p.result().equals("success")) {
                return p;
            }
        }
        return j.needs().isEmpty() ? outerGate : null;
    }

    private Planned finish(WorkflowJob j, String id, String group, Outcome outcome, String result, String gate,
                           List<String> gateIds, List<String> reasons, List<String> needIds, GhValue.Obj ctx, Workflow wf,
                           GhValue.Obj inputs, Map<String, Planned> done, Ancestry anc) {
        int jobs = 1;
        boolean runs = result.equals("success");
        if (j.matrix() != null && ctx != null) {
            Matrix.Result m = Matrix.expand(j.matrix(), ctx);
            if (m.error() != null) {
                diagnostics.add(Diagnostic.warning(dev.pipelens.github.GitHubCodes.MATRIX, m.error(), j.span()));
                reasons.add("matrix: " + m.error());
            } else if (m.dynamic() != null) {
                reasons.add("matrix: " + m.dynamic());
            } else {
                jobs = m.legs().size();
                if (jobs == 0) {
                    reasons.add("matrix: every combination is excluded, so no job is created");
                } else if (runs) {
                    reasons.add("matrix: " + jobs + " job" + (jobs == 1 ? "" : "s") + " (" + legsText(m.legs()) + ")");
                }
            }
        }
        boolean continueOnError = false;
        if (j.continueOnError() != null && ctx != null) {
            GhValue coe = templateValue(j.continueOnError(), ctx);
            if (coe != null && GhValue.truthy(coe)) {
                continueOnError = true;
                if (runs) {
                    reasons.add("continue-on-error: " + j.continueOnError() + " is true: a failure does not fail the run, "
                            + "and the jobs after it see success");
                }
            }
        }
        if (j.concurrency() != null && runs) {
            reasons.add("concurrency group: " + j.concurrency() + " (one running and one pending run of it at a time)");
        }
        StepType type = j.called() != null ? StepType.GROUP : StepType.JOB;
        if (j.uses() != null && j.called() == null) {
            reasons.add("calls " + j.uses() + ": a workflow not read here (its jobs are not shown)");
        }
        String label = group == null ? j.label() : group + " / " + j.label();
        if (ctx != null && Template.hasExpression(j.label()) && !j.label().contains("matrix.")) {
            GhValue name = templateValue(j.label(), ctx);
            if (name != null && !name.coerceString().isBlank()) {
                label = group == null ? name.coerceString() : group + " / " + name.coerceString();
            }
        }
        steps.add(step(j, id, label, group, outcome, jobs, reasons, needIds, continueOnError, type));
        if (j.called() == null) {
            return new Planned(outcome, result, gate, gateIds);
        }
        Workflow called = j.called();
        if (!runs) {
            String why = "its caller job '" + id + "' is " + outcome.id() + ", so the called workflow's jobs are too";
            for (WorkflowJob c : called.jobs()) {
                // every called job takes the caller's outcome
                steps.add(step(c, id + "/" + c.id(), id, outcome == Outcome.ON_FAILURE ? Outcome.ON_FAILURE
                        : outcome == Outcome.NEVER ? Outcome.NEVER : Outcome.SKIPPED, 1, List.of(why), needIds(c, id + "/"),
                        false));
                addEdges(c, id + "/" + c.id(), id + "/");
            }
            return new Planned(outcome, result, gate, gateIds);
        }
        GhValue.Obj callInputs = callInputs(called, j, ctx);
        Planned caller = new Planned(outcome, result, gate, gateIds);
        Map<String, Planned> inner = plan(called, id + "/", id, callInputs, anc, caller.held() ? caller : null);
        String rolled = "success";
        Planned innerGate = null;
        for (Planned p : inner.values()) {
            if (p.result().equals("failure")) {
                rolled = "failure";
            }
            if (p.held() && innerGate == null) {
                innerGate = p;
            }
        }
        Planned held = gate != null ? caller : innerGate;
        return held == null ? new Planned(outcome, rolled, null, List.of())
                : new Planned(outcome, rolled, held.gate(), held.gateIds());
    }

    private GhValue.Obj callInputs(Workflow called, WorkflowJob caller, GhValue.Obj ctx) {
        GhValue.Obj in = new GhValue.Obj();
        for (WorkflowInput i : called.callInputs()) {
            String given = null;
            for (Map.Entry<String, String> w : caller.with().entrySet()) {
                if (w.getKey().equalsIgnoreCase(i.name())) {
                    given = w.getValue();
                }
            }
            if (given == null) {
                in.put(i.name(), i.defaultValue() != null ? typed(i.type(), i.defaultValue()) : typed(i.type(), null));
                continue;
            }
            GhValue v = templateValue(given, ctx);
            in.put(i.name(), v instanceof GhValue.Str s ? typed(i.type(), s.value()) : v == null ? GhValue.NULL : v);
        }
        return in;
    }

    /** A value that may hold {@code ${{ }}}: the typed result of a whole-value expression, else text. */
    private static GhValue templateValue(String raw, GhValue.Obj ctx) {
        try {
            Template.Converted c = Template.convert(raw);
            if (!c.expression()) {
                return GhValue.of(c.text());
            }
            return GhExpression.parse(c.text(), Set.of("github", "needs", "vars", "inputs", "matrix", "strategy"), Map.of())
                    .evaluate(ctx, (n, a) -> GhValue.NULL).value();
        } catch (GhExpressionException e) {
            return null;
        }
    }

    private static String environmentName(WorkflowJob j, GhValue.Obj ctx) {
        if (j.environment() == null || j.environment().isBlank()) {
            return null;
        }
        GhValue v = templateValue(j.environment(), ctx);
        return v == null || v.coerceString().isBlank() ? null : v.coerceString();
    }

    private String ifReason(WorkflowJob j, GhExpression.Result r, String outcome) {
        String written = j.ifWritten() == null ? "success()" : j.ifWritten();
        StringBuilder sb = new StringBuilder("if: ").append(shown(written)).append(" is ").append(outcome);
        List<String> parts = new ArrayList<>();
        for (var read : r.reads()) {
            if (read.text().equals("success()") && !written.toLowerCase(Locale.ROOT).contains("success(")) {
                continue;
            }
            String part = read.text() + " = " + GhValue.show(read.value());
            if (read.text().toLowerCase(Locale.ROOT).startsWith("needs.") && read.text().contains(".outputs.")
                    && !scenario.outputs.containsKey(read.text())) {
                part += " (not known before the run; set " + read.text() + "=VALUE to choose)";
            }
            parts.add(part);
        }
        if (!parts.isEmpty()) {
            sb.append(" (").append(String.join(", ", parts)).append(")");
        }
        if (Template.hasExpression(written) && j.condition().text().contains("format('")) {
            sb.append("; the ${{ }} with text around it makes the condition a non-empty string, which is always true");
        }
        return sb.toString();
    }

    private static String shown(String written) {
        String one = written.strip().replaceAll("\\s*\\n\\s*", " ");
        return one.length() > 160 ? one.substring(0, 159) + "\u2026" : one;
    }

    /** The {@code needs} context: result and outputs of each direct need; {@code failing} marks running needs failed. */
    private GhValue.Obj needsContext(Workflow wf, WorkflowJob j, Map<String, Planned> done, boolean failing) {
        GhValue.Obj needs = new GhValue.Obj();
        for (String n : j.needs()) {
            WorkflowJob need = wf.job(n);
            Planned p = need == null ? null : done.get(need.id());
            if (p == null) {
                continue;
            }
            String result = failing && p.result().equals("success") ? "failure" : p.result();
            GhValue.Obj outputs = new GhValue.Obj();
            if (p.result().equals("success")) {
                for (String o : need.outputs()) {
                    String key = "needs." + need.id() + ".outputs." + o;
                    String supplied = null;
                    for (Map.Entry<String, String> e : scenario.outputs.entrySet()) {
                        if (e.getKey().equalsIgnoreCase(key)) {
                            supplied = e.getValue();
                        }
                    }
                    outputs.put(o, GhValue.of(supplied == null ? "" : supplied));
                }
            }
            needs.put(need.id(), new GhValue.Obj().put("result", GhValue.of(result)).put("outputs", outputs));
        }
        return needs;
    }

    /** Status functions at job level (spec 3.7.3) over the planned ancestors; {@code failing}: the failure world. */
    private static dev.pipelens.github.expr.Evaluator.Host status(Ancestry anc, boolean failing) {
        return status(anc, failing, false);
    }

    /** {@code cancelling}: the world where the run was cancelled ({@code cancelled()} true, nothing succeeded). */
    private static dev.pipelens.github.expr.Evaluator.Host status(Ancestry anc, boolean failing, boolean cancelling) {
        return (name, args) -> {
            if (cancelling) {
                return GhValue.of(name.equals("always") || name.equals("cancelled"));
            }
            switch (name) {
                case "always":
                    return GhValue.TRUE;
                case "cancelled":
                    return GhValue.FALSE;
                case "success":
                case "failure": {
                    boolean success = name.equals("success");
                    if (failing) {
                        return GhValue.of(!success);
                    }
                    if (args.isEmpty()) {
                        return GhValue.of(success ? anc.allOk() : anc.anyFail());
                    }
                    Map<String, Planned> all = anc.all().get();
                    boolean allOk = true;
                    boolean anyFail = false;
                    for (GhValue a : args) {
                        for (Map.Entry<String, Planned> e : all.entrySet()) {
                            if (e.getKey().equalsIgnoreCase(a.coerceString())) {
                                allOk &= e.getValue().result().equals("success");
                                anyFail |= e.getValue().result().equals("failure");
                            }
                        }
                    }
                    return GhValue.of(success ? allOk : anyFail);
                }
                default:
                    return GhValue.NULL;
            }
        };
    }

    private static String legsText(List<Map<String, GhValue>> legs) {
        List<String> out = new ArrayList<>();
        for (Map<String, GhValue> leg : legs) {
            List<String> kv = new ArrayList<>();
            leg.forEach((k, v) -> kv.add(k + "=" + (v instanceof GhValue.Str s ? s.value() : GhValue.show(v))));
            out.add("{" + String.join(", ", kv) + "}");
            if (out.size() == 6 && legs.size() > 6) {
                out.add("\u2026");
                break;
            }
        }
        return String.join(" ", out);
    }

    private static List<String> needIds(WorkflowJob j, String prefix) {
        List<String> out = new ArrayList<>();
        for (String n : j.needs()) {
            out.add(prefix + n);
        }
        return out;
    }

    private void addEdges(WorkflowJob j, String id, String prefix) {
        for (String n : j.needs()) {
            edges.add(new PlanEdge(prefix + n, id, EdgeKind.EXPLICIT, false));
        }
    }

    /** A job not planned on its own (the run is not created, or its caller does not run). */
    private PlannedStep step(WorkflowJob j, String id, String group, Outcome outcome, int jobs, List<String> reasons,
                             List<String> needIds, boolean continueOnError) {
        return step(j, id, group == null ? j.label() : group + " / " + j.label(), group, outcome, jobs, reasons,
                needIds, continueOnError, j.called() != null ? StepType.GROUP : StepType.JOB);
    }

    /**
     * The plan's step: the reasons as plain sentences (a GitHub job is never held back by a missing or
     * cyclic need, since GitHub rejects such a workflow as a whole), its typed {@code when} as computed
     * by {@link #runWhen} (null where the job was not planned on its own), the gates before it, and
     * {@code continue-on-error} as a soft-fail of any failure.
     */
    private PlannedStep step(WorkflowJob j, String id, String label, String group, Outcome outcome, int jobs,
                             List<String> reasons, List<String> needIds, boolean continueOnError, StepType type) {
        List<Reason> why = new ArrayList<>(reasons.size());
        for (String r : reasons) {
            why.add(Reason.of(r));
        }
        RunSettings run = continueOnError ? new RunSettings(SoftFail.ALL, false, false, false, false, null, List.of(),
                List.of(), null, List.of(), null) : RunSettings.NONE;
        return new PlannedStep(id, j.id(), label, type, group, outcome, jobs, why, needIds,
                gatesBefore.getOrDefault(id, List.of()), j.span(), j.ifWritten(), whens.get(id), run, null);
    }
}
