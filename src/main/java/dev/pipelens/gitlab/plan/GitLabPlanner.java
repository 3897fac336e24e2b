package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.gitlab.FileFacts;
import dev.pipelens.gitlab.GitLabConfig;
import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabLoader;
import dev.pipelens.gitlab.GitLabPredefinedVariables;
import dev.pipelens.gitlab.GitLabRule;
import dev.pipelens.gitlab.GitLabVariable;
import dev.pipelens.gitlab.IncludeCondition;
import dev.pipelens.gitlab.RefPolicy;
import dev.pipelens.gitlab.RuleMatcher;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.VariableInfo;
import dev.pipelens.yaml.YamlDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a GitLab CI file for a scenario (spec/gitlab-semantics.md). {@link #load} does all the work that does
 * not depend on the scenario (includes, extends, references, expression parsing); {@link #plan(Scenario)}
 * maps the scenario to predefined variables, evaluates {@code workflow:rules}, each job's rules or
 * only/except, checks needs and computes the shape. Immutable and thread-safe.
 */
public final class GitLabPlanner implements PipelinePlanner {

    private final String file;
    private final GitLabLoader loader;
    private final List<VariableInfo> variables;

    private final boolean noDocument;

    @Override
    public boolean unusable() {
        return noDocument;
    }

    private GitLabPlanner(String file, GitLabLoader loader, boolean noDocument) {
        this.noDocument = noDocument;
        this.file = file;
        this.loader = loader;
        this.variables = VariableCatalog.collect(loader.config(), loader.includeConditions());
    }

    /**
     * Loads a GitLab file. {@code projectDir} is where {@code include:local} and {@code rules:exists} paths start;
     * null means the directory of the file.
     */
    public static GitLabPlanner load(String fileLabel, YamlDocument doc, Path projectDir) {
        return new GitLabPlanner(fileLabel, GitLabLoader.load(fileLabel, doc, projectDir), doc.root() == null);
    }

    private volatile List<Diagnostic> lint;

    @Override
    public List<Diagnostic> lint() {
        List<Diagnostic> l = lint;
        if (l == null) {
            List<Diagnostic> all = new ArrayList<>(GitLabLint.check(loader.config()));
            all.addAll(GitLabScenarioLint.check(this, loader.config()));
            l = List.copyOf(all);
            lint = l;
        }
        return l;
    }

    @Override
    public List<dev.pipelens.plan.NamedScenario> presets(String defaultBranch) {
        return presetsFor(defaultBranch);
    }

    /** The GitLab presets as named scenarios (blank default branch: {@code main}). */
    public static List<dev.pipelens.plan.NamedScenario> presetsFor(String defaultBranch) {
        String main = defaultBranch == null || defaultBranch.isBlank() ? dev.pipelens.model.Scenario.DEFAULT_BRANCH
                : defaultBranch;
        List<dev.pipelens.plan.NamedScenario> out = new ArrayList<>();
        for (dev.pipelens.gitlab.GitLabPresets.Preset p : dev.pipelens.gitlab.GitLabPresets.forDefaultBranch(main)) {
            out.add(new dev.pipelens.plan.NamedScenario(p.name(), p.scenario()));
        }
        return out;
    }

    /**
     * Also says when the file is a fragment meant to be included from another file (it extends templates
     * defined elsewhere, or defines only hidden jobs): what depends on the including file (the unknown
     * templates, the stages they declare, the script a template would give) is then a note, not an error.
     * Includes Pipelens could not read are notes too: it cannot tell a missing file from one outside what it
     * was given, and the message already says their jobs are unknown.
     */
    @Override
    public List<Diagnostic> review() {
        List<Diagnostic> all = PipelinePlanner.super.review();
        java.util.Set<String> analysisLimits = java.util.Set.of(dev.pipelens.gitlab.GitLabCodes.INCLUDE_MISSING,
                dev.pipelens.gitlab.GitLabCodes.INCLUDE_NOT_FETCHED);
        boolean unreadIncludes = all.stream().anyMatch(d -> analysisLimits.contains(d.code()));
        // an unknown extends target is an error only when no unread include could define it
        boolean extendsElsewhere = all.stream().anyMatch(d -> d.isError()
                && d.code().equals(dev.pipelens.gitlab.GitLabCodes.EXTENDS_UNKNOWN));
        boolean onlyHidden = loader.config().jobs().isEmpty() && !unusable() && !unreadIncludes
                && all.stream().noneMatch(Diagnostic::isError);
        java.util.Set<String> dependsOnHost = java.util.Set.of(dev.pipelens.gitlab.GitLabCodes.EXTENDS_UNKNOWN,
                dev.pipelens.gitlab.GitLabCodes.UNKNOWN_STAGE, dev.pipelens.gitlab.GitLabCodes.JOB_NO_SCRIPT);
        java.util.Set<String> dependsOnIncludes = java.util.Set.of(dev.pipelens.gitlab.GitLabCodes.EXTENDS_UNKNOWN,
                dev.pipelens.gitlab.GitLabCodes.JOB_NO_SCRIPT);
        List<Diagnostic> out = new ArrayList<>();
        if (extendsElsewhere || onlyHidden) {
            out.add(Diagnostic.info(FRAGMENT, "this file is a fragment meant to be included from another file ("
                    + (extendsElsewhere ? "it extends templates defined elsewhere" : "it defines only hidden jobs or templates")
                    + "); findings that depend on the including file are notes. Fix: lint the file that includes it",
                    loader.span()));
        }
        for (Diagnostic d : all) {
            if (d.code().equals(dev.pipelens.gitlab.GitLabCodes.UNKNOWN_JOB_KEY) && !d.isError()) {
                // GitLab refuses a job with an unknown key: in lint, that is an error (the plan still shows)
                out.add(new Diagnostic(dev.pipelens.model.Severity.ERROR, d.code(), d.message(), d.span(), d.path()));
                continue;
            }
            boolean note = (extendsElsewhere && dependsOnHost.contains(d.code())) || analysisLimits.contains(d.code())
                    || (unreadIncludes && !d.isError() && dependsOnIncludes.contains(d.code()));
            out.add(note && d.severity() != dev.pipelens.model.Severity.INFO
                    ? new Diagnostic(dev.pipelens.model.Severity.INFO, d.code(), d.message(), d.span(), d.path()) : d);
        }
        return out;
    }

    @Override
    public List<dev.pipelens.plan.NamedScenario> witnessScenarios(Scenario base) {
        return GitLabWitnesses.of(loader.config(), base);
    }

    @Override
    public Scenario withValues(Scenario base, Map<String, String> values) {
        return GitLabWitnesses.apply(base, values);
    }

    /** Lint code of the note that a file is an include fragment. */
    public static final String FRAGMENT = "gitlab-fragment";

    /** The loader, for callers that want the composed configuration. */
    public GitLabLoader loader() {
        return loader;
    }

    @Override
    public CiSystem system() {
        return CiSystem.GITLAB;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public List<VariableInfo> variables() {
        return variables;
    }

    @Override
    public List<Diagnostic> loadDiagnostics() {
        return loader.diagnostics();
    }

    /** What a scenario decides before the pipeline's shape: the configuration, workflow and each job's decision. */
    record Decided(GitLabConfig config, WorkflowDecision workflow, List<JobDecision> decisions, List<Diagnostic> diagnostics) {
    }

    Decided decide(Scenario scenario) {
        Map<String, String> user = scenario.variables();
        Map<String, String> predefinedOnly = GitLabPredefinedVariables.of(scenario.withVariables(Map.of()));
        Map<String, String> all = new LinkedHashMap<>(predefinedOnly);
        all.putAll(user);
        FileFacts files = FileFacts.of(all, loader.project());
        GitLabConfig config = loader.config(all::get, files);
        List<Diagnostic> diagnostics = new ArrayList<>(loader.diagnostics());
        if (config != loader.config()) {
            java.util.Set<Diagnostic> known = new java.util.HashSet<>(diagnostics);
            for (Diagnostic d : config.diagnostics()) {
                if (known.add(d)) {
                    diagnostics.add(d);
                }
            }
        }
        RuleMatcher matcher = new RuleMatcher(files);
        Map<String, String> globals = new LinkedHashMap<>();
        for (GitLabVariable v : config.variables()) {
            globals.put(v.name(), v.value());
        }
        VariableScope predefined = VariableScope.of(predefinedOnly);
        WorkflowDecision workflow = WorkflowEvaluator.evaluate(config.workflow(), matcher,
                predefined.under(globals).under(user));
        JobEvaluator jobs = new JobEvaluator(matcher, new RefPolicyEvaluator(RefContext.of(all::get), files),
                config.defaultOnlyApplies(), predefined, globals, workflow.variables(), user);
        List<JobDecision> decisions = new ArrayList<>(config.jobs().size());
        for (GitLabJob job : config.jobs()) {
            decisions.add(jobs.evaluate(job));
        }
        return new Decided(config, workflow, decisions, diagnostics);
    }

    @Override
    public Plan plan(Scenario scenario) {
        Decided decided = decide(scenario);
        GitLabConfig config = decided.config();
        WorkflowDecision workflow = decided.workflow();
        List<JobDecision> decisions = decided.decisions();
        List<Diagnostic> diagnostics = decided.diagnostics();
        PipelineShape shape = new PipelineShape(decisions, config.stages());
        PipelineShape.Result result;
        List<String> pipelineReasons = new ArrayList<>();
        if (config.invalid()) {
            List<String> why = new ArrayList<>();
            for (Diagnostic d : config.diagnostics()) {
                if (d.isError() && why.size() < 5) {
                    why.add("configuration is invalid: " + d.message() + " (" + d.span() + ")");
                }
            }
            result = shape.notCreated(why);
        } else if (!workflow.created()) {
            result = shape.notCreated(List.of(workflow.reasons().get(0)));
            pipelineReasons.addAll(workflow.reasons().subList(1, workflow.reasons().size()));
        } else {
            result = shape.compute();
            pipelineReasons.addAll(workflow.reasons());
        }
        List<String> reasons = new ArrayList<>(result.reasons());
        reasons.addAll(pipelineReasons);
        return new Plan(file, CiSystem.GITLAB, GitLabPredefinedVariables.effective(scenario), result.created(), reasons,
                result.steps(), result.edges(),
                diagnostics);
    }

    /** One lane per stage with jobs in {@code plan}, in stage order; a job the file does not list goes to its last lane. */
    @Override
    public List<dev.pipelens.plan.Lane> lanes(Plan plan) {
        GitLabConfig config = loader.config();
        Map<String, String> stageOf = new java.util.HashMap<>();
        for (GitLabJob job : config.jobs()) {
            stageOf.put(job.name(), job.stage());
        }
        Map<String, List<String>> byStage = new LinkedHashMap<>();
        for (String stage : config.stages()) {
            byStage.put(stage, new ArrayList<>());
        }
        List<String> unknown = new ArrayList<>();
        for (dev.pipelens.plan.PlannedStep s : plan.steps()) {
            List<String> lane = byStage.get(stageOf.get(s.id()));
            (lane == null ? unknown : lane).add(s.id());
        }
        List<dev.pipelens.plan.Lane> lanes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byStage.entrySet()) {
            if (!e.getValue().isEmpty()) {
                lanes.add(new dev.pipelens.plan.Lane(e.getKey(), e.getValue()));
            }
        }
        if (!unknown.isEmpty()) {
            if (lanes.isEmpty()) {
                lanes.add(new dev.pipelens.plan.Lane("?", unknown));
            } else {
                dev.pipelens.plan.Lane last = lanes.remove(lanes.size() - 1);
                List<String> all = new ArrayList<>(last.steps());
                all.addAll(unknown);
                lanes.add(new dev.pipelens.plan.Lane(last.name(), all));
            }
        }
        return lanes;
    }

    /** Collects the variables conditions read, for {@link #variables()}. */
    private static final class VariableCatalog {
        private static final java.util.Set<String> REF_KEYWORDS = java.util.Set.of("branches", "tags", "api",
                "external", "external_pull_requests", "merge_requests", "pipelines", "pushes", "schedules",
                "triggers", "web", "chat");
        // ordered sets: thousands of jobs reading the same variable must not make this quadratic
        private final Map<String, java.util.Set<String>> values = new LinkedHashMap<>();
        private final Map<String, java.util.Set<String>> users = new LinkedHashMap<>();

        static List<VariableInfo> collect(GitLabConfig config, List<IncludeCondition> includes) {
            VariableCatalog c = new VariableCatalog();
            for (IncludeCondition inc : includes) {
                c.rules(inc.rules(), "include");
            }
            if (config.workflow() != null && config.workflow().rules() != null) {
                c.rules(config.workflow().rules(), "workflow");
            }
            for (GitLabJob job : config.jobs()) {
                if (job.rules() != null) {
                    c.rules(job.rules(), job.name());
                }
                c.policy(job.only(), job.name());
                c.policy(job.except(), job.name());
            }
            List<VariableInfo> out = new ArrayList<>();
            for (Map.Entry<String, java.util.Set<String>> e : c.values.entrySet()) {
                out.add(new VariableInfo(e.getKey(), "env", new ArrayList<>(e.getValue()),
                        new ArrayList<>(c.users.get(e.getKey()))));
            }
            return out;
        }

        private void rules(List<GitLabRule> rules, String user) {
            for (GitLabRule r : rules) {
                if (r.ifExpr() != null) {
                    expression(r.ifExpr(), user);
                }
                if (r.changes() != null) {
                    add(FileFacts.CHANGED_FILES, List.of(), user);
                }
                if (r.exists() != null) {
                    add(FileFacts.EXISTING_FILES, List.of(), user);
                }
            }
        }

        private void policy(RefPolicy p, String user) {
            if (p == null) {
                return;
            }
            if (p.refs() != null) {
                List<String> names = new ArrayList<>();
                for (String ref : p.refs()) {
                    if (!REF_KEYWORDS.contains(ref)) {
                        names.add(ref);
                    }
                }
                add("CI_COMMIT_REF_NAME", names, user);
            }
            if (p.variables() != null) {
                for (GitLabExpression e : p.variables()) {
                    expression(e, user);
                }
            }
            if (p.changes() != null) {
                add(FileFacts.CHANGED_FILES, List.of(), user);
            }
        }

        private void expression(GitLabExpression e, String user) {
            for (Map.Entry<String, List<String>> v : e.comparedLiterals().entrySet()) {
                add(v.getKey(), v.getValue(), user);
            }
        }

        private void add(String name, List<String> literals, String user) {
            values.computeIfAbsent(name, k -> new java.util.LinkedHashSet<>()).addAll(literals);
            users.computeIfAbsent(name, k -> new java.util.LinkedHashSet<>()).add(user);
        }
    }
}
