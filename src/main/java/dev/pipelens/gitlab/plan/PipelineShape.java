package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabNeed;
import dev.pipelens.graph.Link;
import dev.pipelens.graph.StepGraph;
import dev.pipelens.model.StepType;
import dev.pipelens.model.When;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.JobFields;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.Reason;
import dev.pipelens.plan.RunSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape and outcomes of a created pipeline (spec 4, 6.2-6.3), assuming every job that starts succeeds.
 * <ul>
 *   <li>Pipeline not created: no job created; only {@code .pre}/{@code .post} jobs; a {@code needs} on a job
 *       that is not created (unless {@code optional}); a {@code needs} cycle.</li>
 *   <li>Edges: a job with {@code needs} waits for its created needs (EXPLICIT); any other job waits for the
 *       jobs of the previous stage that has created jobs (IMPLICIT; transitively, all earlier stages).</li>
 *   <li>Outcomes: {@code on_success}/{@code always} = runs; {@code manual} with {@code allow_failure: false} =
 *       blocked, with true = manual; {@code delayed} = delayed; {@code on_failure} = on-failure. A
 *       stage-scheduled job after a blocked or gated job of an earlier stage is gated (even {@code always});
 *       a {@code needs} job is gated when a need is blocked, gated or an unplayed optional manual job (GitLab
 *       skips it until that job is played), and never runs when a need only runs on failure.</li>
 * </ul>
 * Linear in jobs plus edges (stage edges are kept to the previous non-empty stage).
 */
final class PipelineShape {

    /** The pipeline-level answer and one step per job in source order. */
    record Result(boolean created, List<String> reasons, List<PlannedStep> steps, List<PlanEdge> edges) {
    }

    private final List<JobDecision> decisions;
    private final List<String> stages;

    PipelineShape(List<JobDecision> decisions, List<String> stages) {
        this.decisions = decisions;
        this.stages = stages;
    }

