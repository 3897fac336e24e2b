package dev.pipelens.buildkite.plan;

import dev.pipelens.buildkite.AgentInterpolator;
import dev.pipelens.buildkite.BranchFilter;
import dev.pipelens.buildkite.BuildkiteCodes;
import dev.pipelens.buildkite.BuildkiteParser;
import dev.pipelens.buildkite.TextInterpolator;
import dev.pipelens.expr.Evaluation;
import dev.pipelens.expr.ExpressionErrorKind;
import dev.pipelens.expr.ExpressionException;
import dev.pipelens.expr.ReadValue;
import dev.pipelens.expr.VariableUse;
import dev.pipelens.buildkite.expr.BuildkiteConditions;
import dev.pipelens.buildkite.expr.CompiledCondition;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Condition;
import dev.pipelens.model.Dependency;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.GroupStep;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.model.Step;
import dev.pipelens.model.StepInfo;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.Reason;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.VariableInfo;
import dev.pipelens.buildkite.UploadFollower;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;
import dev.pipelens.buildkite.Interpolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Buildkite what-if engine: for one loaded file, answers {@link #plan(Scenario)} by interpolating
 * as the agent would, evaluating {@code if}/{@code branches}/{@code skip} once as the server does at
 * upload, building the effective dependency edges ({@link ImplicitDependencies}) and deriving each
 * step's outcome ({@link OutcomeResolver}) with the reasons for it. Immutable and thread-safe;
 * compiled conditions are cached across scenarios.
 */
public final class BuildkitePlanner implements PipelinePlanner {

    private static final int MAX_GATES_NAMED = 3;

    private final String file;
    private final YamlDocument document;
    /** Uploaded steps with their file's top-level env ({@link UploadFollower.Result#uploadEnv()}). */
    private final Map<YamlNode, YamlMap> uploadEnv;
    private final List<Diagnostic> loadDiagnostics;
    private final boolean interpolates;
    private volatile BuildkiteParser.Result rawParse;
    private final Map<String, Object> conditions = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_PARSES = 16;
    private final List<String> interpolatedNames;
    private final Map<List<String>, BuildkiteParser.Result> parses = new ConcurrentHashMap<>();

    private BuildkitePlanner(String file, YamlDocument document) {
        this(file, document, false);
    }

    private BuildkitePlanner(String file, YamlDocument document, boolean uploadsInterpolate) {
        this(file, document, uploadsInterpolate, Map.of());
    }

    private BuildkitePlanner(String file, YamlDocument document, boolean uploadsInterpolate,
                             Map<YamlNode, YamlMap> uploadEnv) {
        this.uploadEnv = uploadEnv;
        this.file = file;
        this.document = document;
        this.loadDiagnostics = strictDuplicates(document.diagnostics());
        this.interpolates = uploadsInterpolate || document.text() == null || document.text().indexOf('$') >= 0;
        this.interpolatedNames = interpolates ? interpolatedNames(document.root()) : List.of();
        // the pipeline as written is read lazily: a one-shot `pipelens plan` of a file that interpolates never needs it
    }

    /**
     * Buildkite reads pipeline YAML with Go's yaml.v3, which refuses a mapping that holds one key twice
     * ("mapping key already defined"): the loader's warning is an error that rejects the upload here.
     */
    private static List<Diagnostic> strictDuplicates(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            if (d.code().equals(YamlLoader.DUPLICATE_KEY) && !d.isError()) {
                String key = d.message().replaceFirst("(?s)^key (\".*\") appears twice.*$", "$1");
                out.add(Diagnostic.error(d.code(), "mapping key " + key + " already defined in this mapping;"
                        + " Buildkite's YAML parser rejects the upload", d.span()));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** The pipeline as written (no interpolation), read once on first use; null when the YAML is unusable. */
    private BuildkiteParser.Result raw() {
        BuildkiteParser.Result r = rawParse;
        if (r == null && document.root() != null) {
            r = BuildkiteParser.parse(file, document.root(), env -> TextInterpolator.NONE, uploadEnv);
            rawParse = r;
        }
        return r;
    }

    /** Prepares a loaded YAML document for planning. */
    public static BuildkitePlanner load(String file, YamlDocument document) {
        return new BuildkitePlanner(file, document);
    }

    /**
     * Prepares a loaded document for planning with the pipelines its steps upload from files of {@code root}
     * inserted where Buildkite inserts them ({@link UploadFollower}).
     */
    public static BuildkitePlanner load(String file, YamlDocument document, ProjectRoot root) {
        UploadFollower.Result uploads = UploadFollower.follow(document, root, new YamlLoader());
        if (uploads.root() == document.root() && uploads.diagnostics().isEmpty()) {
            return new BuildkitePlanner(file, document);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(document.diagnostics());
        diagnostics.addAll(uploads.diagnostics());
        return new BuildkitePlanner(file, new YamlDocument(document.file(), document.text(), uploads.root(), diagnostics),
                uploads.uploadedInterpolates(), uploads.uploadEnv());
    }

    @Override
    public CiSystem system() {
        return CiSystem.BUILDKITE;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public boolean unusable() {
        return document.root() == null;
    }

    @Override
    public List<Diagnostic> loadDiagnostics() {
        return loadDiagnostics;
    }

    private volatile List<Diagnostic> lint;

    @Override
    public List<Diagnostic> lint() {
        List<Diagnostic> l = lint;
        if (l == null) {
            if (document.root() == null) {
                l = List.of();
            } else {
                List<Diagnostic> all = new ArrayList<>(BuildkiteLint.check(raw().pipeline(), coexistence()));
                all.addAll(BuildkiteScenarioLint.check(this, raw().pipeline()));
                l = List.copyOf(all);
            }
            lint = l;
        }
        return l;
    }

    /** A covering scenario in which two steps are both in the build (not skipped), or null; computed lazily. */
    private java.util.function.BiFunction<String, String, String> coexistence() {
        List<dev.pipelens.plan.Plan> plans = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        return (a, b) -> {
            if (plans.isEmpty()) {
                for (dev.pipelens.plan.NamedScenario s : dev.pipelens.plan.ScenarioMatrix.covering(this,
                        dev.pipelens.model.Scenario.defaults())) {
                    plans.add(plan(s.scenario()));
                    names.add(s.name());
                }
            }
            for (int i = 0; i < plans.size(); i++) {
                dev.pipelens.plan.Plan p = plans.get(i);
                dev.pipelens.plan.PlannedStep x = p.step(a).orElse(null);
                dev.pipelens.plan.PlannedStep y = p.step(b).orElse(null);
                if (x != null && y != null && x.outcome() != dev.pipelens.plan.Outcome.SKIPPED
                        && y.outcome() != dev.pipelens.plan.Outcome.SKIPPED) {
                    return names.get(i);
                }
            }
            return null;
        };
    }

    @Override
    public List<dev.pipelens.plan.NamedScenario> witnessScenarios(Scenario base) {
        if (document.root() == null) {
            return List.of();
        }
        return BuildkiteWitnesses.of(raw().pipeline().allSteps(), text -> compiled(serverView(text)), base);
    }

    /** The tag and the branch are tried as facts: a tag build (no branch), a push to the branch. */
    @Override
    public java.util.Optional<dev.pipelens.plan.NamedScenario> factScenario(String variable, String sample,
                                                                           Scenario base) {
        return switch (variable) {
            case "build.tag" -> java.util.Optional.of(new dev.pipelens.plan.NamedScenario("tag " + sample,
                    base.withBranch(null).withTag(sample)));
            case "build.branch" -> java.util.Optional.of(new dev.pipelens.plan.NamedScenario("push to " + sample,
                    base.withBranch(sample)));
            default -> java.util.Optional.empty();
        };
    }

    @Override
    public Scenario withValues(Scenario base, Map<String, String> values) {
        return BuildkiteWitnesses.apply(base, values);
    }

    /** The pipeline as written, without interpolation (for the window's source views). */
    public Pipeline rawPipeline() {
        return document.root() == null ? new Pipeline(file, Map.of(), List.of()) : raw().pipeline();
    }

    /**
     * The pipeline as the agent uploads it for {@code scenario}: interpolated, before conditions are
     * judged. Step ids match {@link #plan(Scenario)}'s. For the runner (soft_fail rules, commands to execute).
     */
    @Override
    public Pipeline pipeline(Scenario scenario) {
        if (document.root() == null || !interpolates) {
            return rawPipeline();
        }
        return interpolated(new ScenarioContext(scenario)).pipeline();
    }

    @Override
    public List<dev.pipelens.plan.NamedScenario> presets(String defaultBranch) {
        return BuildkitePresets.forDefaultBranch(defaultBranch);
    }

    @Override
    public Plan plan(Scenario scenario) {
        if (document.root() == null) {
            return new Plan(file, CiSystem.BUILDKITE, scenario, false,
                    List.of("the file cannot be used: " + firstError(loadDiagnostics)), List.of(), List.of(), loadDiagnostics);
        }
        ScenarioContext context = new ScenarioContext(scenario);
        BuildkiteParser.Result parsed = interpolates ? interpolated(context) : raw();
        return new Planning(parsed, context, context.effectiveScenario()).run();
    }

    /**
     * Evaluates the {@code if:} of step {@code stepId} in {@code scenario} exactly as {@link #plan} does
     * (after interpolation), so the window can show the value of each sub-expression
     * ({@link Evaluation#trace()}). Empty when the step does not exist, has no condition, or its condition
     * does not compile (the plan's diagnostics say why).
     */
    @Override
    public java.util.Optional<Evaluation> explain(String stepId, Scenario scenario) {
        if (document.root() == null || stepId == null) {
            return java.util.Optional.empty();
        }
        ScenarioContext context = new ScenarioContext(scenario);
        BuildkiteParser.Result parsed = interpolates ? interpolated(context) : raw();
        for (Step s : parsed.pipeline().allSteps()) {
            if (stepId.equals(s.id())) {
                Condition c = s.info().condition();
                Object compiled = c == null ? null : compiled(c.text());
                return compiled instanceof CompiledCondition cc
                        ? java.util.Optional.of(cc.evaluate(context)) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** Multi-line conditions (YAML block scalars) read as one line in reasons. */
    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The pipeline as uploaded in this scenario. The result depends only on the values of the variables
     * the file interpolates, so it is cached by those values: toggling a variable that is only read by
     * conditions re-plans without re-reading the YAML tree.
     */
    private BuildkiteParser.Result interpolated(ScenarioContext context) {
        List<String> key = new ArrayList<>(interpolatedNames.size());
        for (String name : interpolatedNames) {
            key.add(context.uploadEnv().get(name));
        }
        BuildkiteParser.Result cached = parses.get(key);
        if (cached != null) {
            return cached;
        }
        java.util.concurrent.atomic.AtomicLong budget = AgentInterpolator.newBudget(); // one per read of the file
        BuildkiteParser.Result parsed = BuildkiteParser.parse(file, document.root(),
                env -> new AgentInterpolator(context.uploadEnv(), env, budget), uploadEnv);
        if (parses.size() >= MAX_CACHED_PARSES) {
            parses.clear();
        }
        parses.put(key, parsed);
        return parsed;
    }

    /** Every variable name any string of the document interpolates, in first-seen order. */
    private static List<String> interpolatedNames(YamlNode node) {
        Set<String> names = new LinkedHashSet<>();
        java.util.ArrayDeque<YamlNode> todo = new java.util.ArrayDeque<>();
        Set<YamlNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (node != null) {
            todo.push(node);
        }
        while (!todo.isEmpty()) {
            YamlNode n = todo.pop();
            if (!seen.add(n)) {
                continue; // aliases share nodes
            }
            if (n instanceof YamlScalar sc) {
                // a string that does not parse fails the upload whatever the values are: it adds no name
                names.addAll(Interpolation.referencedNames(sc.value()));
            } else if (n instanceof YamlSeq seq) {
                seq.items().forEach(todo::push);
            } else if (n instanceof YamlMap map) {
                map.entries().forEach(e -> todo.push(e.value()));
            }
        }
        return new ArrayList<>(names);
    }

    private static String firstError(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                return d.span() + ": " + d.message();
            }
        }
        return "no steps";
    }

    /** A condition compiled once per text: either a {@link CompiledCondition} or the {@link ExpressionException}. */
    private Object compiled(String text) {
        return conditions.computeIfAbsent(text, t -> {
            try {
                return BuildkiteConditions.compile(t);
            } catch (ExpressionException e) {
                return e;
            }
        });
    }

    // ------------------------------------------------------------------------------------ variables

    @Override
    public List<VariableInfo> variables() {
        Map<String, VariableCollector> vars = new LinkedHashMap<>();
        if (document.root() == null) {
            return List.of();
        }
        for (Step s : raw().pipeline().allSteps()) {
            StepInfo info = s.info();
            if (info.condition() != null) {
                String text = info.condition().text();
                for (String name : Interpolation.referencedNames(text)) {
                    vars.computeIfAbsent(name, n -> new VariableCollector(n, "env")).usedBy.add(s.id());
                }
                Object c = compiled(serverView(text));
                if (c instanceof CompiledCondition cc) {
                    for (VariableUse use : cc.variables()) {
                        String kind = use.kind() == VariableUse.Kind.ENV ? "env" : "build";
                        VariableCollector v = vars.computeIfAbsent(use.name(), n -> new VariableCollector(n, kind));
                        v.values.addAll(use.comparedWith());
                        v.usedBy.add(s.id());
                    }
                }
            }
            if (!info.branches().isEmpty()) {
                VariableCollector v = vars.computeIfAbsent("build.branch", n -> new VariableCollector(n, "build"));
                for (String p : info.branches()) {
                    v.values.add(p.startsWith("!") ? p.substring(1) : p);
                }
                v.usedBy.add(s.id());
            }
            for (Dependency d : info.dependsOn() == null ? List.<Dependency>of() : info.dependsOn()) {
                for (String name : Interpolation.referencedNames(d.key())) {
                    vars.computeIfAbsent(name, n -> new VariableCollector(n, "env")).usedBy.add(s.id());
                }
            }
            if (info.skip() != null) {
                for (String name : Interpolation.referencedNames(info.skip())) {
                    vars.computeIfAbsent(name, n -> new VariableCollector(n, "env")).usedBy.add(s.id());
                }
            }
        }
        List<VariableInfo> out = new ArrayList<>();
        for (VariableCollector v : vars.values()) {
            out.add(new VariableInfo(v.name, v.kind, new ArrayList<>(v.values), new ArrayList<>(v.usedBy)));
        }
        return out;
    }

    /** The condition as the server receives it when no variable is set: {@code $$} becomes {@code $}. */
    private static String serverView(String text) {
        try {
            return new AgentInterpolator(Map.of(), Map.of()).apply(text);
        } catch (TextInterpolator.Failure e) {
            return text;
        }
    }

    private static final class VariableCollector {
        final String name;
        final String kind;
        final Set<String> values = new LinkedHashSet<>();
        final Set<String> usedBy = new LinkedHashSet<>();

        VariableCollector(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    // ------------------------------------------------------------------------------------ one plan

    /** The work of planning one scenario; holds the intermediate maps. */
    private final class Planning {
        private final BuildkiteParser.Result parsed;
        private final ScenarioContext context;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final List<String> pipelineReasons = new ArrayList<>();
        private final Map<String, Step> steps = new LinkedHashMap<>();
        private final Map<String, String> groupOf = new HashMap<>();
        private final Map<String, List<Reason>> reasons = new LinkedHashMap<>();
        private final Set<String> omitted = new LinkedHashSet<>();
        private final List<String> rejections = new ArrayList<>();

        private final Scenario effective;

        Planning(BuildkiteParser.Result parsed, ScenarioContext context, Scenario effective) {
            this.parsed = parsed;
            this.context = context;
            this.effective = effective;
        }

        Plan run() {
            diagnostics.addAll(loadDiagnostics);
            diagnostics.addAll(parsed.diagnostics());
            Pipeline pipeline = parsed.pipeline();
            for (Step s : pipeline.allSteps()) {
                steps.put(s.id(), s);
                reasons.put(s.id(), new ArrayList<>());
                if (s instanceof GroupStep g) {
                    for (Step c : g.steps()) {
                        groupOf.put(c.id(), g.id());
                    }
                }
            }
            for (Diagnostic d : parsed.diagnostics()) {
                if (d.code().equals(BuildkiteCodes.INTERPOLATION) || d.code().equals(BuildkiteCodes.NOT_A_PIPELINE)) {
                    rejections.add(d.span() + ": " + d.message());
                }
            }
            for (Diagnostic d : loadDiagnostics) {
                if (d.isError()) {
                    rejections.add(d.span() + ": " + d.message());
                }
            }
            Map<String, String> keyToId = keys();
            Map<String, Evaluation> evaluations = evaluateConditions();
            if (!rejections.isEmpty()) {
                return rejected();
            }
            omissions(pipeline, evaluations);
            ImplicitDependencies.Result deps = ImplicitDependencies.build(pipeline, keyToId, omitted);
            Set<String> skipped = new HashSet<>(omitted);
            skipped.addAll(deps.ignoredWaits());
            Set<String> neverRoots = new HashSet<>(deps.missing().keySet());
            explainIgnoredWaits(pipeline.steps(), deps.ignoredWaits());
            explainDependencies(deps);
            List<PlanEdge> edges = deps.edges();
            OutcomeResolver resolver = new OutcomeResolver(steps, edges, skipped, neverRoots);
            Map<String, OutcomeResolver.Resolved> outcomes = resolver.resolve();
            cycles(resolver.cycles());
            return assemble(outcomes, edges);
        }

        /** Maps keys to ids; a key used twice rejects the upload (D-GROUP). */
        private Map<String, String> keys() {
            Map<String, String> keyToId = new HashMap<>();
            for (Step s : steps.values()) {
                String key = s.info().key();
                if (key == null) {
                    continue;
                }
                if (keyToId.putIfAbsent(key, s.id()) != null) {
                    Diagnostic d = Diagnostic.error(BuildkiteCodes.DUPLICATE_KEY, "the key \"" + key
                            + "\" has already been used by another step in this build; Buildkite rejects the upload",
                            s.info().span()).withPath(s.info().path());
                    diagnostics.add(d);
                    rejections.add(d.span() + ": " + d.message());
                }
            }
            return keyToId;
        }

        private Map<String, Evaluation> evaluateConditions() {
            Map<String, Evaluation> out = new HashMap<>();
            for (Step s : steps.values()) {
                Condition c = s.info().condition();
                if (c == null) {
                    continue;
                }
                Object compiled = compiled(c.text());
                if (compiled instanceof ExpressionException e) {
                    String code = e.kind() == ExpressionErrorKind.PARSE ? BuildkiteCodes.CONDITION_PARSE
                            : e.kind() == ExpressionErrorKind.RESULT ? BuildkiteCodes.CONDITION_RESULT
                            : BuildkiteCodes.CONDITION_TYPE;
                    SourceSpan at = c.span().plusColumns(Math.max(0, e.offset()));
                    Diagnostic d = Diagnostic.error(code, "if: " + e.getMessage() + " — Buildkite rejects the whole upload",
                            at).withPath(s.info().path() + ".if");
                    diagnostics.add(d);
                    String shown = oneLine(c.text());
                    rejections.add(at + ": if: " + (shown.length() > 200 ? shown.substring(0, 197) + "..." : shown)
                            + ": " + e.getMessage());
                    continue;
                }
                CompiledCondition cc = (CompiledCondition) compiled;
                Evaluation ev = cc.evaluate(context);
                out.put(s.id(), ev);
                for (ReadValue r : ev.reads()) {
                    if (r.kind() == VariableUse.Kind.ENV && !context.conditionEnvHas(r.name())
                            && parsed.pipeline().env().containsKey(r.name())) {
                        diagnostics.add(Diagnostic.info(BuildkiteCodes.ENV_NOT_VISIBLE, "build.env(\"" + r.name()
                                + "\") reads the build's environment; Pipelens assumes the file's own top-level env: "
                                + "is not visible to it (UNCONFIRMED: spec 2.6). Set " + r.name()
                                + " as a scenario variable to test it", c.span()));
                    }
                }
                if (ev.failed()) {
                    diagnostics.add(Diagnostic.warning(BuildkiteCodes.CONDITION_RUNTIME, "if: " + c.text()
                            + " fails to evaluate: " + ev.error(), c.span().plusColumns(Math.max(0, ev.errorOffset()))));
                }
            }
            return out;
        }

        private Plan rejected() {
            pipelineReasons.add("Buildkite rejects the upload: " + rejections.get(0)
                    + (rejections.size() > 1 ? " (and " + (rejections.size() - 1) + " more)" : ""));
            List<PlannedStep> planned = new ArrayList<>();
            for (Step s : steps.values()) {
                planned.add(planned(s, Outcome.SKIPPED, List.of(Reason.of("not created: the upload is rejected")), List.of(), Set.of()));
            }
            return new Plan(file, CiSystem.BUILDKITE, effective, false, pipelineReasons, planned, List.of(),
                    diagnostics);
        }

        /** Evaluates if, branches and skip for every step (group conditions apply to their children). */
        private void omissions(Pipeline pipeline, Map<String, Evaluation> evaluations) {
            for (Step s : pipeline.steps()) {
                String groupReason = omissionOf(s, evaluations);
                if (s instanceof GroupStep g) {
                    boolean allOmitted = true;
                    for (Step c : g.steps()) {
                        if (groupReason != null) {
                            omitted.add(c.id());
                            reasons.get(c.id()).add(Reason.of(groupReason));
                            omissionOf(c, evaluations); // still explain the child's own condition
                        } else if (omissionOf(c, evaluations) != null) {
                            omitted.add(c.id());
                        }
                        if (!omitted.contains(c.id())) {
                            allOmitted = false;
                        }
                    }
                    if (groupReason != null || allOmitted) {
                        omitted.add(g.id());
                        if (groupReason == null) {
                            reasons.get(g.id()).add(Reason.of("every step in the group is skipped"));
                        }
                    }
                } else if (groupReason != null) {
                    omitted.add(s.id());
                }
            }
            int active = 0;
            for (Step s : steps.values()) {
                if (!(s instanceof GroupStep) && !omitted.contains(s.id())) {
                    active++;
                }
            }
            if (active == 0 && !steps.isEmpty()) {
                pipelineReasons.add("every step is skipped: the build is created and finishes as not_run");
            }
        }

        /** Adds the reasons for {@code s}'s own if/branches/skip and returns the omission reason, or null. */
        private String omissionOf(Step s, Map<String, Evaluation> evaluations) {
            StepInfo info = s.info();
            List<Reason> r = reasons.get(s.id());
            String omission = null;
            if (info.condition() != null) {
                Evaluation ev = evaluations.get(s.id());
                String reads = ev == null ? "" : ev.explain();
                String suffix = reads.isEmpty() ? "" : " (" + reads + ")";
                if (ev == null) {
                    omission = "if: " + oneLine(info.condition().text()) + " could not be compiled";
                } else if (ev.failed()) {
                    omission = "if: " + oneLine(info.condition().text()) + " fails to evaluate (" + ev.error()
                            + "); Buildkite's conditional library fails closed, so the step is left out (UNCONFIRMED)";
                } else if (ev.isTrue()) {
                    r.add(Reason.of("if: " + oneLine(info.condition().text()) + " is true" + suffix));
                } else {
                    omission = "if: " + oneLine(info.condition().text()) + " is false" + suffix;
                }
            }
            if (!info.branches().isEmpty()) {
                BranchFilter filter = new BranchFilter(info.branches());
                String patterns = String.join(" ", info.branches());
                if (filter.matches(context.branch())) {
                    r.add(Reason.of("branches: \"" + patterns + "\" matches branch \"" + context.branch() + "\""));
                } else if (omission == null) {
                    omission = "branches: \"" + patterns + "\" does not match branch \"" + context.branch() + "\"";
                }
            }
            if (info.skip() != null && omission == null) {
                omission = "true".equals(info.skip()) ? "skip: true" : "skip: \"" + info.skip() + "\"";
            }
            if (omission != null) {
                String label = s instanceof GroupStep ? "group \"" + s.displayLabel() + "\": " : "";
                r.add(Reason.of(omission));
                return label + omission;
            }
            return null;
        }

        private void explainIgnoredWaits(List<Step> scope, Set<String> ignored) {
            for (int i = 0; i < scope.size(); i++) {
                Step s = scope.get(i);
                if (s instanceof GroupStep g) {
                    explainIgnoredWaits(g.steps(), ignored);
                }
                if (!ignored.contains(s.id())) {
                    continue;
                }
                boolean after = i > 0 && scope.get(i - 1).type() == StepType.BLOCK;
                Step block = after ? scope.get(i - 1) : scope.get(i + 1);
                String status = omitted.contains(block.id()) ? " (which is itself skipped, so no barrier remains here)" : "";
                reasons.get(s.id()).add(Reason.of("ignored: a wait directly " + (after ? "after" : "before") + " block step \""
                        + block.displayLabel() + "\"" + status + "; Buildkite runs only the block"));
                diagnostics.add(Diagnostic.info(BuildkiteCodes.WAIT_IGNORED, "this wait is ignored because it is directly "
                        + (after ? "after" : "before") + " a block step" + status, s.info().span()));
            }
        }

        private void explainDependencies(ImplicitDependencies.Result deps) {
            for (Map.Entry<String, List<Dependency>> m : deps.missing().entrySet()) {
                for (Dependency d : m.getValue()) {
                    reasons.get(m.getKey()).add(new Reason(Reason.Kind.MISSING_DEPENDENCY, "depends_on \"" + d.key() + "\": no step has this key, so this step never "
                            + "starts (Buildkite accepts the upload and fails the build once everything else settles)"));
                    diagnostics.add(Diagnostic.warning(BuildkiteCodes.MISSING_DEPENDENCY, "depends_on \"" + d.key()
                            + "\": no step has this key; the step will never run", d.span()));
                }
            }
            for (Map.Entry<String, List<String>> m : deps.droppedOmitted().entrySet()) {
                for (String key : m.getValue()) {
                    reasons.get(m.getKey()).add(Reason.of("depends_on \"" + key + "\": that step is skipped in this build, so the "
                            + "dependency counts as satisfied"));
                }
            }
        }

        private void cycles(List<List<String>> cycles) {
            for (List<String> cycle : cycles) {
                String path = String.join(" \u2192 ", cycle) + " \u2192 " + cycle.get(0);
                for (String id : cycle) {
                    reasons.get(id).add(new Reason(Reason.Kind.CYCLE, "part of a dependency cycle (" + path + "), so it never starts"));
                }
                Step first = steps.get(cycle.get(0));
                diagnostics.add(Diagnostic.error(BuildkiteCodes.CYCLE, "dependency cycle: " + path, first.info().span()));
            }
        }

        private Plan assemble(Map<String, OutcomeResolver.Resolved> outcomes, List<PlanEdge> edges) {
            Map<String, List<String>> preds = new HashMap<>();
            for (PlanEdge e : edges) {
                preds.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
            }
            List<PlannedStep> planned = new ArrayList<>();
            for (Step s : steps.values()) {
                OutcomeResolver.Resolved r = outcomes.get(s.id());
                List<Reason> why = reasons.get(s.id());
                Outcome o = r.outcome();
                if (o == Outcome.BLOCKED) {
                    why.add(0, Reason.of(s instanceof InputStep
                            ? "input step: waits for someone to fill it in; it holds back only the steps that depend on it"
                            : "block step: waits for someone to unblock it; the steps after it wait too"));
                }
                if ((o == Outcome.GATED || o == Outcome.BLOCKED) && !r.gates().isEmpty()) {
                    why.add(Reason.of((o == Outcome.BLOCKED ? "also after " : "waits for ") + describeGates(r.gates())));
                }
                if (o == Outcome.NEVER) {
                    for (String n : r.neverBecause()) {
                        if (!n.equals(s.id())) {
                            why.add(new Reason(Reason.Kind.WAITS_FOR_NEVER, "waits for \"" + steps.get(n).displayLabel() + "\" (" + n + "), which never starts"));
                        }
                    }
                }
                List<String> before = preds.getOrDefault(s.id(), List.of());
                if (o == Outcome.RUNS && !before.isEmpty()) {
                    // say what it waits for even when a condition already explains why it is in the build
                    why.add(Reason.of("starts when " + summarise(before) + (before.size() == 1 ? " passes" : " pass")
                            + "; no gate on the way"));
                } else if (o == Outcome.RUNS && why.isEmpty()) {
                    why.add(Reason.of("starts at once; nothing before it and no condition"));
                }
                planned.add(planned(s, o, why, preds.getOrDefault(s.id(), List.of()), r.gates()));
            }
            return new Plan(file, CiSystem.BUILDKITE, effective, true, pipelineReasons, planned, edges,
                    diagnostics);
        }

        private String summarise(List<String> ids) {
            if (ids.size() <= 3) {
                return String.join(", ", ids);
            }
            return String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
        }

        private String describeGates(Set<String> gates) {
            List<String> names = new ArrayList<>();
            for (String g : gates) {
                if (names.size() == MAX_GATES_NAMED) {
                    names.add("and " + (gates.size() - MAX_GATES_NAMED) + " more");
                    break;
                }
                Step gate = steps.get(g);
                String kind = gate.type() == StepType.GROUP ? "group" : gate.type().id() + " step";
                names.add(kind + " \"" + gate.displayLabel() + "\" (" + g + ")");
            }
            return String.join(", ", names);
        }

        private PlannedStep planned(Step s, Outcome o, List<Reason> why, List<String> dependsOn, Set<String> gates) {
            StepInfo info = s.info();
            return new PlannedStep(s.id(), info.key(), s.displayLabel(), s.type(), groupOf.get(s.id()), o,
                    s.jobCount(), why, dependsOn, List.copyOf(gates), info.span(),
                    info.condition() == null ? null : info.condition().text(), null, BuildkiteRunSettings.of(s), null);
        }
    }
}
