package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a fully merged configuration mapping into a {@link GitLabConfig}: stages (spec 4.1), top-level
 * variables, {@code workflow}, {@code default:} and the jobs; then checks {@code needs} statically
 * (undefined, later stage, duplicated) and maps parallel instance names ({@code build 1/2},
 * {@code build: [aws]}) to their job.
 */
final class ConfigReader {

    /** Top-level keys that are never jobs. */
    static final Set<String> GLOBAL_KEYS = Set.of("image", "services", "stages", "types", "before_script",
            "after_script", "variables", "cache", "include", "default", "workflow", "spec");

    private static final List<String> LEGACY_DEFAULTS = List.of("image", "services", "cache", "before_script",
            "after_script");

    private final List<Diagnostic> diagnostics;
    private final YamlValues values;

    private ConfigReader(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
        this.values = new YamlValues(diagnostics);
    }

    static GitLabConfig read(YamlMap root, List<Diagnostic> diagnostics) {
        return new ConfigReader(diagnostics).read(root);
    }

    private GitLabConfig read(YamlMap root) {
        List<String> stages = stages(root);
        List<GitLabVariable> variables = values.variables(root.get("variables"), "variables");
        GitLabWorkflow workflow = workflow(root.get("workflow"));
        JobReader jobs = new JobReader(values, stages, defaults(root));
        List<GitLabJob> out = new ArrayList<>();
        for (YamlMap.Entry e : root.entries()) {
            String name = e.name();
            if (GLOBAL_KEYS.contains(name) || name.startsWith(".")) {
                continue;
            }
            if (!(e.value() instanceof YamlMap)) {
                values.error(GitLabCodes.JOB_NOT_MAP, "jobs:" + name + " config should be a mapping, not "
                        + e.value().describe(), e.key().span(), name);
                continue;
            }
            out.add(jobs.read(e));
        }
        out = checkNeeds(out);
        return new GitLabConfig(stages, variables, workflow, out,
                new ArrayList<>(new java.util.LinkedHashSet<>(diagnostics)));
    }

    private List<String> stages(YamlMap root) {
        YamlNode node = root.has("stages") ? root.get("stages") : root.get("types");
        List<String> declared = node == null ? List.of("build", "test", "deploy") : values.strings(node, "stages");
        List<String> stages = new ArrayList<>();
        stages.add(".pre");
        for (String s : declared == null ? List.<String>of() : declared) {
            if (!s.equals(".pre") && !s.equals(".post") && !stages.contains(s)) {
                stages.add(s);
            }
        }
        stages.add(".post");
        return stages;
    }

    private GitLabWorkflow workflow(YamlNode node) {
        if (node == null || DeepMerge.isNull(node)) {
            return null;
        }
        if (!(node instanceof YamlMap m)) {
            values.error(GitLabCodes.WORKFLOW, "workflow should be a mapping", node.span(), "workflow");
            return null;
        }
        return new GitLabWorkflow(new RuleReader(values).read(m.get("rules"), RuleReader.Context.WORKFLOW,
                "workflow.rules"), m.span());
    }

    private YamlMap defaults(YamlMap root) {
        List<YamlMap.Entry> entries = new ArrayList<>();
        if (root.get("default") instanceof YamlMap d) {
            for (YamlMap.Entry e : d.entries()) {
                if (JobReader.DEFAULT_KEYS.contains(e.name())) {
                    entries.add(e);
                } else {
                    values.warning(GitLabCodes.UNKNOWN_DEFAULT_KEY, "default:" + e.name()
                            + " is not a keyword default: supports; ignored", e.key().span(), "default." + e.name());
                }
            }
        }
        for (String k : LEGACY_DEFAULTS) {
            if (root.has(k) && entries.stream().noneMatch(e -> e.name().equals(k))) {
                entries.add(root.entry(k).orElseThrow());
            }
        }
        return new YamlMap(entries, null, root.span());
    }

