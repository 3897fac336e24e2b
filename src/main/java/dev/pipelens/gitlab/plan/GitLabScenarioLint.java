package dev.pipelens.gitlab.plan;

import dev.pipelens.expr.Atom;
import dev.pipelens.expr.Dnf;
import dev.pipelens.gitlab.expr.GitLabAtoms;
import dev.pipelens.gitlab.GitLabConfig;
import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabNeed;
import dev.pipelens.gitlab.GitLabRule;
import dev.pipelens.gitlab.GitLabVariableCatalogue;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.model.Spelling;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.ScenarioMatrix;
import dev.pipelens.plan.ScenarioWitnesses;
import dev.pipelens.plan.VariableInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitLab lint that needs scenarios (issue 10), each finding with its place, the scenario in which it bites
 * and a one-line fix: a {@code needs} on a job that rules exclude while the needing job stays (GitLab then
 * refuses to create the pipeline), a job created in no scenario, a {@code when: never} rule that a rule on
 * pipeline facts alone always beats in some pipeline type, predefined variable names and
 * {@code CI_PIPELINE_SOURCE} values that GitLab does not have.
 */
final class GitLabScenarioLint {

    static final String NEEDS_EXCLUDED = "gl-lint-needs-excluded-job";
    static final String NEVER_CREATED = "gl-lint-job-never-created";
    static final String NEVER_SHADOWED = "gl-lint-never-rule-shadowed";
    static final String UNKNOWN_PREDEFINED = "gl-lint-unknown-predefined-variable";
    static final String SOURCE_VALUE = "gl-lint-pipeline-source-value";

    private GitLabScenarioLint() {
    }

    static List<Diagnostic> check(GitLabPlanner planner, GitLabConfig config) {
        List<Diagnostic> out = new ArrayList<>();
        if (config.invalid() || config.jobs().isEmpty()) {
            return out;
        }
        scenarios(planner, config, out);
        for (GitLabJob job : config.jobs()) {
            if (job.rules() != null) {
                shadowedNever(job, out);
            }
        }
        catalogue(planner, config, out);
        return out;
    }

    private static void scenarios(GitLabPlanner planner, GitLabConfig config, List<Diagnostic> out) {
        Map<String, GitLabJob> byName = new LinkedHashMap<>();
        config.jobs().forEach(j -> byName.put(j.name(), j));
        Map<GitLabNeed, String[]> missing = new LinkedHashMap<>();
        Set<String> created = new LinkedHashSet<>();
        boolean anyPipeline = false;
        List<NamedScenario> candidates = ScenarioMatrix.allCandidates(planner, Scenario.defaults());
        for (NamedScenario c : candidates) {
            GitLabPlanner.Decided d = planner.decide(c.scenario());
            if (d.config().invalid() || !d.workflow().created()) {
                continue;
            }
            Set<String> included = new LinkedHashSet<>();
            for (JobDecision jd : d.decisions()) {
                if (jd.included()) {
                    included.add(jd.job().name());
                }
            }
            anyPipeline |= !included.isEmpty();
            created.addAll(included);
            for (JobDecision jd : d.decisions()) {
                if (!jd.included() || jd.needs() == null) {
                    continue;
                }
                for (GitLabNeed n : jd.needs()) {
                    if (!n.optional() && byName.containsKey(n.job()) && !included.contains(n.job())) {
                        missing.putIfAbsent(n, new String[] {jd.job().name(), c.name()});
                    }
                }
            }
        }
        for (Map.Entry<GitLabNeed, String[]> e : missing.entrySet()) {
            GitLabNeed n = e.getKey();
            String job = e.getValue()[0];
            out.add(Diagnostic.error(NEEDS_EXCLUDED, job + " needs " + n.job() + ", but in the scenario \""
                    + e.getValue()[1] + "\" rules leave " + n.job() + " out while " + job + " stays: GitLab refuses to "
                    + "create that pipeline. Fix: needs: [{job: " + n.job() + ", optional: true}], or give " + job
                    + " the rule that excludes " + n.job(), n.span()));
        }
        if (!anyPipeline) {
            return;
        }
        for (GitLabJob job : config.jobs()) {
            if (created.contains(job.name()) || deliberatelyOff(job)) {
                continue;
            }
            String hint = tagAndBranch(job) ? " CI_COMMIT_TAG and CI_COMMIT_BRANCH are never both set (a tag pipeline "
                    + "has no branch)." : "";
            out.add(Diagnostic.warning(NEVER_CREATED, "job " + job.name() + " is created in none of the "
                    + candidates.size() + " scenarios Pipelens tried, including those built from its own rules: its "
                    + "rules, only or except can never let it in." + hint + " Fix: check its conditions for a "
                    + "contradiction or a misspelt name or value", job.span()));
        }
    }

    /**
     * A job whose every rule is when: never; or one Pipelens cannot judge: it reads files ({@code exists}), or
     * a ref of another project ({@code ref@group/project}), or a regex it found no example for.
     */
    private static boolean deliberatelyOff(GitLabJob job) {
        for (dev.pipelens.gitlab.RefPolicy p : new dev.pipelens.gitlab.RefPolicy[] {job.only(), job.except()}) {
            for (String ref : p == null || p.refs() == null ? List.<String>of() : p.refs()) {
                int end = ref.lastIndexOf('/');
                if (ref.contains("@") || ref.startsWith("/") && end > 0
                        && dev.pipelens.plan.RegexWitness.matching(ref.substring(1, end), ref.substring(end + 1)) == null) {
                    return true;
                }
            }
        }
        if (job.rules() == null) {
            return false;
        }
        boolean allNever = !job.rules().isEmpty();
        for (GitLabRule r : job.rules()) {
            allNever &= "never".equals(r.when());
            if (r.exists() != null) {
                return true;
            }
        }
        return allNever || job.rules().isEmpty();
    }

