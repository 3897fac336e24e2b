package dev.pipelens.github;

import dev.pipelens.github.expr.Functions;
import dev.pipelens.github.expr.GhExpression;
import dev.pipelens.github.expr.GhExpressionException;
import dev.pipelens.github.expr.Template;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a workflow file into a {@link Workflow}: {@code on} in its three forms with filters and inputs,
 * jobs with {@code needs}, the rewritten {@code if} (spec 3.1, 3.7), {@code environment},
 * {@code continue-on-error}, concurrency, matrix, and local reusable workflows (read recursively, at most
 * ten levels). Never throws for bad input: every problem is a located diagnostic, with GitHub's wording
 * where GitHub reports it.
 */
public final class WorkflowReader {

    /** Events GitHub accepts under {@code on} (C-WFP workflow-v1.0.json). */
    static final Set<String> EVENTS = Set.of("branch_protection_rule", "check_run", "check_suite", "create", "delete",
            "deployment", "deployment_status", "discussion", "discussion_comment", "fork", "gollum", "image_version",
            "issue_comment", "issues", "label", "merge_group", "milestone", "page_build", "project", "project_card",
            "project_column", "public", "pull_request", "pull_request_review", "pull_request_review_comment",
            "pull_request_target", "push", "registry_package", "release", "repository_dispatch", "schedule", "status",
            "watch", "workflow_call", "workflow_dispatch", "workflow_run");

    /** Activity types per event (C-WFP workflow-v1.0.json {@code *-activity-type}); events not listed take any. */
    static final java.util.Map<String, Set<String>> TYPES = java.util.Map.of(
            "pull_request", Set.of("assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed",
                    "reopened", "synchronize", "converted_to_draft", "ready_for_review", "locked", "unlocked",
                    "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled",
                    "milestoned", "demilestoned", "enqueued", "dequeued"),
            "release", Set.of("published", "unpublished", "created", "edited", "deleted", "prereleased", "released"),
            "workflow_run", Set.of("requested", "completed", "in_progress"),
            "merge_group", Set.of("checks_requested"),
            "issue_comment", Set.of("created", "edited", "deleted"));

    /** Nesting GitHub allows for reusable workflows. */
    static final int MAX_NESTING = 10;

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final String file;
    private final Path root;
    private final YamlLimits limits;
    private final int nesting;
    private final Set<Path> open;
    /** The folder every read must stay in (symlinks resolved), or null for no bound beyond {@link #root}. */
    private final ProjectRoot bound;

    private WorkflowReader(String file, Path root, YamlLimits limits, int nesting, Set<Path> open, ProjectRoot bound) {
        this.file = file;
        this.root = root;
        this.bound = bound;
        this.limits = limits;
        this.nesting = nesting;
        this.open = open;
    }

    /**
     * Reads a loaded document. {@code path} locates the file on disk (for {@code uses: ./...}); it may be
     * null for text that came from elsewhere.
     */
    public static Workflow read(YamlDocument doc, Path path, YamlLimits limits) {
        return read(doc, path, limits, null);
    }

    /** As {@link #read(YamlDocument, Path, YamlLimits)}; called workflows must also stay inside {@code bound}. */
    public static Workflow read(YamlDocument doc, Path path, YamlLimits limits, ProjectRoot bound) {
        Path root = path == null ? null : repositoryRoot(path.toAbsolutePath().normalize());
        Set<Path> open = new HashSet<>();
        if (path != null) {
            open.add(path.toAbsolutePath().normalize());
        }
        return new WorkflowReader(doc.file(), root, limits, 0, open, bound).workflow(doc, path);
    }

