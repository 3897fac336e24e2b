package dev.pipelens.gitlab;

import dev.pipelens.gitlab.expr.ExpressionError;
import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.model.ExtraField;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one job mapping (after includes, {@code extends} and {@code !reference}) into a {@link GitLabJob}:
 * applies {@code default:} per {@code inherit:default}, checks {@code when}, {@code rules} with
 * {@code only}/{@code except}, {@code start_in}, the stage, and expands {@code parallel}.
 */
final class JobReader {

    /** Keys GitLab accepts on a job; anything else is kept as an extra and warned about. */
    static final Set<String> KNOWN_KEYS = Set.of("script", "run", "before_script", "after_script", "stage", "when",
            "allow_failure", "start_in", "rules", "only", "except", "needs", "dependencies", "variables", "extends",
            "parallel", "trigger", "inherit", "image", "services", "cache", "artifacts", "tags", "environment",
            "coverage", "retry", "timeout", "interruptible", "resource_group", "release", "secrets", "pages",
            "id_tokens", "hooks", "identity", "manual_confirmation", "dast_configuration", "publish", "description",
            "type", "inputs");

    /** Keys whose meaning the planner uses; not repeated as extras. */
    private static final Set<String> INTERPRETED = Set.of("stage", "when", "allow_failure", "start_in", "rules", "only",
            "except", "needs", "variables", "extends", "parallel", "inherit");

    static final Set<String> DEFAULT_KEYS = Set.of("after_script", "artifacts", "before_script", "cache", "hooks",
            "id_tokens", "image", "interruptible", "retry", "services", "tags", "timeout");

    private static final Set<String> JOB_WHENS = Set.of("on_success", "on_failure", "always", "manual", "delayed");

    private final YamlValues values;
    private final RuleReader rules;
    private final List<String> stages;
    private final YamlMap defaults;

    JobReader(YamlValues values, List<String> stages, YamlMap defaults) {
        this.values = values;
        this.rules = new RuleReader(values);
        this.stages = stages;
        this.defaults = defaults;
    }

    GitLabJob read(YamlMap.Entry entry) {
        String name = entry.name();
        YamlMap job = withDefaults((YamlMap) entry.value());
        String path = name;
        boolean trigger = job.has("trigger");
        if (!trigger && !job.has("script") && !job.has("run")) {
            values.warning(GitLabCodes.JOB_NO_SCRIPT, "job " + name + " has no script:, run: or trigger:",
                    entry.key().span(), path);
        }
        String stage = job.has("stage") ? YamlValues.text(job.get("stage")) : "test";
        if (stage == null) {
            stage = "test";
        }
        int stageIndex = stages.indexOf(stage);
        if (stageIndex < 0) {
            values.error(GitLabCodes.UNKNOWN_STAGE, name + " job: chosen stage " + stage
                    + " does not exist; available stages are " + String.join(", ", stages),
                    job.has("stage") ? job.get("stage").span() : entry.key().span(), path + ".stage");
            stageIndex = stages.size() - 1;
        }
        String when = YamlValues.text(job.get("when"));
        if ("never".equals(when)) {
            values.error(GitLabCodes.JOB_WHEN_NEVER, "jobs:" + name + " when:never can only be used in a rules section"
                    + " or workflow:rules", job.get("when").span(), path + ".when");
            when = null;
        } else if (when != null && !JOB_WHENS.contains(when)) {
            values.error(GitLabCodes.BAD_WHEN, name + " when should be one of: " + String.join(", ", JOB_WHENS),
                    job.get("when").span(), path + ".when");
            when = null;
        }
        Boolean allowFailure = null;
        List<Integer> exitCodes = new ArrayList<>();
        YamlNode af = job.get("allow_failure");
        if (af instanceof YamlScalar s && s.asBoolean() != null) {
            allowFailure = s.asBoolean();
        } else if (af instanceof YamlMap m) {
            allowFailure = Boolean.FALSE;
            exitCodes(m, exitCodes, path + ".allow_failure.exit_codes");
        } else if (af != null && !DeepMerge.isNull(af)) {
            values.error(GitLabCodes.BAD_VALUE, "allow_failure should be true, false or a mapping with exit_codes:",
                    af.span(), path + ".allow_failure");
        }
        String startIn = YamlValues.text(job.get("start_in"));
        List<GitLabRule> jobRules = rules.read(job.get("rules"), RuleReader.Context.JOB, path + ".rules");
        RefPolicy only = policy(job.get("only"), path + ".only");
        RefPolicy except = policy(job.get("except"), path + ".except");
        if (jobRules != null && (only != null || except != null)) {
            values.error(GitLabCodes.RULES_WITH_ONLY_EXCEPT, name + " config key may not be used with `rules`: "
                    + (only != null ? "only" : "except"), (only != null ? only : except).span(), path);
        }
        if (jobRules != null && startIn != null) {
            values.error(GitLabCodes.START_IN_WITHOUT_DELAYED, name + " config key may not be used with `rules`: start_in",
                    job.get("start_in").span(), path + ".start_in");
        }
        if (jobRules == null && "delayed".equals(when) && startIn == null) {
            values.error(GitLabCodes.DELAYED_WITHOUT_START_IN, name + " when: delayed needs start_in",
                    job.get("when").span(), path + ".when");
        }
        List<GitLabNeed> needs = job.has("needs") ? values.needs(job.get("needs"), path + ".needs") : null;
        List<GitLabVariable> variables = values.variables(job.get("variables"), path + ".variables");
        boolean inheritAll = true;
        List<String> inherited = List.of();
        if (job.get("inherit") instanceof YamlMap inherit && inherit.has("variables")) {
            YamlNode v = inherit.get("variables");
            if (v instanceof YamlScalar s && Boolean.FALSE.equals(s.asBoolean())) {
                inheritAll = false;
            } else if (v instanceof YamlSeq) {
                inheritAll = false;
                inherited = values.strings(v, path + ".inherit.variables");
            }
        }
        List<Map<String, String>> matrix = new ArrayList<>();
        int jobCount = parallel(job.get("parallel"), matrix, path + ".parallel");
        return new GitLabJob(name, stage, stageIndex, entry.key().span(), trigger, when == null ? "on_success" : when,
                allowFailure, startIn, jobRules, only, except, needs, variables, inheritAll, inherited, matrix, jobCount,
                extras(job, path), exitCodes, trigger ? trigger(job.get("trigger"), path + ".trigger") : null);
    }

