package dev.pipelens.buildkite;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows {@code buildkite-agent pipeline upload FILE} written in a command step's commands (top-level or in a
 * group, see {@link #groupUploads}), when FILE
 * is in the repository: the uploaded steps are inserted right after the uploading step, as Buildkite does
 * ("The generated steps are inserted into the running build immediately after the bootstrap step", Buildkite
 * docs, Dynamic pipelines), so several uploads of one step end in reverse order (buildkite/docs#2108); with
 * {@code --replace} they replace the rest of the pipeline ("Replace the rest of the existing pipeline with the
 * steps uploaded. Jobs that are already running are not removed.", agent CLI reference). The spliced tree is then interpolated and evaluated as one pipeline, in the
 * same scenario; an uploaded file's top-level {@code env:} applies to its own steps ({@link Result#uploadEnv()}).
 * Uploads of generated output ({@code script | buildkite-agent pipeline upload}), of files named
 * with variables or wildcards, and of files that are not there are named in a diagnostic on the step and not
 * followed. Files are read inside the {@link ProjectRoot} only. Never throws for bad input.
 */
public final class UploadFollower {

    /** Diagnostic codes. */
    public static final String FOLLOWED = "bk-upload-followed";
    public static final String DYNAMIC = "bk-upload-dynamic";
    public static final String NOT_FOUND = "bk-upload-not-found";
    public static final String OUTSIDE = "bk-upload-outside-project";

    /** Uploads nest (an uploaded file uploading another) at most this deep. */
    static final int MAX_DEPTH = 5;

    /**
     * The spliced tree, what was said about each upload, whether any uploaded text interpolates, and, for each
     * uploaded step (by identity) whose file has a top-level {@code env:}, that env block.
     */
    public record Result(YamlNode root, List<Diagnostic> diagnostics, boolean uploadedInterpolates,
                         Map<YamlNode, YamlMap> uploadEnv) {
    }

    private final ProjectRoot root;
    private final YamlLoader loader;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Deque<Path> reading = new ArrayDeque<>();
    private boolean interpolates;
    private final Map<YamlNode, YamlMap> uploadEnv = new IdentityHashMap<>();

    private UploadFollower(ProjectRoot root, YamlLoader loader) {
        this.root = root;
        this.loader = loader;
    }

    /** Follows the uploads of {@code document}; {@code root} null means nothing is read (no project). */
    public static Result follow(YamlDocument document, ProjectRoot root, YamlLoader loader) {
        if (document.root() == null || root == null || document.text() == null
                || !document.text().contains("pipeline upload")) {
            return new Result(document.root(), List.of(), false, Map.of());
        }
        UploadFollower f = new UploadFollower(root, loader);
        YamlNode spliced = f.splice(document.root(), 0);
        return new Result(spliced, List.copyOf(f.diagnostics), f.interpolates, f.uploadEnv);
    }

    /** The pipeline node with uploaded steps inserted into its top-level steps list. */
    private YamlNode splice(YamlNode pipeline, int depth) {
        YamlSeq steps = pipeline instanceof YamlSeq s ? s
                : pipeline instanceof YamlMap m && m.get("steps") instanceof YamlSeq s ? s : null;
        if (steps == null) {
            return pipeline;
        }
        List<YamlNode> out = new ArrayList<>();
        boolean changed = false;
        for (YamlNode step : steps.items()) {
            if (step instanceof YamlMap g && g.get("group") != null && g.get("steps") instanceof YamlSeq inner) {
                List<YamlNode> after = new ArrayList<>();
                YamlNode group = groupUploads(g, inner, depth, after);
                out.add(group);
                out.addAll(after);
                changed |= group != step || !after.isEmpty();
                continue;
            }
            out.add(step);
            if (!(step instanceof YamlMap m)) {
                continue;
            }
            // each upload goes "immediately after the upload step", so a later upload of the same step lands
            // before an earlier one (Buildkite docs, Defining steps: "if you execute it more than once in a single
            // step you'll get those uploads steps appearing in reverse order", buildkite/docs#2108)
            List<List<YamlNode>> batches = new ArrayList<>();
            boolean replaced = false;
            for (Upload u : uploads(m)) {
                List<YamlNode> uploaded = uploaded(u, m, depth);
                if (uploaded == null) {
                    continue;
                }
                changed = true;
                if (u.replace) {
                    int rest = steps.items().size() - steps.items().indexOf(step) - 1 + batches.size();
                    if (rest > 0) {
                        diagnostics.add(Diagnostic.info(FOLLOWED, "pipeline upload --replace " + u.file + " replaces the "
                                + "pending steps after this one (steps already running when it uploads are kept by "
                                + "Buildkite; Pipelens assumes none are)", m.span()));
                    }
                    batches.clear(); // the earlier uploads of this step are pending steps too
                    replaced = true;
                }
                batches.add(0, uploaded);
            }
            for (List<YamlNode> b : batches) {
                out.addAll(b);
            }
            if (replaced) {
                return rebuild(pipeline, steps, out);
            }
        }
        return changed ? rebuild(pipeline, steps, out) : pipeline;
    }

    /**
     * Uploads from command steps inside a group. Groups do not nest, so the uploaded steps go right after the
     * group (still before the next top-level step, as "immediately after the upload step" puts them), except
     * that an uploaded file whose first step is a group with the uploading group's name is merged into that
     * group, after the uploading step (Buildkite docs, Group step, "Group merging": "If you upload a pipeline
     * that has a group or label that matches the group of the step that uploaded it, those groups will be
     * merged together"; buildkite/docs#2705: only when that group is the first step of the uploaded YAML).
     * {@code --replace} inside a group is followed as an upload without replace (named in a diagnostic).
     */
    private YamlNode groupUploads(YamlMap group, YamlSeq inner, int depth, List<YamlNode> after) {
        YamlNode name = group.get("group");
        String groupName = name instanceof YamlScalar s ? s.text() : null;
        List<YamlNode> items = new ArrayList<>();
        boolean changed = false;
        for (YamlNode step : inner.items()) {
            items.add(step);
            if (!(step instanceof YamlMap m)) {
                continue;
            }
            int at = items.size(); // right after the uploading step: later uploads land before earlier ones
            int afterAt = after.size();
            for (Upload u : uploads(m)) {
                List<YamlNode> uploaded = uploaded(u, m, depth);
                if (uploaded == null || uploaded.isEmpty()) {
                    continue;
                }
                if (u.replace) {
                    diagnostics.add(Diagnostic.info(FOLLOWED, "pipeline upload --replace inside a group: the steps "
                            + "after the group are kept here (Pipelens does not replace from inside a group)", m.span()));
                }
                List<YamlNode> rest = uploaded;
                if (groupName != null && uploaded.get(0) instanceof YamlMap first
                        && first.get("group") instanceof YamlScalar fn && groupName.equals(fn.text())
                        && first.get("steps") instanceof YamlSeq merged) {
                    items.addAll(at, merged.items());
                    YamlMap env = uploadEnv.get(first);
                    if (env != null) {
                        for (YamlNode s : merged.items()) {
                            uploadEnv.putIfAbsent(s, env);
                        }
                    }
                    changed = true;
                    rest = uploaded.subList(1, uploaded.size());
                }
                after.addAll(afterAt, rest);
            }
        }
        if (!changed) {
            return group;
        }
        List<YamlMap.Entry> entries = new ArrayList<>();
        for (YamlMap.Entry e : group.entries()) {
            entries.add(e.name().equals("steps") ? new YamlMap.Entry(e.key(), new YamlSeq(items, inner.tag(),
                    inner.span())) : e);
        }
        return new YamlMap(entries, group.tag(), group.span());
    }

    private static YamlNode rebuild(YamlNode pipeline, YamlSeq steps, List<YamlNode> items) {
        YamlSeq seq = new YamlSeq(items, steps.tag(), steps.span());
        if (pipeline instanceof YamlSeq) {
            return seq;
        }
        YamlMap m = (YamlMap) pipeline;
        List<YamlMap.Entry> entries = new ArrayList<>();
        for (YamlMap.Entry e : m.entries()) {
            entries.add(e.name().equals("steps") ? new YamlMap.Entry(e.key(), seq) : e);
        }
        return new YamlMap(entries, m.tag(), m.span());
    }

    /** The steps one upload inserts, or null when it is not followed (a diagnostic says why). */
    private List<YamlNode> uploaded(Upload u, YamlMap step, int depth) {
        SourceSpan at = step.span();
        if (u.dynamic != null) {
            diagnostics.add(Diagnostic.info(DYNAMIC, "this step uploads a pipeline generated while the build runs ("
                    + u.dynamic + "); its steps are not known beforehand and are not planned", at));
            return null;
        }
        if (u.file.contains("$") || u.file.contains("*") || u.file.contains("?")) {
            diagnostics.add(Diagnostic.info(DYNAMIC, "this step uploads '" + u.file + "', a name only known while the "
                    + "build runs; not followed", at));
            return null;
        }
        Path path = root.path().resolve(u.file).normalize();
        String outside = root.check(path);
        if (outside != null) {
            diagnostics.add(Diagnostic.error(OUTSIDE, "pipeline upload '" + u.file + "' " + outside
                    + "; only files of the repository are followed", at));
            return null;
        }
        if (!Files.isRegularFile(path)) {
            // info, as GitLab's missing local include: the file is absent here (a lone file, another checkout),
            // which says nothing about the pipeline being wrong
            diagnostics.add(Diagnostic.info(NOT_FOUND, "this step uploads '" + u.file + "', which is not under "
                    + root + "; its steps are unknown (give --project-root to the repository)", at));
            return null;
        }
        if (depth >= MAX_DEPTH || reading.contains(path)) {
            diagnostics.add(Diagnostic.warning(NOT_FOUND, "pipeline upload '" + u.file + "' is not followed: it uploads "
                    + "itself or nests deeper than " + MAX_DEPTH + " uploads", at));
            return null;
        }
        YamlDocument doc = loader.load(path, root.path().relativize(path).toString());
        diagnostics.addAll(doc.diagnostics());
        if (doc.root() == null) {
            return null;
        }
        interpolates |= doc.text() != null && doc.text().indexOf('$') >= 0;
        reading.push(path);
        YamlNode spliced = doc.text() != null && doc.text().contains("pipeline upload") ? splice(doc.root(), depth + 1)
                : doc.root();
        reading.pop();
        YamlSeq steps = spliced instanceof YamlSeq s ? s
                : spliced instanceof YamlMap m && m.get("steps") instanceof YamlSeq s ? s : null;
        if (steps == null) {
            diagnostics.add(Diagnostic.warning(NOT_FOUND, "uploaded file '" + u.file + "' has no steps: list", at));
            return null;
        }
        if (spliced instanceof YamlMap top && top.get("env") instanceof YamlMap env) {
            // the file's top-level env is its own: the agent interpolates the file with it (go-pipeline
            // Pipeline.Interpolate: "Interpolate pipeline.Env and copy the results into interpolationEnv") and
            // Buildkite sets it on the jobs of this upload below their step env; steps of a file it uploads in
            // turn keep that file's env
            for (YamlNode s : steps.items()) {
                uploadEnv.putIfAbsent(s, env);
            }
        }
        diagnostics.add(Diagnostic.info(FOLLOWED, "this step uploads " + u.file + ": its " + steps.items().size()
                + " step(s) are planned right after it" + (u.replace ? ", replacing the rest of the pipeline" : ""), at));
        return steps.items();
    }

    /** One {@code pipeline upload} in a step's commands. */
    record Upload(String file, boolean replace, String dynamic) {
    }

    /** Every {@code buildkite-agent pipeline upload} line of a command step, in order. */
    static List<Upload> uploads(YamlMap step) {
        List<Upload> out = new ArrayList<>();
        for (String key : List.of("command", "commands")) {
            YamlNode node = step.get(key);
            List<YamlNode> items = node instanceof YamlSeq s ? s.items() : node == null ? List.of() : List.of(node);
            for (YamlNode item : items) {
                if (item instanceof YamlScalar sc && sc.text() != null) {
                    for (String line : sc.text().split("\n")) {
                        Upload u = upload(line);
                        if (u != null) {
                            out.add(u);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static final String COMMAND = "buildkite-agent pipeline upload";

    /** The upload a shell line performs, or null. Comments are ignored; a pipe into the upload is dynamic. */
    static Upload upload(String rawLine) {
        String line = rawLine.strip();
        if (line.startsWith("#")) {
            return null;
        }
        String squeezed = line.replaceAll("\\s+", " ");
        int at = squeezed.indexOf(COMMAND);
        if (at < 0) {
            return null;
        }
        String before = squeezed.substring(0, at).strip();
        if (before.endsWith("|")) {
            return new Upload(null, false, squeezed);
        }
        String rest = squeezed.substring(at + COMMAND.length()).strip();
        int end = indexOfAny(rest, ";&|#<>)");
        if (end >= 0) {
            if (rest.charAt(end) == '<') {
                return new Upload(null, false, squeezed);
            }
            rest = rest.substring(0, end).strip();
        }
        boolean replace = false;
        String file = null;
        String[] words = rest.isEmpty() ? new String[0] : rest.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = unquote(words[i]);
            if (w.equals("--replace")) {
                replace = true;
            } else if (w.startsWith("--")) {
                if (!w.contains("=") && VALUED.contains(w) && i + 1 < words.length) {
                    i++;
                }
            } else if (file == null) {
                file = w;
            }
        }
        if (file == null) {
            return new Upload(null, false, squeezed + " (no file: the agent's default pipeline file, or standard input)");
        }
        return new Upload(file, replace, null);
    }

    /** Options of {@code pipeline upload} that take a value (agent CLI reference). */
    private static final List<String> VALUED = List.of("--job", "--agent-access-token", "--endpoint", "--format",
            "--redacted-vars", "--signing-key-path", "--jwks-file", "--jwks-key-id", "--signing-aws-kms-key",
            "--signing-gcp-kms-key", "--log-level", "--experiment", "--priority");

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String w) {
        if (w.length() >= 2 && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("'") && w.endsWith("'"))) {
            return w.substring(1, w.length() - 1);
        }
        return w;
    }
}
