package dev.pipelens.plan;

import dev.pipelens.model.SourceSpan;
import dev.pipelens.model.StepType;
import dev.pipelens.model.When;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step of a {@link Plan}: identity, outcome, the typed reasons for it, what it waits for and how it
 * behaves when run. Everything downstream (simulation, window, commands, exporters) reads steps only
 * through this record, never through a system's own classes or the reasons' words.
 *
 * @param id        stable id (key, or generated)
 * @param key       the key as written, or null
 * @param label     the label to show
 * @param type      the step type
 * @param group     the id of the enclosing group, or null
 * @param outcome   the static outcome
 * @param jobs      how many jobs the step creates (matrix, parallelism)
 * @param why       the reasons, each a kind and a human sentence naming the rule, the condition text and
 *                  the values it read ({@link #reasons()} gives the sentences)
 * @param dependsOn ids this step waits for in the effective graph (explicit and implicit), source order
 * @param gates     ids of the gates (block/input steps, blocking manual jobs) a person must act on before
 *                  this step starts, where the planner computes them; empty otherwise
 * @param span      where the step is written
 * @param condition the condition text, or null (for the window's "why" panel)
 * @param when      the job's effective {@code when} after rules (GitLab); null for systems without one
 * @param run       how the step behaves when run (soft_fail, continue_on_failure, allow_failure, fields,
 *                  commands; GitLab's {@code allow_failure: exit_codes:} among them)
 * @param job       the job's place in a staged pipeline (stage, needs), for systems that have one (GitLab);
 *                  null otherwise
 */
public record PlannedStep(String id, String key, String label, StepType type, String group, Outcome outcome,
                          int jobs, List<Reason> why, List<String> dependsOn, List<String> gates, SourceSpan span,
                          String condition, When when, RunSettings run, JobFields job) {

    public PlannedStep {
        why = List.copyOf(why);
        dependsOn = List.copyOf(dependsOn);
        gates = List.copyOf(gates);
        span = span == null ? SourceSpan.NONE : span;
        run = run == null ? RunSettings.NONE : run;
    }

    /** A step with plain reasons and no run settings (hand-made plans, tests). */
    public PlannedStep(String id, String key, String label, StepType type, String group, Outcome outcome,
                       int jobs, List<String> reasons, List<String> dependsOn, SourceSpan span, String condition) {
        this(id, key, label, type, group, outcome, jobs, general(reasons), dependsOn, List.of(), span, condition,
                null, RunSettings.NONE, null);
    }

    /** The reasons' sentences, in order: what every output shows. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>(why.size());
        for (Reason r : why) {
            out.add(r.text());
        }
        return Collections.unmodifiableList(out);
    }

    /** GitLab's effective {@code allow_failure}; null for systems without one. */
    public Boolean allowFailure() {
        return run.allowFailure();
    }

    private static List<Reason> general(List<String> texts) {
        List<Reason> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(Reason.of(t));
        }
        return out;
    }
}