    /** The repository root: the folder holding {@code .github}, else the file's own folder. */
    static Path repositoryRoot(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(".github")) {
                return p.getParent() == null ? p : p.getParent();
            }
        }
        return file.getParent();
    }

    private Workflow workflow(YamlDocument doc, Path path) {
        diagnostics.addAll(doc.diagnostics());
        List<Trigger> triggers = new ArrayList<>();
        List<WorkflowInput> dispatch = new ArrayList<>();
        List<WorkflowInput> call = new ArrayList<>();
        List<WorkflowJob> jobs = new ArrayList<>();
        String name = null;
        String concurrency = null;
        if (!(doc.root() instanceof YamlMap root)) {
            if (doc.root() != null) {
                error(GitHubCodes.NOT_A_WORKFLOW, "a workflow is a mapping with 'on' and 'jobs'", doc.root().span());
            }
            return new Workflow(file, null, triggers, dispatch, call, jobs, null, diagnostics);
        }
        name = text(root.get("name"));
        YamlNode on = root.get("on");
        if (on == null) {
            error(GitHubCodes.NOT_A_WORKFLOW, "Required property is missing: on", root.span());
        } else {
            readOn(on, triggers, dispatch, call);
        }
        YamlNode conc = root.get("concurrency");
        concurrency = conc instanceof YamlMap cm ? text(cm.get("group")) : text(conc);
        YamlNode jobsNode = root.get("jobs");
        if (!(jobsNode instanceof YamlMap jm)) {
            error(GitHubCodes.NOT_A_WORKFLOW, "Required property is missing: jobs", root.span());
        } else {
            for (YamlMap.Entry e : jm.entries()) {
                if (e.value() instanceof YamlMap job) {
                    jobs.add(job(e.name(), job, e.key().span(), path));
                } else {
                    error(GitHubCodes.BAD_VALUE, "job '" + e.name() + "' should be a mapping", e.key().span());
                }
            }
            checkNeeds(jobs);
        }
        return new Workflow(file, name, triggers, dispatch, call, jobs, concurrency, diagnostics);
    }

    private void readOn(YamlNode on, List<Trigger> triggers, List<WorkflowInput> dispatch, List<WorkflowInput> call) {
        if (on instanceof YamlScalar s) {
            addEvent(s.value(), null, s.span(), triggers, dispatch, call);
        } else if (on instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                String ev = text(item);
                if (ev == null) {
                    error(GitHubCodes.BAD_VALUE, "an event name was expected", item.span());
                } else {
                    addEvent(ev, null, item.span(), triggers, dispatch, call);
                }
            }
        } else if (on instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                addEvent(e.name(), e.value(), e.key().span(), triggers, dispatch, call);
            }
        }
    }

    private void addEvent(String event, YamlNode config, SourceSpan span, List<Trigger> triggers,
                          List<WorkflowInput> dispatch, List<WorkflowInput> call) {
        if (!EVENTS.contains(event)) {
            error(GitHubCodes.UNKNOWN_EVENT, "Unexpected value '" + event + "'", span);
            return;
        }
        YamlMap m = config instanceof YamlMap cm ? cm : null;
        if (m != null) {
            for (String[] pair : new String[][] {{"branches", "branches-ignore"}, {"tags", "tags-ignore"},
                    {"paths", "paths-ignore"}}) {
                if (m.has(pair[0]) && m.has(pair[1])) {
                    error(GitHubCodes.FILTER_CONFLICT, "you may only define one of " + pair[0] + " and " + pair[1]
                            + " for a single event", m.entry(pair[1]).get().key().span());
                }
            }
            if (event.equals("workflow_dispatch")) {
                dispatch.addAll(inputs(m.get("inputs"), false));
            } else if (event.equals("workflow_call")) {
                call.addAll(inputs(m.get("inputs"), true));
            }
        }
        List<String> types = list(m, "types");
        Set<String> known = TYPES.get(event.equals("pull_request_target") ? "pull_request" : event);
        if (types != null && known != null) {
            for (String t : types) {
                if (!known.contains(t)) {
                    error(GitHubCodes.UNKNOWN_EVENT, "Unexpected value '" + t + "'", m.entry("types").get().value().span());
                }
            }
        }
        triggers.add(new Trigger(event, list(m, "types"), list(m, "branches"), list(m, "branches-ignore"),
                list(m, "tags"), list(m, "tags-ignore"), list(m, "paths"), list(m, "paths-ignore"),
                list(m, "workflows"), span));
    }

    private List<WorkflowInput> inputs(YamlNode node, boolean call) {
        List<WorkflowInput> out = new ArrayList<>();
        if (!(node instanceof YamlMap m)) {
            return out;
        }
        for (YamlMap.Entry e : m.entries()) {
            YamlMap def = e.value() instanceof YamlMap d ? d : null;
            String type = def == null ? null : text(def.get("type"));
            boolean required = def != null && def.get("required") instanceof YamlScalar r && Boolean.TRUE.equals(r.asBoolean());
            String dflt = def == null ? null : text(def.get("default"));
            List<String> options = def == null ? null : list(def, "options");
            if ("choice".equals(type) && (options == null || options.isEmpty())) {
                error(GitHubCodes.BAD_VALUE, "Missing 'options' for choice input", e.key().span());
            }
            out.add(new WorkflowInput(e.name(), type, required, dflt, options == null ? List.of() : options,
                    def == null ? null : text(def.get("description")), e.key().span()));
        }
        return out;
    }

    private WorkflowJob job(String id, YamlMap job, SourceSpan span, Path path) {
        List<String> needs = new ArrayList<>();
        YamlNode needsNode = job.get("needs");
        if (needsNode instanceof YamlScalar s && !s.isNull()) {
            needs.add(s.value());
        } else if (needsNode instanceof YamlSeq seq) {
            for (YamlNode n : seq.items()) {
                String t = text(n);
                if (t != null) {
                    needs.add(t);
                }
            }
        }
        String ifWritten = null;
        GhExpression condition;
        YamlNode ifNode = job.get("if");
        if (ifNode instanceof YamlScalar s && s.tag() != null) {
            error(GitHubCodes.UNEXPECTED_TAG, "Unexpected tag '" + s.tag() + "' (an if that starts with ! must be "
                    + "quoted or written as ${{ ... }})", s.span());
            ifWritten = s.tag() + (s.value().isEmpty() ? "" : " " + s.value());
            condition = null;
        } else if (ifNode instanceof YamlScalar s && !s.isNull()) {
            ifWritten = s.value();
            condition = ifCondition(s.value(), s, GhExpression.JOB_IF_CONTEXTS, Functions.JOB_IF);
        } else {
            condition = ifCondition("", null, GhExpression.JOB_IF_CONTEXTS, Functions.JOB_IF);
        }
        YamlNode envNode = job.get("environment");
        String environment = envNode instanceof YamlMap em ? text(em.get("name")) : text(envNode);
        String coe = text(job.get("continue-on-error"));
        YamlNode concNode = job.get("concurrency");
        String concurrency = concNode instanceof YamlMap cm ? text(cm.get("group")) : text(concNode);
        YamlNode matrix = job.get("strategy") instanceof YamlMap st ? st.get("matrix") : null;
        String uses = text(job.get("uses"));
        Map<String, String> with = new LinkedHashMap<>();
        if (job.get("with") instanceof YamlMap wm) {
            for (YamlMap.Entry e : wm.entries()) {
                with.put(e.name(), text(e.value()));
            }
        }
        List<String> outputs = new ArrayList<>();
        if (job.get("outputs") instanceof YamlMap om) {
            outputs.addAll(om.keys());
        }
        int steps = job.get("steps") instanceof YamlSeq ss ? ss.size() : 0;
        Workflow called = uses == null ? null : called(id, uses, with, job.get("uses").span(), path);
        return new WorkflowJob(id, text(job.get("name")), needs, ifWritten, condition, environment, coe, concurrency,
                matrix, uses, with, called, outputs, steps, span);
    }

    /**
     * The condition GitHub evaluates for an {@code if} (spec 3.1, 3.7): {@code ${{ }}} handling, empty means
     * {@code success()}, no status function means {@code success() && (...)}. Null when it does not parse.
     */
    GhExpression ifCondition(String written, YamlScalar at, Set<String> contexts, Map<String, Functions.Arity> functions) {
        String cond;
        try {
            Template.Converted c = Template.convert(written);
            cond = c.text().strip();
        } catch (GhExpressionException e) {
            error(GitHubCodes.EXPRESSION, e.getMessage(), at == null ? null : at.span());
            return null;
        }
        try {
            if (cond.isEmpty()) {
                return GhExpression.parse("success()", contexts, functions);
            }
            GhExpression parsed = GhExpression.parse(cond, contexts, functions);
            return parsed.callsStatusFunction() ? parsed
                    : GhExpression.parse("success() && (" + cond + ")", contexts, functions);
        } catch (GhExpressionException e) {
            SourceSpan span = at == null ? null : at.span();
            if (span != null && !at.quoted() && written.indexOf('\n') < 0 && cond.equals(written.strip()) && e.offset() >= 0) {
                span = span.plusColumns(written.indexOf(cond) + e.offset());
            }
            error(GitHubCodes.EXPRESSION, e.getMessage(), span);
            return null;
        }
    }

    private Workflow called(String id, String uses, Map<String, String> with, SourceSpan span, Path path) {
        if (!uses.startsWith("./")) {
            diagnostics.add(Diagnostic.info(GitHubCodes.REUSABLE_REMOTE, "job '" + id + "' calls " + uses
                    + ", a workflow in another repository: its jobs are not shown", span));
            return null;
        }
        if (root == null || nesting + 1 > MAX_NESTING) {
            error(GitHubCodes.REUSABLE_NOT_FOUND, root == null ? "cannot read " + uses + ": the file's folder is unknown"
                    : "Nested reusable workflow depth exceeded " + MAX_NESTING + ".", span);
            return null;
        }
        Path target = root.resolve(uses.substring(2)).normalize();
        if (!Files.isRegularFile(target) && path != null) {
            // a sample kept outside .github/workflows, or a flattened copy (owner__repo__.github__workflows__x.yml):
            // look next to the calling file
            Path self = path.toAbsolutePath().normalize();
            String own = self.getFileName().toString();
            int flat = own.indexOf("__.github__workflows__");
            String name = target.getFileName().toString();
            for (String candidate : flat < 0 ? List.of(name)
                    : List.of(own.substring(0, flat) + "__.github__workflows__" + name, name)) {
                Path sibling = self.resolveSibling(candidate);
                if (Files.isRegularFile(sibling)) {
                    target = sibling;
                    break;
                }
            }
        }
        if (!target.startsWith(root) && (path == null || !target.startsWith(path.toAbsolutePath().normalize().getParent()))) {
            error(GitHubCodes.REUSABLE_NOT_FOUND, uses + " is outside the repository", span);
            return null;
        }
        String outside = bound == null ? null : bound.check(target);
        if (outside != null) {
            error(GitHubCodes.REUSABLE_OUTSIDE_PROJECT, uses + " " + outside, span);
            return null;
        }
        if (!Files.isRegularFile(target)) {
            diagnostics.add(Diagnostic.warning(GitHubCodes.REUSABLE_NOT_FOUND, "cannot find " + uses
                    + " (looked for " + root.relativize(target) + "): its jobs are not shown", span));
            return null;
        }
        if (open.contains(target)) {
            error(GitHubCodes.REUSABLE_NOT_FOUND, uses + " calls itself (directly or through other workflows)", span);
            return null;
        }
        open.add(target);
        try {
            YamlDocument doc = new YamlLoader(limits).load(target, uses.substring(2));
            WorkflowReader inner = new WorkflowReader(doc.file(), root, limits, nesting + 1, open, bound);
            Workflow w = inner.workflow(doc, target);
            if (w.trigger("workflow_call") == null) {
                error(GitHubCodes.CALL_INPUT, "workflow_call key is not defined in the referenced workflow.", span);
            }
            for (WorkflowInput in : w.callInputs()) {
                if (in.required() && !with.containsKey(in.name()) && in.defaultValue() == null) {
                    error(GitHubCodes.CALL_INPUT, "Input " + in.name() + " is required, but not provided while calling.", span);
                }
            }
            for (String k : with.keySet()) {
                if (w.callInputs().stream().noneMatch(i -> i.name().equalsIgnoreCase(k))) {
                    error(GitHubCodes.CALL_INPUT, "Invalid input, " + k + " is not defined in the referenced workflow.", span);
                }
            }
            for (Diagnostic d : w.diagnostics()) {
                diagnostics.add(d);
            }
            return w;
        } finally {
            open.remove(target);
        }
    }

    /** Unknown needs, cycles, no root job (C-RWP WorkflowTemplateConverter.cs; messages as GitHub's). */
    private void checkNeeds(List<WorkflowJob> jobs) {
        Map<String, WorkflowJob> byId = new HashMap<>();
        for (WorkflowJob j : jobs) {
            byId.putIfAbsent(j.id().toLowerCase(Locale.ROOT), j);
        }
        boolean anyRoot = jobs.isEmpty();
        for (WorkflowJob j : jobs) {
            anyRoot |= j.needs().isEmpty();
            for (String n : j.needs()) {
                if (!byId.containsKey(n.toLowerCase(Locale.ROOT))) {
                    error(GitHubCodes.UNKNOWN_NEED, "Job '" + j.id() + "' depends on unknown job '" + n + "'.", j.span());
                }
            }
        }
        if (!anyRoot) {
            error(GitHubCodes.NEEDS_CYCLE, "The workflow must contain at least one job with no dependencies.",
                    jobs.get(0).span());
            return;
        }
        Map<String, Integer> state = new HashMap<>();
        for (WorkflowJob j : jobs) {
            String cycle = cycleFrom(j, byId, state);
            if (cycle != null) {
                error(GitHubCodes.NEEDS_CYCLE, "Job '" + j.id() + "' depends on job '" + cycle
                        + "' which creates a cycle in the dependency graph.", j.span());
                return;
            }
        }
    }

    /** Iterative depth-first search; returns a job on a cycle through {@code start}'s needs, or null. */
    private static String cycleFrom(WorkflowJob start, Map<String, WorkflowJob> byId, Map<String, Integer> state) {
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        String key = start.id().toLowerCase(Locale.ROOT);
        if (state.getOrDefault(key, 0) == 2) {
            return null;
        }
        state.put(key, 1);
        stack.push(new Object[] {start, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            WorkflowJob j = (WorkflowJob) top[0];
            int i = (Integer) top[1];
            if (i >= j.needs().size()) {
                state.put(j.id().toLowerCase(Locale.ROOT), 2);
                stack.pop();
                continue;
            }
            top[1] = i + 1;
            WorkflowJob next = byId.get(j.needs().get(i).toLowerCase(Locale.ROOT));
            if (next == null) {
                continue;
            }
            String nk = next.id().toLowerCase(Locale.ROOT);
            int s = state.getOrDefault(nk, 0);
            if (s == 1) {
                return next.id();
            }
            if (s == 0) {
                state.put(nk, 1);
                stack.push(new Object[] {next, 0});
            }
        }
        return null;
    }

    private static List<String> list(YamlMap m, String key) {
        if (m == null || !m.has(key)) {
            return null;
        }
        YamlNode n = m.get(key);
        List<String> out = new ArrayList<>();
        if (n instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                String t = text(item);
                if (t != null) {
                    out.add(t);
                }
            }
        } else if (text(n) != null) {
            out.add(text(n));
        }
        return out;
    }

    static String text(YamlNode n) {
        return n instanceof YamlScalar s ? s.text() : null;
    }

    private void error(String code, String message, SourceSpan span) {
        diagnostics.add(Diagnostic.error(code, message, span == null ? new SourceSpan(file, 1, 1) : span));
    }
}
