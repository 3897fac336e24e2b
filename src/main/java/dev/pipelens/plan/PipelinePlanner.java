package dev.pipelens.plan;

import dev.pipelens.expr.Evaluation;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.Scenario;

import java.util.List;
import java.util.Optional;

/**
 * One loaded pipeline file, ready to answer what-if questions. Loading (reading, YAML, structural
 * checks) happens once; {@link #plan(Scenario)} is then cheap enough to call on every variable toggle.
 * Implementations are immutable and thread-safe.
 */
public interface PipelinePlanner {

    /** The CI system this file was read as. */
    CiSystem system();

    /** The file name as given by the user. */
    String file();

    /** The full plan for one scenario. Never throws for bad input: problems are in the plan's diagnostics. */
    Plan plan(Scenario scenario);

    /**
     * The one-click scenarios of this file's CI system ({@code defaultBranch} blank: {@code main}): what
     * {@code --scenarios auto} starts from and the window's preset buttons offer.
     */
    List<NamedScenario> presets(String defaultBranch);

    /**
     * The value of every sub-expression of step {@code stepId}'s condition in {@code scenario}, evaluated
     * exactly as {@link #plan} does (for the window's "why" panel). Empty when the step has no condition,
     * the condition does not compile, or the system does not trace its conditions.
     */
    default Optional<Evaluation> explain(String stepId, Scenario scenario) {
        return Optional.empty();
    }

    /**
     * The pipeline as written and interpolated for {@code scenario}, whose step ids match the plan's, for
     * running it; null when the system has no such model.
     */
    default Pipeline pipeline(Scenario scenario) {
        return null;
    }

    /** Every variable the file's conditions read, with the literals they are compared to. */
    List<VariableInfo> variables();

    /** Problems found while loading, independent of any scenario (YAML errors, unknown keys...). */
    List<Diagnostic> loadDiagnostics();

    /**
     * Scenario-independent warnings about likely mistakes (a gate bypassed by an explicit dependency, a
     * setting that can have no effect, an input step that holds nothing back...), each with a code, a
     * location and a one-line fix. Computed once per loaded file.
     */
    default List<Diagnostic> lint() {
        return List.of();
    }

    /**
     * Scenarios built from the file's conditions, for scenario discovery: for each condition, values that make
     * each way of it true (and false), mapped onto the system's build facts (branch, tag, source, message,
     * pull/merge request) and variables, on top of {@code base}. Deterministic; may be empty.
     */
    default List<NamedScenario> witnessScenarios(dev.pipelens.model.Scenario base) {
        return List.of();
    }

    /**
     * The columns this CI system draws {@code plan}'s steps in (GitLab: one per stage that has jobs, in stage
     * order), or an empty list when it draws none (Buildkite). Every step of the plan is in exactly one lane
     * when the list is not empty. Drawings use it; planning does not.
     */
    default List<Lane> lanes(Plan plan) {
        return List.of();
    }

    /**
     * For scenario discovery: a scenario on top of {@code base} in which the build fact behind
     * {@code variable} (a non-environment variable such as the branch or the tag) has the value {@code sample},
     * named for a person ("push to main", "tag v1.2.0"); empty when the system does not try that fact.
     */
    default java.util.Optional<NamedScenario> factScenario(String variable, String sample,
                                                           dev.pipelens.model.Scenario base) {
        return java.util.Optional.empty();
    }

    /**
     * {@code base} with the variables set to the values (null: unset), as this system maps them onto its build
     * facts ({@code build.branch} or {@code CI_COMMIT_BRANCH} is the branch, and so on).
     */
    default dev.pipelens.model.Scenario withValues(dev.pipelens.model.Scenario base, java.util.Map<String, String> values) {
        dev.pipelens.model.Scenario s = base;
        for (java.util.Map.Entry<String, String> e : values.entrySet()) {
            s = s.withVariable(e.getKey(), e.getValue());
        }
        return s;
    }

    /**
     * Everything {@code pipelens lint} reports, in line order: the problems of reading and planning the file in
     * the default scenario and {@link #lint()}, each once, with the severity a reviewer should read it with
     * ({@code error} only for what the CI system rejects).
     */
    default List<Diagnostic> review() {
        return review(plan(dev.pipelens.model.Scenario.defaults()).diagnostics());
    }

    /**
     * {@link #review()} with the problems of a plan the caller already made (the window's scenario), so the
     * window's Problems panel reads as {@code pipelens lint} does. Systems that adjust severities for lint
     * override this one.
     */
    default List<Diagnostic> review(List<Diagnostic> planDiagnostics) {
        java.util.Set<Diagnostic> all = new java.util.LinkedHashSet<>(planDiagnostics);
        all.addAll(lint());
        List<Diagnostic> out = new java.util.ArrayList<>(all);
        out.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        return out;
    }

    /**
     * Whether there is nothing to plan: the file could not be read, or is not YAML at all (exit code 2
     * with no plan). A file with located problems but a document (a refused tag, an unknown step type)
     * is not unusable: the rest of the pipeline still plans and shows.
     */
    boolean unusable();
}
