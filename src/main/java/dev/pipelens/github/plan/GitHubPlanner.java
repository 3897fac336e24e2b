package dev.pipelens.github.plan;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.pipelens.github.Workflow;
import dev.pipelens.github.WorkflowInput;
import dev.pipelens.github.WorkflowJob;
import dev.pipelens.github.WorkflowReader;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.VariableInfo;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A GitHub Actions workflow ready for what-if questions. Loading reads the file once (and the local
 * reusable workflows it calls); {@link #plan(Scenario)} decides whether a run is created
 * ({@link RunCreation}) and plans every job ({@link JobPlanning}). Immutable and thread-safe.
 */
public final class GitHubPlanner implements PipelinePlanner {

    private static final Pattern VARS = Pattern.compile("(?i)\\bvars\\.([A-Za-z_][A-Za-z0-9_]*)(?:\\s*(?:==|!=)\\s*'([^']*)')?");
    private static final Pattern OUTPUTS = Pattern.compile(
            "(?i)\\bneeds\\.([A-Za-z_][A-Za-z0-9_-]*)\\.outputs\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\s*(?:==|!=)\\s*'([^']*)')?");

    private final String file;
    private final YamlDocument doc;
    private final Workflow workflow;
    private final List<VariableInfo> variables;
    private volatile List<Diagnostic> lint;

    private GitHubPlanner(String file, YamlDocument doc, Workflow workflow) {
        this.file = file;
        this.doc = doc;
        this.workflow = workflow;
        this.variables = List.copyOf(collectVariables(workflow));
    }

    /** Reads a loaded document; {@code path} locates called workflows ({@code uses: ./...}). */
    public static GitHubPlanner load(String label, YamlDocument doc, Path path) {
        return load(label, doc, path, null);
    }

    /** As {@link #load(String, YamlDocument, Path)}; called workflows must stay inside {@code bound} (may be null). */
    public static GitHubPlanner load(String label, YamlDocument doc, Path path, ProjectRoot bound) {
        return new GitHubPlanner(label, doc, WorkflowReader.read(doc, path, YamlLimits.DEFAULT, bound));
    }

    /** The workflow as read. */
    public Workflow workflow() {
        return workflow;
    }

    @Override
    public CiSystem system() {
        return CiSystem.GITHUB;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public Plan plan(Scenario scenario) {
        return plan(scenario, null);
    }

    /** Plans; {@code skippedByAncestor} (may be null) receives the jobs skipped only by an ancestor. */
    Plan plan(Scenario scenario, Map<String, String> skippedByAncestor) {
        Scenario s = scenario == null ? Scenario.defaults() : scenario;
        GitHubScenario gs = new GitHubScenario(s);
        EventContext ctx = new EventContext(gs, workflow.dispatchInputs());
        List<Diagnostic> diagnostics = new ArrayList<>(workflow.diagnostics());
        if (gs.eventError != null) {
            diagnostics.add(Diagnostic.warning("gh-event-payload", gs.eventError, null));
        }
        JobPlanning planning = new JobPlanning(gs, ctx);
        boolean created;
        List<String> reasons = new ArrayList<>();
        if (doc.root() == null) {
            created = false;
            reasons.add("the file could not be read as YAML");
        } else if (workflow.invalid()) {
            created = false;
            Diagnostic first = workflow.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
            reasons.add("GitHub rejects the workflow, so no run is created: " + first.message() + " (" + first.span() + ")");
        } else {
            RunCreation.Decision d = RunCreation.decide(workflow, gs, ctx);
            created = d.created();
            reasons.addAll(d.reasons());
            if (created && workflow.concurrency() != null) {
                reasons.add("concurrency group: " + workflow.concurrency() + " (at most one running and one pending "
                        + "run of the group; a newer pending run replaces the older)");
            }
        }
        if (created) {
            planning.plan(workflow, "", null, planning.topInputs(workflow), Ancestry.NONE, null);
        } else {
            planning.notCreated(workflow, "", null, "no run is created: " + (reasons.isEmpty() ? "" : reasons.get(reasons.size() - 1)));
        }
        diagnostics.addAll(planning.diagnostics);
        if (skippedByAncestor != null) {
            skippedByAncestor.putAll(planning.skippedByAncestor);
        }
        return new Plan(file, CiSystem.GITHUB, s, created, reasons, planning.steps, planning.edges, diagnostics);
    }

    /** The presets of every workflow, plus a dispatch per input value that differs from its default. */
    @Override
    public List<NamedScenario> presets(String defaultBranch) {
        return GitHubPresets.forWorkflow(workflow, defaultBranch);
    }

    @Override
    public List<VariableInfo> variables() {
        return variables;
    }

    @Override
    public List<Diagnostic> loadDiagnostics() {
        return workflow.diagnostics();
    }

    @Override
    public List<Diagnostic> lint() {
        List<Diagnostic> l = lint;
        if (l == null) {
            l = List.copyOf(GitHubLint.check(this));
            lint = l;
        }
        return l;
    }

    @Override
    public boolean unusable() {
        return doc.root() == null;
    }

    /**
     * The what-if panel's variables: each dispatch (or call) input as {@code inputs.NAME}, each environment
     * the workflow names as {@code environment.NAME} (a switch: protected by reviewers or not), every
     * configuration variable a job {@code if} reads, and job outputs that conditions compare.
     */
    private static List<VariableInfo> collectVariables(Workflow wf) {
        Map<String, VariableInfo> out = new LinkedHashMap<>();
        List<WorkflowInput> inputs = new ArrayList<>(wf.dispatchInputs());
        if (inputs.isEmpty()) {
            inputs.addAll(wf.callInputs());
        }
        for (WorkflowInput i : inputs) {
            List<String> values = new ArrayList<>();
            if (i.type().equals("boolean")) {
                values.add("true");
                values.add("false");
            } else if (!i.options().isEmpty()) {
                values.addAll(i.options());
            } else if (i.defaultValue() != null) {
                values.add(i.defaultValue());
            }
            out.put("inputs." + i.name(), new VariableInfo(GitHubScenario.INPUT_PREFIX + i.name(), "input", values,
                    List.of("workflow_dispatch")));
        }
        collectJobs(wf, "", out);
        return new ArrayList<>(out.values());
    }

    private static void collectJobs(Workflow wf, String prefix, Map<String, VariableInfo> out) {
        for (WorkflowJob j : wf.jobs()) {
            String id = prefix + j.id();
            if (j.environment() != null && !j.environment().contains("${{")) {
                add(out, GitHubScenario.ENVIRONMENT_PREFIX + j.environment(), "environment", "reviewers", id);
            }
            String text = j.ifWritten() == null ? "" : j.ifWritten();
            Matcher m = VARS.matcher(text);
            while (m.find()) {
                add(out, m.group(1), "vars", m.group(2), id);
            }
            Matcher o = OUTPUTS.matcher(text);
            while (o.find()) {
                add(out, "needs." + o.group(1) + ".outputs." + o.group(2), "output", o.group(3), id);
            }
            if (j.called() != null) {
                collectJobs(j.called(), id + "/", out);
            }
        }
    }

    private static void add(Map<String, VariableInfo> out, String name, String kind, String value, String usedBy) {
        VariableInfo old = out.get(name);
        Set<String> values = new LinkedHashSet<>(old == null ? List.of() : old.values());
        Set<String> users = new LinkedHashSet<>(old == null ? List.of() : old.usedBy());
        if (value != null) {
            values.add(value);
        }
        users.add(usedBy);
        out.put(name, new VariableInfo(name, kind, new ArrayList<>(values), new ArrayList<>(users)));
    }
}