    /**
     * {@code trigger:} as GitLab reads it: a string is a project; a mapping has {@code project:} (multi-project) or
     * {@code include:} (a child pipeline: a path or a list of paths, {@code local:}, {@code artifact:}+{@code job:},
     * {@code template:}, {@code remote:}, {@code project:}+{@code file:}), {@code strategy:} and {@code forward:}.
     */
    private GitLabTrigger trigger(YamlNode node, String path) {
        if (node instanceof YamlScalar s && s.text() != null) {
            return new GitLabTrigger(GitLabTrigger.Kind.PROJECT, List.of(), "project " + s.text(), false, true, false,
                    node.span());
        }
        if (!(node instanceof YamlMap m)) {
            values.error(GitLabCodes.BAD_VALUE, "trigger should be a project path or a mapping with project: or include:",
                    node.span(), path);
            return null;
        }
        boolean depend = "depend".equals(YamlValues.text(m.get("strategy")));
        boolean yamlVariables = true;
        boolean pipelineVariables = false;
        if (m.get("forward") instanceof YamlMap f) {
            yamlVariables = !(f.get("yaml_variables") instanceof YamlScalar y && Boolean.FALSE.equals(y.asBoolean()));
            pipelineVariables = f.get("pipeline_variables") instanceof YamlScalar p && Boolean.TRUE.equals(p.asBoolean());
        }
        if (m.has("project")) {
            String branch = YamlValues.text(m.get("branch"));
            return new GitLabTrigger(GitLabTrigger.Kind.PROJECT, List.of(), "project " + YamlValues.text(m.get("project"))
                    + (branch == null ? "" : " (branch " + branch + ")"), depend, yamlVariables, pipelineVariables, m.span());
        }
        if (!m.has("include")) {
            values.error(GitLabCodes.BAD_VALUE, "trigger needs project: or include:", m.span(), path);
            return null;
        }
        List<String> local = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (YamlNode item : DeepMerge.flatten(m.get("include"))) {
            if (item instanceof YamlScalar s && s.text() != null) {
                local.add(s.text());
            } else if (item instanceof YamlMap inc && YamlValues.text(inc.get("local")) != null) {
                local.add(YamlValues.text(inc.get("local")));
            } else if (item instanceof YamlMap inc && inc.has("artifact")) {
                other.add("artifact " + YamlValues.text(inc.get("artifact")) + " of job " + YamlValues.text(inc.get("job")));
            } else if (item instanceof YamlMap inc && !inc.entries().isEmpty()) {
                YamlMap.Entry first = inc.entries().get(0);
                other.add(first.name() + " " + YamlValues.text(first.value()));
            }
        }
        if (!other.isEmpty()) {
            return new GitLabTrigger(GitLabTrigger.Kind.DYNAMIC_CHILD, local, String.join(", ", other), depend,
                    yamlVariables, pipelineVariables, m.span());
        }
        return new GitLabTrigger(GitLabTrigger.Kind.CHILD, local, String.join(", ", local), depend, yamlVariables,
                pipelineVariables, m.span());
    }