    private static boolean tagAndBranch(GitLabJob job) {
        for (GitLabRule r : job.rules() == null ? List.<GitLabRule>of() : job.rules()) {
            for (List<Atom> term : GitLabAtoms.of(r.ifExpr()).terms()) {
                Set<String> present = new LinkedHashSet<>();
                for (Atom a : term) {
                    if (a.op() != Atom.Op.ABSENT && a.op() != Atom.Op.NE && a.op() != Atom.Op.NO_MATCH) {
                        present.add(a.name());
                    }
                }
                if (present.contains("CI_COMMIT_TAG") && present.contains("CI_COMMIT_BRANCH")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A conditional {@code when: never} rule reading a variable of its own, after a rule that reads only
     * predefined variables: in the pipelines that rule matches, the exclusion never applies.
     */
    private static void shadowedNever(GitLabJob job, List<Diagnostic> out) {
        List<GitLabRule> rules = job.rules();
        for (int k = 0; k < rules.size(); k++) {
            GitLabRule never = rules.get(k);
            if (!"never".equals(never.when()) || never.ifExpr() == null || predefinedOnly(never)) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                GitLabRule earlier = rules.get(j);
                if ("never".equals(earlier.when()) || earlier.ifExpr() == null || !predefinedOnly(earlier)
                        || earlier.changes() != null || earlier.exists() != null) {
                    continue;
                }
                Dnf both = GitLabAtoms.of(earlier.ifExpr()).and(GitLabAtoms.of(never.ifExpr()));
                List<Map<String, String>> a = ScenarioWitnesses.assignments(both,
                        dev.pipelens.gitlab.GitLabPredefinedVariables.of(Scenario.defaults())::get);
                if (!a.isEmpty()) {
                    out.add(Diagnostic.warning(NEVER_SHADOWED, job.name() + ": rule " + never.number() + " (when: never) "
                            + "is never reached in pipelines where rule " + earlier.number() + " (" + earlier.ifExpr().text()
                            + ") matches, e.g. " + ScenarioWitnesses.describe(a.get(0)) + ": the first matching rule "
                            + "wins. Fix: move rule " + never.number() + " before rule " + earlier.number(), never.span()));
                    break;
                }
            }
        }
    }

    private static boolean predefinedOnly(GitLabRule r) {
        for (List<Atom> term : GitLabAtoms.of(r.ifExpr()).terms()) {
            for (Atom a : term) {
                if (!predefined(a.name())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean predefined(String name) {
        return name.startsWith("CI_") || name.startsWith("GITLAB_");
    }

    private static void catalogue(GitLabPlanner planner, GitLabConfig config, List<Diagnostic> out) {
        for (VariableInfo v : planner.variables()) {
            if (predefined(v.name()) && !GitLabVariableCatalogue.NAMES.contains(v.name())) {
                String near = Spelling.nearest(v.name(), GitLabVariableCatalogue.NAMES);
                if (near != null) {
                    out.add(Diagnostic.warning(UNKNOWN_PREDEFINED, "$" + v.name() + " is not a GitLab predefined "
                            + "variable, so it is always unset here; did you mean $" + near + "? Fix: rename it to $"
                            + near, where(config, v.name())));
                }
            }
            if (v.name().equals("CI_PIPELINE_SOURCE")) {
                for (String value : v.values()) {
                    if (!value.startsWith("/") && !GitLabVariableCatalogue.PIPELINE_SOURCES.contains(value)) {
                        String near = Spelling.nearest(value, GitLabVariableCatalogue.PIPELINE_SOURCES);
                        if (near == null && value.startsWith("merge_request")) {
                            near = "merge_request_event";
                        }
                        out.add(Diagnostic.warning(SOURCE_VALUE, "CI_PIPELINE_SOURCE is never \"" + value + "\": GitLab's "
                                + "sources are " + String.join(", ", new java.util.TreeSet<>(GitLabVariableCatalogue.PIPELINE_SOURCES))
                                + ". Fix: " + (near != null ? "use \"" + near + "\"" : "use one of them"),
                                where(config, "CI_PIPELINE_SOURCE\\s*[=!]=\\s*[\"']" + com.google.re2j.Pattern.quote(value))));
                    }
                }
            }
        }
    }

    /** The first rule whose if reads the variable (a regex on the if text), else the first job. */
    private static SourceSpan where(GitLabConfig config, String name) {
        com.google.re2j.Pattern p = com.google.re2j.Pattern.compile("\\$\\{?" + (name.matches("[A-Z0-9_]+")
                ? name + "\\b" : name));
        List<List<GitLabRule>> lists = new ArrayList<>();
        if (config.workflow() != null && config.workflow().rules() != null) {
            lists.add(config.workflow().rules());
        }
        for (GitLabJob j : config.jobs()) {
            if (j.rules() != null) {
                lists.add(j.rules());
            }
        }
        for (List<GitLabRule> rules : lists) {
            for (GitLabRule r : rules) {
                if (r.ifExpr() != null && p.matcher(r.ifExpr().text()).find()) {
                    return r.ifSpan() != null ? r.ifSpan() : r.span();
                }
            }
        }
        return config.jobs().get(0).span();
    }
}