    /** Static needs checks of spec 4.2 item 3, on job-level and rule-level needs. */
    private List<GitLabJob> checkNeeds(List<GitLabJob> jobs) {
        Map<String, GitLabJob> byName = new HashMap<>();
        for (GitLabJob j : jobs) {
            if (byName.put(j.name(), j) != null) {
                diagnostics.add(Diagnostic.warning(GitLabCodes.DUPLICATE_JOB, "job " + j.name()
                        + " is defined twice; the later definition is used", j.span()));
            }
        }
        List<GitLabJob> out = new ArrayList<>(jobs.size());
        for (GitLabJob j : jobs) {
            List<GitLabNeed> needs = check(j, j.needs(), byName, j.name() + ".needs");
            List<GitLabRule> rules = null;
            if (j.rules() != null) {
                rules = new ArrayList<>();
                for (GitLabRule r : j.rules()) {
                    List<GitLabNeed> rn = check(j, r.needs(), byName, j.name() + ".rules[" + (r.number() - 1) + "].needs");
                    rules.add(rn == r.needs() ? r : new GitLabRule(r.number(), r.ifExpr(), r.ifSpan(), r.changes(),
                            r.exists(), r.when(), r.allowFailure(), r.variables(), rn, r.startIn(), r.span(), r.compareTo()));
                }
            }
            out.add(new GitLabJob(j.name(), j.stage(), j.stageIndex(), j.span(), j.trigger(), j.when(), j.allowFailure(),
                    j.startIn(), rules, j.only(), j.except(), needs, j.variables(), j.inheritAllVariables(),
                    j.inheritedVariables(), j.matrix(), j.jobCount(), j.extras(), j.allowFailureExitCodes(),
                    j.triggerSpec()));
        }
        return out;
    }

    private List<GitLabNeed> check(GitLabJob job, List<GitLabNeed> needs, Map<String, GitLabJob> byName, String path) {
        if (needs == null) {
            return null;
        }
        List<GitLabNeed> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GitLabNeed n : needs) {
            String target = baseJob(n.job(), byName);
            GitLabJob needed = target == null ? null : byName.get(target);
            if (needed == null) {
                if (!n.optional()) {
                    diagnostics.add(Diagnostic.error(GitLabCodes.NEEDS_UNDEFINED, job.name() + " job: undefined need: "
                            + n.job(), n.span()).withPath(path));
                }
                continue;
            }
            if (needed.stageIndex() > job.stageIndex()) {
                diagnostics.add(Diagnostic.error(GitLabCodes.NEEDS_FUTURE_STAGE, job.name() + " job: need " + n.job()
                        + " is not defined in current or prior stages", n.span()).withPath(path));
            }
            if (!seen.add(n.job())) {
                diagnostics.add(Diagnostic.error(GitLabCodes.NEEDS_DUPLICATE, job.name()
                        + " has the following needs duplicated: " + n.job(), n.span()).withPath(path));
                continue;
            }
            out.add(target.equals(n.job()) ? n : new GitLabNeed(target, n.optional(), true, n.span(), n.artifacts()));
        }
        return out;
    }

    /** The job a need names: itself, or the job of a parallel instance name ({@code job 1/3}, {@code job: [a, b]}). */
    private static String baseJob(String name, Map<String, GitLabJob> byName) {
        if (byName.containsKey(name)) {
            return name;
        }
        int bracket = name.lastIndexOf(": [");
        if (bracket > 0 && name.endsWith("]") && byName.containsKey(name.substring(0, bracket))) {
            return name.substring(0, bracket);
        }
        int space = name.lastIndexOf(' ');
        if (space > 0 && isInstanceIndex(name.substring(space + 1)) && byName.containsKey(name.substring(0, space))) {
            return name.substring(0, space);
        }
        return null;
    }

    /** {@code N/M} with digits only. */
    private static boolean isInstanceIndex(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i != slash && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