    /** {@code allow_failure: exit_codes:}: one integer or a list of integers. */
    private void exitCodes(YamlMap allowFailure, List<Integer> out, String path) {
        YamlNode node = allowFailure.get("exit_codes");
        if (node == null) {
            values.error(GitLabCodes.BAD_VALUE, "allow_failure as a mapping needs exit_codes:", allowFailure.span(), path);
            return;
        }
        for (YamlNode item : DeepMerge.flatten(node)) {
            Long code = item instanceof YamlScalar s && s.kind() == YamlScalar.Kind.INT ? s.asLong() : null;
            if (code == null || code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
                values.error(GitLabCodes.BAD_VALUE, "exit_codes should hold integers, not " + item.describe(),
                        item.span(), path);
            } else {
                out.add(code.intValue());
            }
        }
    }

    /** Copies {@code default:} keys the job lacks, honouring {@code inherit:default}. */
    private YamlMap withDefaults(YamlMap job) {
        if (defaults == null || defaults.size() == 0) {
            return job;
        }
        YamlNode inherit = job.get("inherit") instanceof YamlMap m ? m.get("default") : null;
        if (inherit instanceof YamlScalar s && Boolean.FALSE.equals(s.asBoolean())) {
            return job;
        }
        List<String> allowed = inherit instanceof YamlSeq ? values.strings(inherit, "inherit.default") : null;
        List<YamlMap.Entry> entries = new ArrayList<>(job.entries());
        for (YamlMap.Entry d : defaults.entries()) {
            if (!job.has(d.name()) && (allowed == null || allowed.contains(d.name()))) {
                entries.add(d);
            }
        }
        return entries.size() == job.size() ? job : new YamlMap(entries, job.tag(), job.span());
    }

