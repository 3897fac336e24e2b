package dev.pipelens.plan.gitlab;

import dev.pipelens.expr.gitlab.GitLabExpression;
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
import dev.pipelens.yaml.ProjectRoot;
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

    /** Loads a GitLab file whose reads must stay inside {@code root} (includes, rules:exists, children). */
    public static GitLabPlanner load(String fileLabel, YamlDocument doc, Path projectDir, ProjectRoot root) {
        return new GitLabPlanner(fileLabel, GitLabLoader.load(fileLabel, doc, projectDir, root), doc.root() == null);
    }

    private volatile List<Diagnostic> lint;

    @Override
    public List<Diagnostic> lint() {
        List<Diagnostic> l = lint;
        if (l == null) {
            l = List.copyOf(GitLabLint.check(loader.config()));
            lint = l;
        }
        return l;
    }

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

    @Override
    public Plan plan(Scenario scenario) {
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