    Result compute() {
        Map<String, JobDecision> included = new LinkedHashMap<>();
        for (JobDecision d : decisions) {
            if (d.included()) {
                included.put(d.job().name(), d);
            }
        }
        if (included.isEmpty()) {
            return notCreated(List.of("Pipeline will not run for the selected trigger. The rules configuration "
                    + "prevented any jobs from being added to the pipeline."));
        }
        boolean onlyEdges = included.values().stream().allMatch(d -> d.job().stage().equals(".pre")
                || d.job().stage().equals(".post"));
        if (onlyEdges) {
            return notCreated(List.of("only .pre/.post stage jobs would be created ("
                    + String.join(", ", included.keySet()) + "); such a pipeline does not run"));
        }
        Map<String, List<String>> optionalDropped = new HashMap<>();
        List<String> needErrors = new ArrayList<>();
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (JobDecision d : included.values()) {
            if (d.needs() == null) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (GitLabNeed n : d.needs()) {
                if (included.containsKey(n.job())) {
                    if (!targets.contains(n.job())) {
                        targets.add(n.job());
                    }
                } else if (n.optional()) {
                    optionalDropped.computeIfAbsent(d.job().name(), k -> new ArrayList<>()).add(n.job());
                } else {
                    needErrors.add("'" + d.job().name() + "' job needs '" + n.job() + "' job, but '" + n.job()
                            + "' does not exist in the pipeline. This might be because of the only, except, or rules "
                            + "keywords. To need a job that sometimes does not exist in the pipeline, use needs:optional.");
                }
            }
            deps.put(d.job().name(), targets);
        }
        if (!needErrors.isEmpty()) {
            return notCreated(needErrors);
        }
        List<JobDecision> order = order(included, deps);
        if (order == null) {
            return notCreated(List.of("The pipeline has circular dependencies: " + cycleText(included, deps)));
        }
        // stage edges: previous non-empty stage
        Map<Integer, List<String>> byStage = new java.util.TreeMap<>();
        for (JobDecision d : included.values()) {
            byStage.computeIfAbsent(d.job().stageIndex(), k -> new ArrayList<>()).add(d.job().name());
        }
        List<String> previous = List.of();
        Map<Integer, List<String>> previousOf = new HashMap<>();
        for (Map.Entry<Integer, List<String>> e : byStage.entrySet()) {
            previousOf.put(e.getKey(), previous);
            previous = e.getValue();
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        Map<String, List<String>> shapeReasons = new HashMap<>();
        Map<String, List<String>> dependsOn = new HashMap<>();
        Map<String, List<String>> gatesOf = new HashMap<>();
        // first blocking (and delayed) job of all earlier stages; order is sorted by stage
        String blockerSoFar = null;
        String delayedSoFar = null;
        int folded = 0;
        for (JobDecision d : order) {
            int stage = d.job().stageIndex();
            while (order.get(folded).job().stageIndex() < stage) {
                Outcome o = outcomes.get(order.get(folded++).job().name());
                String name = order.get(folded - 1).job().name();
                if (blockerSoFar == null && (o == Outcome.BLOCKED || o == Outcome.GATED)) {
                    blockerSoFar = name;
                }
                if (delayedSoFar == null && o == Outcome.DELAYED) {
                    delayedSoFar = name;
                }
            }
            List<String> reasons = new ArrayList<>();
            Outcome base = base(d, reasons);
            Outcome outcome = base;
            List<String> waits;
            if (d.needs() != null) {
                waits = deps.get(d.job().name());
                List<String> dropped = optionalDropped.get(d.job().name());
                if (dropped != null) {
                    reasons.add("optional needs not in this pipeline, ignored: " + String.join(", ", dropped));
                }
                reasons.add(waits.isEmpty() ? "needs nothing in this pipeline: starts as soon as the pipeline is created"
                        : "needs " + String.join(", ", waits) + " (ignores stage order)");
                outcome = dagOutcome(d, base, waits, outcomes, reasons);
                if (outcome != Outcome.NEVER) {
                    for (String n : waits) {
                        if (isGate(outcomes.get(n))) {
                            gatesOf.put(d.job().name(), gatesThrough(n, outcomes, gatesOf));
                            break;
                        }
                    }
                }
            } else {
                waits = previousOf.get(stage);
                outcome = stageOutcome(base, blockerSoFar, delayedSoFar, reasons);
                if (blockerSoFar != null && isGate(outcome)) {
                    gatesOf.put(d.job().name(), gatesThrough(blockerSoFar, outcomes, gatesOf));
                }
            }
            outcomes.put(d.job().name(), outcome);
            shapeReasons.put(d.job().name(), reasons);
            dependsOn.put(d.job().name(), waits);
        }
        List<PlannedStep> steps = new ArrayList<>();
        List<PlanEdge> edges = new ArrayList<>();
        for (JobDecision d : decisions) {
            String name = d.job().name();
            List<Reason> reasons = new ArrayList<>();
            reasons.add(stage(d));
            addAll(reasons, d.reasons());
            if (!d.included()) {
                steps.add(step(d, Outcome.SKIPPED, reasons, List.of()));
                continue;
            }
            addAll(reasons, shapeReasons.get(name));
            List<String> waits = dependsOn.get(name);
            steps.add(step(d, outcomes.get(name), reasons, waits, gatesOf.getOrDefault(name, List.of())));
            EdgeKind kind = d.needs() != null ? EdgeKind.EXPLICIT : EdgeKind.IMPLICIT;
            for (String from : waits) {
                edges.add(new PlanEdge(from, name, kind, included.get(from).allowFailure()));
            }
        }
        return new Result(true, List.of(), steps, edges);
    }

    /** The outcome a job's own {@code when}/{@code allow_failure} gives. */
    private static Outcome base(JobDecision d, List<String> reasons) {
        switch (d.when() == null ? When.ON_SUCCESS : d.when()) {
            case MANUAL:
                if (d.allowFailure()) {
                    reasons.add("when: manual, allow_failure: true: optional manual job, holds nothing back");
                    return Outcome.MANUAL;
                }
                reasons.add("when: manual, allow_failure: false: blocking manual job; the pipeline waits for someone to run it");
                return Outcome.BLOCKED;
            case DELAYED:
                reasons.add("when: delayed: starts after its timer" + (d.job().startIn() != null
                        ? " (start_in " + d.job().startIn() + ")" : ""));
                return Outcome.DELAYED;
            case ON_FAILURE:
                reasons.add("when: on_failure: runs only if an earlier job fails");
                return Outcome.ON_FAILURE;
            case ALWAYS:
                reasons.add("when: always: runs whatever the earlier jobs' status");
                return Outcome.RUNS;
            default:
                return Outcome.RUNS;
        }
    }

    private static Outcome stageOutcome(Outcome base, String blocker, String delayed, List<String> reasons) {
        if (blocker != null) {
            if (base == Outcome.RUNS || base == Outcome.DELAYED) {
                reasons.add("waits for " + blocker + " in an earlier stage: gated until someone acts on it");
                return Outcome.GATED;
            }
            if (base == Outcome.BLOCKED || base == Outcome.MANUAL) {
                reasons.add("also waits for " + blocker + " in an earlier stage");
            }
            return base;
        }
        if (delayed != null && base == Outcome.RUNS) {
            reasons.add("starts after the delayed job " + delayed + " of an earlier stage");
        }
        return base;
    }

    private static Outcome dagOutcome(JobDecision d, Outcome base, List<String> needs, Map<String, Outcome> outcomes,
                                      List<String> reasons) {
        boolean successPath = d.when() != When.ON_FAILURE && d.when() != When.ALWAYS;
        for (String n : needs) {
            Outcome o = outcomes.get(n);
            if ((o == Outcome.ON_FAILURE || o == Outcome.NEVER) && successPath) {
                reasons.add("needs " + n + ", which is skipped when everything succeeds; GitLab then skips this job");
                return Outcome.NEVER;
            }
        }
        for (String n : needs) {
            Outcome o = outcomes.get(n);
            String why = null;
            if (o == Outcome.BLOCKED || o == Outcome.GATED) {
                why = "needs " + n + ", which waits for someone to act";
            } else if (o == Outcome.MANUAL) {
                why = "needs the optional manual job " + n + "; GitLab skips this job until " + n + " is run";
            }
            if (why != null) {
                if (base == Outcome.RUNS || base == Outcome.DELAYED) {
                    reasons.add(why + ": gated");
                    return Outcome.GATED;
                }
                reasons.add(why);
                return base;
            }
        }
        return base;
    }

    /** Included jobs by stage, then by same-stage needs ({@link StepGraph}: source order breaks ties); null on a cycle. */
    private static List<JobDecision> order(Map<String, JobDecision> included, Map<String, List<String>> deps) {
        List<JobDecision> sorted = new ArrayList<>(included.values());
        sorted.sort((a, b) -> Integer.compare(a.job().stageIndex(), b.job().stageIndex()));
        List<JobDecision> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int stage = sorted.get(i).job().stageIndex();
            List<JobDecision> group = new ArrayList<>();
            while (i < sorted.size() && sorted.get(i).job().stageIndex() == stage) {
                group.add(sorted.get(i++));
            }
            List<String> ids = new ArrayList<>(group.size());
            Map<String, JobDecision> byName = new HashMap<>();
            List<Link> links = new ArrayList<>();
            for (JobDecision d : group) {
                ids.add(d.job().name());
                byName.put(d.job().name(), d);
                for (String n : deps.getOrDefault(d.job().name(), List.of())) {
                    if (included.get(n).job().stageIndex() == stage) {
                        links.add(new Link(n, d.job().name()));
                    }
                }
            }
            StepGraph graph = new StepGraph(ids, links);
            if (!graph.cycles().isEmpty()) {
                return null;
            }
            for (String id : graph.topologicalOrder()) {
                out.add(byName.get(id));
            }
        }
        return out;
    }