    private RefPolicy policy(YamlNode node, String path) {
        if (node == null || DeepMerge.isNull(node)) {
            return null;
        }
        if (node instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                if (!Set.of("refs", "variables", "changes", "kubernetes").contains(e.name())) {
                    values.error(GitLabCodes.BAD_VALUE, path + " has an unknown key " + e.name(), e.key().span(),
                            path + "." + e.name());
                }
            }
            List<GitLabExpression> expressions = null;
            if (m.has("variables")) {
                expressions = new ArrayList<>();
                for (String text : values.strings(m.get("variables"), path + ".variables")) {
                    GitLabExpression expr = GitLabExpression.parse(text);
                    ExpressionError err = expr.error();
                    if (err != null) {
                        values.error(GitLabCodes.EXPRESSION, "invalid expression syntax: " + err.message() + " (at offset "
                                + err.offset() + " of: " + text + ")", m.get("variables").span(), path + ".variables");
                    }
                    expressions.add(expr);
                }
            }
            List<String> changes = m.has("changes") ? values.paths(m.get("changes"), path + ".changes") : null;
            return new RefPolicy(values.strings(m.get("refs"), path + ".refs"), expressions, changes,
                    YamlValues.text(m.get("kubernetes")), node.span());
        }
        return new RefPolicy(values.strings(node, path), null, null, null, node.span());
    }

    /** {@code parallel: N} or {@code parallel: matrix: [...]}; returns the job count and fills {@code matrix}. */
    private int parallel(YamlNode node, List<Map<String, String>> matrix, String path) {
        if (node == null || DeepMerge.isNull(node)) {
            return 1;
        }
        if (node instanceof YamlScalar s && s.asLong() != null) {
            long n = s.asLong();
            if (n < 1 || n > 200) {
                values.error(GitLabCodes.PARALLEL, "parallel should be between 1 and 200", s.span(), path);
                return 1;
            }
            return (int) n;
        }
        if (node instanceof YamlMap m && m.get("matrix") != null) {
            // count first: the combinations are built only when they fit, so 10^8 of them cost nothing
            long count = 0;
            for (YamlNode entry : DeepMerge.flatten(m.get("matrix"))) {
                if (entry instanceof YamlMap row) {
                    long rowCount = 1;
                    for (YamlMap.Entry e : row.entries()) {
                        int n = DeepMerge.flatten(e.value()).size();
                        rowCount = Math.min(rowCount * n, Integer.MAX_VALUE);
                    }
                    count = Math.min(count + rowCount, Integer.MAX_VALUE);
                }
            }
            if (count > 200) {
                values.error(GitLabCodes.PARALLEL, "parallel:matrix creates " + count
                        + " jobs; GitLab allows at most 200", node.span(), path);
                return 1;
            }
            for (YamlNode entry : DeepMerge.flatten(m.get("matrix"))) {
                if (!(entry instanceof YamlMap row)) {
                    values.error(GitLabCodes.PARALLEL, "parallel:matrix entries should be mappings", entry.span(), path);
                    continue;
                }
                List<Map<String, String>> product = new ArrayList<>();
                product.add(new LinkedHashMap<>());
                for (YamlMap.Entry e : row.entries()) {
                    List<String> options = values.strings(e.value(), path + ".matrix." + e.name());
                    List<Map<String, String>> next = new ArrayList<>();
                    for (Map<String, String> partial : product) {
                        for (String option : options == null ? List.<String>of() : options) {
                            Map<String, String> copy = new LinkedHashMap<>(partial);
                            copy.put(e.name(), option);
                            next.add(copy);
                        }
                    }
                    product = next;
                }
                matrix.addAll(product);
            }
            if (matrix.size() > 200) {
                values.error(GitLabCodes.PARALLEL, "parallel:matrix creates " + matrix.size()
                        + " jobs; GitLab allows at most 200", node.span(), path);
            }
            return Math.max(1, matrix.size());
        }
        values.error(GitLabCodes.PARALLEL, "parallel should be a number or a mapping with matrix:", node.span(), path);
        return 1;
    }

    private List<ExtraField> extras(YamlMap job, String path) {
        List<ExtraField> out = new ArrayList<>();
        for (YamlMap.Entry e : job.entries()) {
            if (!KNOWN_KEYS.contains(e.name())) {
                String near = dev.pipelens.model.Spelling.nearest(e.name(), KNOWN_KEYS);
                values.warning(GitLabCodes.UNKNOWN_JOB_KEY, "unknown job key '" + e.name() + "'"
                        + (near == null ? "" : "; did you mean '" + near + "'?")
                        + " GitLab rejects the configuration (\"config contains unknown keys\"); Pipelens keeps it"
                        + " as an extra. Fix: " + (near == null ? "remove it" : "rename it to " + near),
                        e.key().span(), path + "." + e.name());
            }
            if (!INTERPRETED.contains(e.name())) {
                out.add(new ExtraField(e.name(), render(e.value(), 200), e.key().span()));
            }
        }
        return out;
    }

    /** A compact one-line YAML-like rendering, cut at {@code max} characters. */
    static String render(YamlNode node, int max) {
        StringBuilder sb = new StringBuilder();
        render(node, sb, max);
        return sb.length() > max ? sb.substring(0, max - 3) + "..." : sb.toString();
    }

    private static void render(YamlNode node, StringBuilder sb, int max) {
        if (sb.length() > max) {
            return;
        }
        if (node instanceof YamlScalar s) {
            sb.append(s.text() == null ? "null" : s.value());
        } else if (node instanceof YamlSeq seq) {
            sb.append('[');
            for (int i = 0; i < seq.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                render(seq.get(i), sb, max);
            }
            sb.append(']');
        } else if (node instanceof YamlMap map) {
            sb.append('{');
            int i = 0;
            for (YamlMap.Entry e : map.entries()) {
                if (i++ > 0) {
                    sb.append(", ");
                }
                sb.append(e.name()).append(": ");
                render(e.value(), sb, max);
            }
            sb.append('}');
        }
    }
}
