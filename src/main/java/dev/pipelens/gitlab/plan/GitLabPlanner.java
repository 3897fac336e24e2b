package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.gitlab.FileFacts;
import dev.pipelens.gitlab.GitLabCodes;
import dev.pipelens.gitlab.GitLabConfig;
import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabLoader;
import dev.pipelens.gitlab.GitLabPredefinedVariables;
import dev.pipelens.gitlab.GitLabRule;
import dev.pipelens.gitlab.GitLabTrigger;
import dev.pipelens.gitlab.IncludeMap;
import dev.pipelens.gitlab.GitLabVariable;
import dev.pipelens.gitlab.IncludeCondition;
import dev.pipelens.gitlab.RefPolicy;
import dev.pipelens.gitlab.RuleMatcher;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.JobFields;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Reason;
import dev.pipelens.plan.VariableInfo;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

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
        this(file, loader, noDocument, 0);
    }

    private GitLabPlanner(String file, GitLabLoader loader, boolean noDocument, int depth) {
        this.noDocument = noDocument;
        this.file = file;
        this.loader = loader;
        this.depth = depth;
        this.variables = VariableCatalog.collect(loader.config(), loader.includeConditions());
    }

    /** How deep child pipelines nest: GitLab allows two levels of child pipelines below the parent. */
    static final int MAX_CHILD_DEPTH = 2;

    /** 0 for the file itself, 1 for its child pipelines, 2 for theirs. */
    private final int depth;
    /** Child pipelines by their include list, loaded once (their files read once) and planned per scenario. */
    private final Map<String, GitLabPlanner> children = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Loads a GitLab file. {@code projectDir} is where {@code include:local} and {@code rules:exists} paths start;
     * null means the directory of the file.
     */
    public static GitLabPlanner load(String fileLabel, YamlDocument doc, Path projectDir) {
        return new GitLabPlanner(fileLabel, GitLabLoader.load(fileLabel, doc, projectDir), doc.root() == null);
    }

    /** Loads a GitLab file whose reads must stay inside {@code root} (includes, rules:exists, children). */
    public static GitLabPlanner load(String fileLabel, YamlDocument doc, Path projectDir, ProjectRoot root) {
        return new GitLabPlanner(fileLabel, GitLabLoader.load(fileLabel, doc, projectDir, root), doc.root() == null);
    }

    /** As above, with {@code project:}/{@code remote:}/{@code template:}/{@code component:} includes mapped. */
    public static GitLabPlanner load(String fileLabel, YamlDocument doc, Path projectDir, ProjectRoot root,
                                     IncludeMap map) {
        return new GitLabPlanner(fileLabel, GitLabLoader.load(fileLabel, doc, projectDir, root, map),
                doc.root() == null);
    }

    private volatile List<Diagnostic> lint;

    @Override
    public List<Diagnostic> lint() {
        List<Diagnostic> l = lint;
        if (l == null) {
            List<Diagnostic> all = new ArrayList<>(GitLabLint.check(loader.config()));
            all.addAll(GitLabScenarioLint.check(this, loader.config()));
            if (depth < MAX_CHILD_DEPTH) {
                // child pipelines are linted too: their files are part of what this pipeline runs
                for (GitLabJob job : loader.config().jobs()) {
                    GitLabTrigger t = job.triggerSpec();
                    if (t != null && t.kind() == GitLabTrigger.Kind.CHILD) {
                        for (Diagnostic d : child(t, job.name()).lint()) {
                            if (!all.contains(d)) {
                                all.add(d);
                            }
                        }
                    }
                }
            }
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
    public List<Diagnostic> review(List<Diagnostic> planDiagnostics) {
        List<Diagnostic> all = PipelinePlanner.super.review(planDiagnostics);
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
        List<VariableInfo> all = withChildVariables;
        if (all == null) {
            all = mergeChildVariables();
            withChildVariables = all;
        }
        return all;
    }

    private volatile List<VariableInfo> withChildVariables;

    /** This file's variables and those its child pipelines' conditions read ("used by" names the trigger job). */
    private List<VariableInfo> mergeChildVariables() {
        Map<String, VariableInfo> byName = new LinkedHashMap<>();
        for (VariableInfo v : variables) {
            byName.put(v.name(), v);
        }
        if (depth < MAX_CHILD_DEPTH) {
            for (GitLabJob job : loader.config().jobs()) {
                GitLabTrigger t = job.triggerSpec();
                if (t == null || t.kind() != GitLabTrigger.Kind.CHILD) {
                    continue;
                }
                for (VariableInfo v : child(t, job.name()).variables()) {
                    List<String> users = new ArrayList<>();
                    for (String u : v.usedBy()) {
                        users.add(job.name() + "/" + u);
                    }
                    VariableInfo known = byName.get(v.name());
                    if (known == null) {
                        byName.put(v.name(), new VariableInfo(v.name(), v.kind(), v.values(), users));
                    } else {
                        java.util.LinkedHashSet<String> values = new java.util.LinkedHashSet<>(known.values());
                        values.addAll(v.values());
                        java.util.LinkedHashSet<String> used = new java.util.LinkedHashSet<>(known.usedBy());
                        used.addAll(users);
                        byName.put(v.name(), new VariableInfo(v.name(), known.kind(), new ArrayList<>(values),
                                new ArrayList<>(used)));
                    }
                }
            }
        }
        return List.copyOf(byName.values());
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
        ChildPipelines withChildren = new ChildPipelines(scenario, config, diagnostics);
        withChildren.add(result.steps(), result.edges());
        return new Plan(file, CiSystem.GITLAB, GitLabPredefinedVariables.effective(scenario), result.created(), reasons,
                withChildren.steps, withChildren.edges, diagnostics);
    }

    /** The planner of the child pipeline made of {@code trigger}'s local include files. */
    private GitLabPlanner child(GitLabTrigger trigger, String triggerJob) {
        String key = String.join("\n", trigger.localFiles());
        return children.computeIfAbsent(key, k -> {
            List<YamlNode> entries = new ArrayList<>();
            for (String f : trigger.localFiles()) {
                YamlScalar localKey = new YamlScalar("local", YamlScalar.Kind.STRING, false, null, trigger.span());
                YamlScalar value = new YamlScalar(f, YamlScalar.Kind.STRING, true, null, trigger.span());
                entries.add(new YamlMap(List.of(new YamlMap.Entry(localKey, value)), null, trigger.span()));
            }
            YamlScalar includeKey = new YamlScalar("include", YamlScalar.Kind.STRING, false, null, trigger.span());
            YamlMap root = new YamlMap(List.of(new YamlMap.Entry(includeKey, new YamlSeq(entries, null, trigger.span()))),
                    null, trigger.span());
            YamlDocument doc = new YamlDocument(file, "", root, List.of());
            GitLabLoader childLoader = GitLabLoader.load(file, doc, loader.project().root(), loader.project().containment(),
                    loader.includeMap());
            return new GitLabPlanner(file, childLoader, false, depth + 1);
        });
    }

    /**
     * Inserts, after each trigger job, what it creates (issue 14): a local child pipeline as a group of its jobs,
     * planned in this scenario with {@code CI_PIPELINE_SOURCE=parent_pipeline} and the variables the trigger passes
     * on; a generated (artifact) child or another project's pipeline as a reason on the trigger job.
     */
    private final class ChildPipelines {
        final List<PlannedStep> steps = new ArrayList<>();
        final List<PlanEdge> edges = new ArrayList<>();
        private final Scenario scenario;
        private final GitLabConfig config;
        private final List<Diagnostic> diagnostics;
        private final Map<String, GitLabJob> jobs = new java.util.HashMap<>();

        ChildPipelines(Scenario scenario, GitLabConfig config, List<Diagnostic> diagnostics) {
            this.scenario = scenario;
            this.config = config;
            this.diagnostics = diagnostics;
            for (GitLabJob j : config.jobs()) {
                jobs.put(j.name(), j);
            }
        }

        void add(List<PlannedStep> parentSteps, List<PlanEdge> parentEdges) {
            edges.addAll(parentEdges);
            for (PlannedStep s : parentSteps) {
                GitLabJob job = s.type() == StepType.TRIGGER && s.group() == null ? jobs.get(s.id()) : null;
                GitLabTrigger t = job == null ? null : job.triggerSpec();
                if (t == null) {
                    steps.add(s);
                } else if (t.kind() == GitLabTrigger.Kind.PROJECT) {
                    steps.add(withReason(s, "creates a multi-project pipeline: " + t.what()
                            + "; another project's pipeline is not planned here"));
                } else if (t.kind() == GitLabTrigger.Kind.DYNAMIC_CHILD) {
                    steps.add(withReason(s, "creates a child pipeline from " + t.what() + ": it is generated or "
                            + "fetched while the pipeline runs, so its jobs are not known beforehand (not followed)"));
                } else if (depth >= MAX_CHILD_DEPTH) {
                    steps.add(withReason(s, "creates a child pipeline from " + t.what() + ": not followed, GitLab "
                            + "allows " + MAX_CHILD_DEPTH + " levels of child pipelines"));
                } else {
                    child(s, job, t, parentEdges);
                }
            }
        }

        private void child(PlannedStep trigger, GitLabJob job, GitLabTrigger t, List<PlanEdge> parentEdges) {
            GitLabPlanner planner = GitLabPlanner.this.child(t, job.name());
            Plan child = planner.plan(childScenario(job, t));
            java.util.Set<Diagnostic> known = new java.util.HashSet<>(diagnostics);
            for (Diagnostic d : child.diagnostics()) {
                if (known.add(d)) {
                    diagnostics.add(d);
                }
            }
            Outcome to = trigger.outcome();
            boolean triggerIn = to != Outcome.SKIPPED && to != Outcome.NEVER;
            String group = trigger.id() + "/child";
            List<String> groupReasons = new ArrayList<>();
            Outcome groupOutcome;
            String triggerNote;
            if (!triggerIn) {
                groupOutcome = Outcome.SKIPPED;
                groupReasons.add("trigger job " + trigger.id() + " is not in this pipeline, so its child pipeline is not created");
                triggerNote = "would create a child pipeline from " + t.what();
            } else if (!child.created() && unreadable(planner)) {
                groupOutcome = Outcome.SKIPPED;
                groupReasons.add("child pipeline file " + t.what() + " cannot be read (see diagnostics): its jobs are unknown");
                triggerNote = "creates a child pipeline from " + t.what() + ", which Pipelens cannot read";
            } else if (!child.created()) {
                groupOutcome = Outcome.SKIPPED;
                groupReasons.add("child pipeline not created: " + String.join("; ", child.pipelineReasons()));
                triggerNote = "creates a child pipeline from " + t.what() + ", which is not created (the trigger job fails)";
            } else {
                groupOutcome = to == Outcome.RUNS ? Outcome.RUNS : Outcome.GATED;
                groupReasons.addAll(child.pipelineReasons());
                if (to != Outcome.RUNS) {
                    groupReasons.add("waits for trigger job " + trigger.id() + " (" + to.id() + ")");
                }
                triggerNote = "creates a child pipeline from " + t.what() + " (CI_PIPELINE_SOURCE=parent_pipeline)";
            }
            Boolean created = !triggerIn ? Boolean.FALSE : !child.created() && unreadable(planner) ? null
                    : child.created() && child.steps().stream().anyMatch(c -> c.type() != StepType.GROUP
                    && c.outcome() != Outcome.SKIPPED);
            JobFields.Downstream downstream = new JobFields.Downstream(group, created, t.depend());
            trigger = new PlannedStep(trigger.id(), trigger.key(), trigger.label(), trigger.type(), trigger.group(),
                    trigger.outcome(), trigger.jobs(), trigger.why(), trigger.dependsOn(), trigger.gates(),
                    trigger.span(), trigger.condition(), trigger.when(), trigger.run(),
                    (trigger.job() == null ? new JobFields(null, null) : trigger.job()).withDownstream(downstream));
            PlannedStep shown = withReason(trigger, triggerNote);
            if (t.depend()) {
                // the child starts when the trigger job would, and the trigger job ends with the child: it waits
                // for the child's jobs, so its state (and what waits for it) follows the child's
                triggerNote += "; strategy: depend, so it finishes when the child pipeline does, with its status";
                List<String> deps = new ArrayList<>(trigger.dependsOn());
                deps.add(group);
                shown = withReason(new PlannedStep(trigger.id(), trigger.key(), trigger.label(), trigger.type(),
                        trigger.group(), trigger.outcome(), trigger.jobs(), trigger.why(), deps, trigger.gates(),
                        trigger.span(), trigger.condition(), trigger.when(), trigger.run(), trigger.job()), triggerNote);
                for (PlanEdge e : parentEdges) {
                    if (e.to().equals(trigger.id())) {
                        edges.add(new PlanEdge(e.from(), group, e.kind(), e.allowFailure()));
                    }
                }
                edges.add(new PlanEdge(group, trigger.id(), EdgeKind.IMPLICIT, false));
            } else {
                edges.add(new PlanEdge(trigger.id(), group, EdgeKind.IMPLICIT, false));
            }
            steps.add(shown);
            steps.add(new PlannedStep(group, null, "child pipeline: " + t.what(), StepType.GROUP, null, groupOutcome,
                    1, groupReasons, t.depend() ? trigger.dependsOn() : List.of(trigger.id()), t.span(), null));
            // the child exists only once its trigger job starts: each of its jobs that can start also waits for
            // whatever the trigger job waits for (the trigger itself when it is manual, else the gates before it)
            List<String> triggerGates = to == Outcome.GATED ? trigger.gates()
                    : to == Outcome.MANUAL || to == Outcome.BLOCKED ? List.of(trigger.id()) : List.of();
            for (PlannedStep c : child.steps()) {
                Outcome o = c.outcome();
                List<Reason> reasons = new ArrayList<>(c.why());
                List<String> gates = prefixed(trigger.id(), c.gates());
                if (!triggerIn) {
                    o = Outcome.SKIPPED;
                    reasons.add(0, Reason.of(groupReasons.get(0)));
                } else if (!child.created()) {
                    o = Outcome.SKIPPED;
                } else if (to != Outcome.RUNS && o == Outcome.RUNS) {
                    o = Outcome.GATED;
                    reasons.add(Reason.of("waits for trigger job " + trigger.id() + " (" + to.id() + ")"));
                }
                if (o != Outcome.SKIPPED && o != Outcome.NEVER) {
                    gates.addAll(triggerGates);
                }
                steps.add(new PlannedStep(trigger.id() + "/" + c.id(), c.key(), c.label(), c.type(),
                        c.group() == null ? group : trigger.id() + "/" + c.group(), o, c.jobs(), reasons,
                        prefixed(trigger.id(), c.dependsOn()), gates, c.span(), c.condition(), c.when(), c.run(),
                        c.job()));
            }
            for (PlanEdge e : child.edges()) {
                edges.add(new PlanEdge(trigger.id() + "/" + e.from(), trigger.id() + "/" + e.to(), e.kind(),
                        e.allowFailure()));
            }
        }

        /**
         * The child's scenario: same ref and commit, {@code CI_PIPELINE_SOURCE=parent_pipeline}; its pipeline
         * variables are the trigger job's variables and the global ones it inherits ({@code forward:yaml_variables},
         * default true) and this pipeline's variables only with {@code forward:pipeline_variables: true}.
         * Pipelens's own facts (changed and existing files) always carry over.
         */
        private Scenario childScenario(GitLabJob job, GitLabTrigger t) {
            Map<String, String> vars = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : scenario.variables().entrySet()) {
                if (t.forwardPipelineVariables() || e.getKey().startsWith("PIPELENS_")) {
                    vars.put(e.getKey(), e.getValue());
                }
            }
            if (t.forwardYamlVariables()) {
                for (GitLabVariable v : config.variables()) {
                    if (job.inherits(v.name())) {
                        vars.put(v.name(), v.value());
                    }
                }
                for (GitLabVariable v : job.variables()) {
                    vars.put(v.name(), v.value());
                }
            }
            vars.remove("CI_PIPELINE_SOURCE");
            return scenario.withVariables(vars).withSource("parent_pipeline");
        }
    }

    /** Whether a child's include files were missing or refused (outside the project root). */
    private static boolean unreadable(GitLabPlanner child) {
        return child.loader.diagnostics().stream().anyMatch(d -> d.code().equals(GitLabCodes.INCLUDE_MISSING)
                || d.code().equals(GitLabCodes.OUTSIDE_PROJECT) || d.code().equals(GitLabCodes.INCLUDE_INVALID));
    }

    private static PlannedStep withReason(PlannedStep s, String reason) {
        List<Reason> reasons = new ArrayList<>(s.why());
        reasons.add(Reason.of(reason));
        return new PlannedStep(s.id(), s.key(), s.label(), s.type(), s.group(), s.outcome(), s.jobs(), reasons,
                s.dependsOn(), s.gates(), s.span(), s.condition(), s.when(), s.run(), s.job());
    }

    /** A child pipeline's step ids as they appear in the parent's plan: {@code <trigger>/<id>}. */
    private static List<String> prefixed(String trigger, List<String> ids) {
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(trigger + "/" + id);
        }
        return out;
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