    private static String cycleText(Map<String, JobDecision> included, Map<String, List<String>> deps) {
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : deps.entrySet()) {
            for (String n : e.getValue()) {
                if (included.get(n).job().stageIndex() == included.get(e.getKey()).job().stageIndex()) {
                    members.add(e.getKey() + " -> " + n);
                }
            }
        }
        return String.join(", ", members);
    }

    Result notCreated(List<String> why) {
        List<PlannedStep> steps = new ArrayList<>();
        for (JobDecision d : decisions) {
            List<Reason> reasons = new ArrayList<>();
            reasons.add(Reason.of("pipeline not created: " + why.get(0)));
            reasons.add(stage(d));
            addAll(reasons, d.reasons());
            steps.add(step(d, Outcome.SKIPPED, reasons, List.of()));
        }
        return new Result(false, why, steps, List.of());
    }

    /** Whether a job with this outcome waits for a person (itself, or through a job before it). */
    private static boolean isGate(Outcome o) {
        return o == Outcome.BLOCKED || o == Outcome.GATED || o == Outcome.MANUAL;
    }

    /** The manual jobs someone must play before {@code job}'s dependants start: itself, or what gates it. */
    private static List<String> gatesThrough(String job, Map<String, Outcome> outcomes, Map<String, List<String>> gatesOf) {
        return outcomes.get(job) == Outcome.GATED ? gatesOf.getOrDefault(job, List.of()) : List.of(job);
    }

    static PlannedStep step(JobDecision d, Outcome outcome, List<Reason> reasons, List<String> dependsOn) {
        return step(d, outcome, reasons, dependsOn, List.of());
    }

    static PlannedStep step(JobDecision d, Outcome outcome, List<Reason> reasons, List<String> dependsOn,
                            List<String> gates) {
        GitLabJob job = d.job();
        return new PlannedStep(job.name(), job.name(), job.name(), job.trigger() ? StepType.TRIGGER : StepType.JOB,
                null, outcome, d.jobs(), reasons, dependsOn, gates, job.span(), d.condition(),
                d.when() == null ? When.ON_SUCCESS : d.when(), RunSettings.allowFailure(d.allowFailure(), d.exitCodes()),
                fields(d));
    }

    /** The job's stage, said first for orientation (not a cause: the runner skips it when explaining). */
    private static Reason stage(JobDecision d) {
        return new Reason(Reason.Kind.STAGE, "stage " + d.job().stage());
    }

    private static void addAll(List<Reason> to, List<String> texts) {
        for (String t : texts) {
            to.add(Reason.of(t));
        }
    }

    private static JobFields fields(JobDecision d) {
        List<JobFields.Need> needs = null;
        if (d.needs() != null) {
            needs = new ArrayList<>();
            for (GitLabNeed n : d.needs()) {
                needs.add(new JobFields.Need(n.job(), n.optional(), n.artifacts()));
            }
        }
        return new JobFields(d.job().stage(), needs);
    }
}
