package dev.pipelens.gitlab.plan;

import dev.pipelens.expr.Atom;
import dev.pipelens.expr.Dnf;
import dev.pipelens.gitlab.expr.GitLabAtoms;
import dev.pipelens.gitlab.FileFacts;
import dev.pipelens.gitlab.GitLabConfig;
import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabPredefinedVariables;
import dev.pipelens.gitlab.GitLabRule;
import dev.pipelens.gitlab.RefPolicy;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.ScenarioWitnesses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitLab scenario candidates from the rules: for each job (and workflow) rule, values that make it the first
 * rule to match (its {@code if} true, every earlier rule's {@code if} false), with a changed file its
 * {@code changes} lists; {@code only}/{@code except} refs and variables; each also combined with every way
 * the workflow rules create the pipeline. Values are mapped onto the scenario's facts: {@code CI_COMMIT_BRANCH}
 * is the branch, {@code CI_COMMIT_TAG} the tag, {@code CI_PIPELINE_SOURCE} the source, {@code CI_MERGE_REQUEST_*}
 * make it a merge request pipeline, {@code CI_COMMIT_MESSAGE}/{@code TITLE} the message.
 */
final class GitLabWitnesses {

    private static final int MAX = 300;

    private GitLabWitnesses() {
    }

    static List<NamedScenario> of(GitLabConfig config, Scenario base) {
        Map<String, String> known = GitLabPredefinedVariables.of(base);
        List<Map<String, String>> workflow = new ArrayList<>();
        if (config.workflow() != null && config.workflow().rules() != null) {
            workflow.addAll(firstMatches(config.workflow().rules(), known));
        }
        Set<Map<String, String>> jobs = new LinkedHashSet<>();
        for (GitLabJob job : config.jobs()) {
            if (job.rules() != null) {
                jobs.addAll(firstMatches(job.rules(), known));
            }
            policy(job.only(), known, jobs);
            policy(job.except(), known, jobs);
            if (jobs.size() > MAX) {
                break;
            }
        }
        Set<Map<String, String>> all = new LinkedHashSet<>(workflow);
        for (Map<String, String> j : jobs) {
            all.add(j);
            for (Map<String, String> w : workflow) {
                Map<String, String> merged = merge(j, w);
                if (merged != null && !merged.equals(j)) {
                    all.add(merged);
                }
            }
            if (all.size() > MAX) {
                break;
            }
        }
        return ScenarioWitnesses.named(all, a -> apply(base, a));
    }

    /** For each rule, the values that make it the first to match. */
    private static List<Map<String, String>> firstMatches(List<GitLabRule> rules, Map<String, String> known) {
        List<Map<String, String>> out = new ArrayList<>();
        Dnf earlierFalse = Dnf.TRUE;
        for (GitLabRule r : rules) {
            Dnf mine = GitLabAtoms.of(r.ifExpr());
            for (Map<String, String> a : ScenarioWitnesses.assignments(mine.and(earlierFalse), known::get)) {
                out.add(withChanges(a, r.changes()));
            }
            if (r.changes() != null && !r.changes().isEmpty()) {
                out.add(withChanges(new LinkedHashMap<>(), r.changes()));
            }
            if (r.ifExpr() != null) {
                earlierFalse = earlierFalse.and(mine.not());
            }
        }
        return out;
    }

    /** {@code only}/{@code except}: any ref, and any variables expression, and a changed file, together. */
    private static void policy(RefPolicy p, Map<String, String> known, Set<Map<String, String>> out) {
        if (p == null) {
            return;
        }
        List<Map<String, String>> refs = new ArrayList<>();
        if (p.refs() != null) {
            for (String ref : p.refs()) {
                Map<String, String> a = ref(ref);
                if (!a.isEmpty()) {
                    refs.add(a);
                }
            }
        }
        if (refs.isEmpty()) {
            refs.add(new LinkedHashMap<>());
        }
        List<Map<String, String>> vars = new ArrayList<>();
        if (p.variables() != null) {
            for (dev.pipelens.gitlab.expr.GitLabExpression e : p.variables()) {
                vars.addAll(ScenarioWitnesses.assignments(GitLabAtoms.of(e), known::get));
            }
        }
        if (vars.isEmpty()) {
            vars.add(new LinkedHashMap<>());
        }
        for (Map<String, String> r : refs) {
            for (Map<String, String> v : vars) {
                Map<String, String> both = new LinkedHashMap<>(r);
                Map<String, String> merged = merge(both, v);
                Map<String, String> a = withChanges(merged == null ? both : merged, p.changes());
                if (!a.isEmpty()) {
                    out.add(a);
                }
            }
        }
    }

    private static Map<String, String> ref(String written) {
        Map<String, String> a = new LinkedHashMap<>();
        String ref = written;
        int at = ref.lastIndexOf('@');
        if (at > 0 && ref.indexOf('/', at) > 0) {
            // pattern@group/project: only in that project
            a.put("CI_PROJECT_PATH", ref.substring(at + 1));
            ref = ref.substring(0, at);
        }
        switch (ref) {
            case "tags" -> a.put("CI_COMMIT_TAG", "v1.0.0");
            case "merge_requests" -> a.put("CI_PIPELINE_SOURCE", "merge_request_event");
            case "schedules" -> a.put("CI_PIPELINE_SOURCE", "schedule");
            case "web" -> a.put("CI_PIPELINE_SOURCE", "web");
            case "api" -> a.put("CI_PIPELINE_SOURCE", "api");
            case "triggers" -> a.put("CI_PIPELINE_SOURCE", "trigger");
            case "pipelines" -> a.put("CI_PIPELINE_SOURCE", "pipeline");
            case "branches", "pushes" -> a.put("CI_COMMIT_BRANCH", "feature");
            default -> {
                if (ref.startsWith("/")) {
                    int end = ref.lastIndexOf('/');
                    String w = dev.pipelens.plan.RegexWitness.matching(ref.substring(1, end > 0 ? end : ref.length()),
                            end > 0 ? ref.substring(end + 1) : "");
                    if (w != null) {
                        a.put("CI_COMMIT_BRANCH", w);
                    }
                } else {
                    a.put("CI_COMMIT_BRANCH", ref);
                }
            }
        }
        return a;
    }

    private static Map<String, String> withChanges(Map<String, String> a, List<String> changes) {
        if (changes == null || changes.isEmpty()) {
            return a;
        }
        Map<String, String> out = new LinkedHashMap<>(a);
        out.put(FileFacts.CHANGED_FILES, globExample(changes.get(0)));
        return out;
    }

    /** A path a glob matches: {@code **}/{@code *} become a plain name, braces take their first choice. */
    static String globExample(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        g = g.replaceAll("\\{([^,}]*)[^}]*}", "$1").replace("**/", "").replace("**", "x").replace("*", "x")
                .replace("?", "x");
        return g.endsWith("/") ? g + "x" : g;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (out.containsKey(e.getKey()) && !java.util.Objects.equals(out.get(e.getKey()), e.getValue())) {
                return null;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The scenario the values describe, on top of {@code base}. */
    static Scenario apply(Scenario base, Map<String, String> a) {
        Scenario s = base;
        for (Map.Entry<String, String> e : a.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_COMMIT_REF_SLUG" -> {
                    if (v != null && !a.containsKey("CI_COMMIT_TAG")) {
                        s = s.withBranch(v).withTag(null);
                    } else if (v == null && k.equals("CI_COMMIT_BRANCH") && s.tag() == null && !a.containsKey("CI_PIPELINE_SOURCE")) {
                        s = s.withTag("v1.0.0");
                    }
                }
                case "CI_COMMIT_TAG" -> s = v == null ? s.withTag(null) : s.withTag(v);
                case "CI_PIPELINE_SOURCE" -> {
                    s = s.withSource(v);
                    if ("merge_request_event".equals(v) && s.pullRequest() == null) {
                        s = s.withPullRequest("1");
                    }
                }
                case "CI_COMMIT_MESSAGE", "CI_COMMIT_TITLE", "CI_COMMIT_DESCRIPTION" -> s = s.withMessage(v);
                case "CI_DEFAULT_BRANCH" -> {
                    if (v != null) {
                        s = s.withDefaultBranch(v);
                    }
                }
                default -> {
                    if (k.startsWith("CI_MERGE_REQUEST_") && v != null) {
                        s = s.withPullRequest(s.pullRequest() == null ? "1" : s.pullRequest());
                        if (s.source() == null) {
                            s = s.withSource("merge_request_event");
                        }
                    }
                    s = s.withVariable(k, v);
                }
            }
        }
        return s;
    }
}
