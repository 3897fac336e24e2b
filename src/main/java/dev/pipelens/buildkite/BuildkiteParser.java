package dev.pipelens.buildkite;

import dev.pipelens.model.BlockStep;
import dev.pipelens.model.CommandStep;
import dev.pipelens.model.Condition;
import dev.pipelens.model.Dependency;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.ExtraField;
import dev.pipelens.model.GroupStep;
import dev.pipelens.model.InputField;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.MatrixJob;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.SoftFail;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.model.Step;
import dev.pipelens.model.StepInfo;
import dev.pipelens.model.TriggerStep;
import dev.pipelens.model.UnknownStep;
import dev.pipelens.model.WaitStep;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Buildkite pipeline YAML tree into the {@link Pipeline} model, interpolating every string with
 * the given {@link TextInterpolator} as {@code buildkite-agent pipeline upload} would. Reports, never
 * throws: problems are collected as diagnostics and the rest of the pipeline is still read.
 * Step types are inferred as go-pipeline does: {@code type:} first, else the first of
 * command/commands/script/plugins, wait/waiter, block/manual, input, trigger, group.
 */
public final class BuildkiteParser {

    private static final Set<String> COMMON = Set.of("key", "id", "identifier", "label", "name", "if", "branches",
            "depends_on", "allow_dependency_failure", "type");
    private static final Set<String> COMMAND_KNOWN = Set.of("command", "commands", "script", "skip", "soft_fail",
            "parallelism", "matrix", "env", "concurrency_group", "concurrency", "cancel_on_build_failing");
    private static final Set<String> COMMAND_PASSIVE = Set.of("plugins", "agents", "artifact_paths", "timeout_in_minutes",
            "retry", "priority", "notify", "if_changed", "concurrency_method", "image", "secrets", "signature",
            "cache", "allow_failure");
    private static final Set<String> WAIT_KNOWN = Set.of("wait", "waiter", "continue_on_failure");
    private static final Set<String> BLOCK_KNOWN = Set.of("block", "input", "manual", "prompt", "fields", "blocked_state",
            "submit", "allowed_teams");
    private static final Set<String> TRIGGER_KNOWN = Set.of("trigger", "async", "build", "skip", "soft_fail", "parallelism",
            "if_changed");
    private static final Set<String> GROUP_KNOWN = Set.of("group", "steps", "skip", "notify", "allow_dependency_failure");
    private static final Set<String> TOP_LEVEL = Set.of("steps", "env", "agents", "notify", "image", "secrets",
            "priority", "cache");

    private final String file;
    private TextInterpolator interpolator;
    /** Uploaded steps whose file has a top-level env, with that env block (none for a file read alone). */
    private Map<YamlNode, YamlMap> uploadEnv = Map.of();
    private java.util.function.Function<Map<String, String>, TextInterpolator> interpolatorForEnv;
    private Map<String, String> topEnv = Map.of();
    /** The interpolated top-level env of the uploaded file the step being read comes from; empty otherwise. */
    private Map<String, String> stepUploadEnv = Map.of();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, Integer> slugCounts = new LinkedHashMap<>();
    /** Unknown step attributes by "type name", each with every place it is written (reported once per key). */
    private final Map<String, List<SourceSpan>> unknownKeys = new LinkedHashMap<>();

    private BuildkiteParser(String file, TextInterpolator interpolator) {
        this.file = file;
        this.interpolator = interpolator;
    }

    /** The result of reading: the pipeline (never null; maybe with no steps) and every problem found. */
    public record Result(Pipeline pipeline, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Reads {@code root}. {@code interpolatorForEnv} receives the interpolated top-level {@code env:} (in
     * order) and returns the interpolator for the steps, so that top-level env feeds step interpolation.
     */
    public static Result parse(String file, YamlNode root, java.util.function.Function<Map<String, String>, TextInterpolator> interpolatorForEnv) {
        return parse(file, root, interpolatorForEnv, Map.of());
    }

    /**
     * {@link #parse(String, YamlNode, java.util.function.Function)} of a pipeline with uploaded steps spliced in
     * ({@link UploadFollower}): a step in {@code uploadEnv} is interpolated with its file's top-level env over this
     * file's, and that env is set on its command steps below their own env (what the agent and Buildkite do
     * with the env block of an uploaded file).
     */
    public static Result parse(String file, YamlNode root,
                               java.util.function.Function<Map<String, String>, TextInterpolator> interpolatorForEnv,
                               Map<YamlNode, YamlMap> uploadEnv) {
        BuildkiteParser envReader = new BuildkiteParser(file, TextInterpolator.NONE);
        List<YamlNode> stepNodes;
        Map<String, String> env = new LinkedHashMap<>();
        YamlNode stepsNode;
        YamlMap topMap = null;
        if (root instanceof YamlSeq) {
            stepsNode = root;
        } else if (root instanceof YamlMap m) {
            topMap = m;
            stepsNode = m.get("steps");
        } else {
            stepsNode = null;
        }
        // Interpolate the top-level env in order; each value can use the ones before it.
        TextInterpolator base = interpolatorForEnv.apply(Map.of());
        if (topMap != null && topMap.get("env") instanceof YamlMap envMap) {
            for (YamlMap.Entry e : envMap.entries()) {
                BuildkiteParser p = new BuildkiteParser(file, interpolatorForEnv.apply(env));
                String value = e.value() instanceof YamlScalar s ? p.str(s) : null;
                envReader.diagnostics.addAll(p.diagnostics);
                if (value != null) {
                    env.put(e.name(), value);
                }
            }
            base = interpolatorForEnv.apply(env);
        }
        BuildkiteParser parser = new BuildkiteParser(file, base);
        parser.uploadEnv = uploadEnv;
        parser.interpolatorForEnv = interpolatorForEnv;
        parser.topEnv = env;
        parser.diagnostics.addAll(envReader.diagnostics);
        if (root == null) {
            return new Result(new Pipeline(file, env, List.of()), parser.diagnostics);
        }
        if (stepsNode == null) {
            parser.error(BuildkiteCodes.NOT_A_PIPELINE, "a Buildkite pipeline needs a top-level \"steps:\" list",
                    root.span());
            return new Result(new Pipeline(file, env, List.of()), parser.diagnostics);
        }
        if (topMap != null) {
            for (YamlMap.Entry e : topMap.entries()) {
                if (!TOP_LEVEL.contains(e.name()) && !e.name().startsWith("x-") && !e.name().startsWith(".")) {
                    parser.diagnostics.add(Diagnostic.info(BuildkiteCodes.UNKNOWN_KEY, "top-level key \"" + e.name()
                            + "\" is not a Buildkite pipeline attribute (kept, not interpreted)", e.key().span()));
                }
            }
        }
        if (!(stepsNode instanceof YamlSeq seq)) {
            if (stepsNode instanceof YamlScalar s && s.isNull()) {
                stepNodes = List.of();
            } else {
                parser.error(BuildkiteCodes.BAD_VALUE, "\"steps\" must be a list, not " + stepsNode.describe(),
                        stepsNode.span());
                stepNodes = List.of();
            }
        } else {
            stepNodes = seq.items();
        }
        List<Step> steps = parser.readSteps(stepNodes, "steps", null);
        parser.reportUnknownKeys();
        return new Result(new Pipeline(file, env, steps), parser.diagnostics);
    }

    // ---------------------------------------------------------------- steps

    private List<Step> readSteps(List<YamlNode> nodes, String path, String groupId) {
        List<Step> steps = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Step s = readStep(nodes.get(i), path + "[" + i + "]", groupId);
            if (s != null) {
                steps.add(s);
            }
        }
        return steps;
    }

    private Step readStep(YamlNode node, String path, String groupId) {
        YamlMap own = uploadEnv.get(node);
        if (own == null) {
            return readStepAsIs(node, path, groupId);
        }
        TextInterpolator outer = interpolator;
        Map<String, String> outerEnv = stepUploadEnv;
        Map<String, String> all = new LinkedHashMap<>(topEnv);
        Map<String, String> mine = new LinkedHashMap<>();
        for (YamlMap.Entry e : own.entries()) {
            interpolator = interpolatorForEnv.apply(all);
            String value = e.value() instanceof YamlScalar s ? str(s) : null;
            if (value != null) {
                all.put(e.name(), value);
                mine.put(e.name(), value);
            }
        }
        interpolator = interpolatorForEnv.apply(all);
        stepUploadEnv = mine;
        try {
            return readStepAsIs(node, path, groupId);
        } finally {
            interpolator = outer;
            stepUploadEnv = outerEnv;
        }
    }

    private Step readStepAsIs(YamlNode node, String path, String groupId) {
        if (node instanceof YamlScalar s) {
            String word = s.isNull() ? "" : s.value().trim();
            StepInfo info = info(null, word, s.span(), path, groupId, word.equals("waiter") ? "wait" : word);
            switch (word) {
                case "wait", "waiter":
                    return new WaitStep(info, false);
                case "block", "manual":
                    return new BlockStep(info, null, List.of(), "passed");
                case "input":
                    return new InputStep(info, null, List.of(), "passed");
                default:
                    error(BuildkiteCodes.UNKNOWN_STEP, "\"" + word + "\" is not a step; a step is a mapping or one of "
                            + "wait, block, input", s.span());
                    return new UnknownStep(info(null, word, s.span(), path, groupId, "unknown"), word);
            }
        }
        if (!(node instanceof YamlMap map)) {
            error(BuildkiteCodes.UNKNOWN_STEP, "a step must be a mapping, not " + node.describe(), node.span());
            return new UnknownStep(info(null, null, node.span(), path, groupId, "unknown"), "list");
        }
        String type = stepType(map);
        if (type == null) {
            error(BuildkiteCodes.UNKNOWN_STEP, "cannot tell the type of this step (keys: " + String.join(", ", map.keys())
                    + "); expected command, wait, block, input, trigger or group", map.span());
            return new UnknownStep(info(map, null, map.span(), path, groupId, "unknown"), "unknown");
        }
        switch (type) {
            case "command":
                return command(map, path, groupId);
            case "wait":
                return waitStep(map, path, groupId);
            case "block":
            case "input":
                return gate(map, path, groupId, type);
            case "trigger":
                return trigger(map, path, groupId);
            case "group":
                return group(map, path, groupId);
            default:
                error(BuildkiteCodes.UNKNOWN_STEP, "unknown step type \"" + type + "\"", map.span());
                return new UnknownStep(info(map, null, map.span(), path, groupId, type), type);
        }
    }

    private String stepType(YamlMap map) {
        String explicit = map.text("type");
        if (explicit != null) {
            String t = explicit.toLowerCase(Locale.ROOT);
            switch (t) {
                case "script", "command", "commands":
                    return "command";
                case "waiter", "wait":
                    return "wait";
                case "manual", "block":
                    return "block";
                case "input", "trigger", "group":
                    return t;
                default:
                    return t;
            }
        }
        for (YamlMap.Entry e : map.entries()) {
            switch (e.name()) {
                case "command", "commands", "script", "plugins":
                    return "command";
                case "wait", "waiter":
                    return "wait";
                case "block", "manual":
                    return "block";
                case "input":
                    return "input";
                case "trigger":
                    return "trigger";
                case "group":
                    return "group";
                default:
                    break;
            }
        }
        return null;
    }

    private CommandStep command(YamlMap map, String path, String groupId) {
        String label = firstText(map, "label", "name");
        List<String> commands = new ArrayList<>();
        for (String k : List.of("command", "commands", "script")) {
            YamlNode n = map.get(k);
            if (n instanceof YamlScalar s && !s.isNull()) {
                commands.add(str(s));
            } else if (n instanceof YamlSeq seq) {
                for (YamlNode item : seq.items()) {
                    if (item instanceof YamlScalar s && !s.isNull()) {
                        commands.add(str(s));
                    } else if (item instanceof YamlSeq nested) {
                        for (YamlNode inner : nested.items()) {
                            if (inner instanceof YamlScalar s2) {
                                commands.add(str(s2));
                            }
                        }
                    }
                }
            }
        }
        // like Buildkite's UI, a step without a label is known by its command (used for its id only)
        StepInfo info = info(map, label, map.span(), path, groupId, "command",
                label == null && !commands.isEmpty() ? commands.get(0) : label);
        SoftFail softFail = softFail(map.get("soft_fail"));
        int parallelism = intValue(map, "parallelism", 1);
        List<MatrixJob> matrix = new MatrixExpander(this).expand(map.get("matrix"), label == null ? "" : label);
        if (!matrix.isEmpty() && map.has("parallelism")) {
            error(BuildkiteCodes.MATRIX, "a step cannot have both matrix and parallelism", map.get("parallelism").span());
        }
        Map<String, String> env = stringMap(map.get("env"));
        if (!stepUploadEnv.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(stepUploadEnv);
            merged.putAll(env); // the step's env wins over its pipeline's (Buildkite's precedence)
            env = merged;
        }
        Integer concurrency = map.has("concurrency") ? intValue(map, "concurrency", 1) : null;
        if (concurrency != null && !map.has("concurrency_group")) {
            error(BuildkiteCodes.BAD_VALUE, "concurrency needs a concurrency_group", map.get("concurrency").span());
        }
        return new CommandStep(info, commands, softFail, parallelism, matrix, env, text(map, "concurrency_group"),
                concurrency, bool(map, "cancel_on_build_failing", false));
    }

    private WaitStep waitStep(YamlMap map, String path, String groupId) {
        YamlNode w = map.has("wait") ? map.get("wait") : map.get("waiter");
        String label = w instanceof YamlScalar s && !s.isNull() ? str(s) : firstText(map, "label", "name");
        StepInfo info = info(map, label, map.span(), path, groupId, "wait");
        return new WaitStep(info, bool(map, "continue_on_failure", false));
    }

    private Step gate(YamlMap map, String path, String groupId, String type) {
        String labelKey = type.equals("input") ? "input" : (map.has("block") ? "block" : "manual");
        YamlNode l = map.get(labelKey);
        String label = l instanceof YamlScalar s && !s.isNull() ? str(s) : firstText(map, "label", "name");
        StepInfo info = info(map, label, map.span(), path, groupId, type);
        List<InputField> fields = fields(map.get("fields"));
        String blockedState = text(map, "blocked_state");
        if (blockedState == null) {
            blockedState = "passed";
        } else if (!Set.of("passed", "failed", "running").contains(blockedState)) {
            error(BuildkiteCodes.BAD_VALUE, "blocked_state must be passed, failed or running, not \"" + blockedState + "\"",
                    map.get("blocked_state").span());
        }
        String prompt = text(map, "prompt");
        return type.equals("input") ? new InputStep(info, prompt, fields, blockedState)
                : new BlockStep(info, prompt, fields, blockedState);
    }

    private TriggerStep trigger(YamlMap map, String path, String groupId) {
        String pipeline = text(map, "trigger");
        String label = firstText(map, "label", "name");
        StepInfo info = info(map, label != null ? label : pipeline, map.span(), path, groupId, "trigger");
        String branch = null;
        Map<String, String> env = Map.of();
        if (map.get("build") instanceof YamlMap build) {
            branch = text(build, "branch");
            env = stringMap(build.get("env"));
        }
        return new TriggerStep(info, pipeline, bool(map, "async", false), branch, env, softFail(map.get("soft_fail")),
                intValue(map, "parallelism", 1));
    }

    private GroupStep group(YamlMap map, String path, String parentGroup) {
        String label = map.get("group") instanceof YamlScalar s && !s.isNull() ? str(s) : firstText(map, "label", "name");
        StepInfo info = info(map, label, map.span(), path, parentGroup, "group");
        if (parentGroup != null) {
            error(BuildkiteCodes.BAD_VALUE, "groups cannot be nested", map.span());
        }
        YamlNode stepsNode = map.get("steps");
        List<Step> children;
        if (stepsNode instanceof YamlSeq seq) {
            children = readSteps(seq.items(), path + ".steps", info.id());
        } else {
            error(BuildkiteCodes.BAD_VALUE, "a group needs a \"steps:\" list", stepsNode == null ? map.span() : stepsNode.span());
            children = List.of();
        }
        return new GroupStep(info, children);
    }

    // ---------------------------------------------------------------- common attributes

    private StepInfo info(YamlMap map, String label, SourceSpan span, String path, String groupId, String type) {
        return info(map, label, span, path, groupId, type, label);
    }

    private StepInfo info(YamlMap map, String label, SourceSpan span, String path, String groupId, String type,
                          String idSource) {
        String key = null;
        Condition condition = null;
        List<String> branches = List.of();
        List<Dependency> deps = null;
        boolean adf = false;
        String skip = null;
        List<ExtraField> extras = new ArrayList<>();
        // the id comes from the text as written, not interpolated, so it is the same in every scenario
        String rawLabel = map != null ? rawIdSource(map, type) : idSource;
        if (map != null) {
            YamlNode keyNode = null;
            for (String k : List.of("key", "id", "identifier")) {
                if (map.has(k)) {
                    if (keyNode != null) {
                        warning(BuildkiteCodes.BAD_VALUE, "\"" + k + "\" is another name for key; the first one is used",
                                map.get(k).span());
                        continue;
                    }
                    keyNode = map.get(k);
                }
            }
            if (keyNode instanceof YamlScalar ks && !ks.isNull()) {
                key = str(ks);
                if (key != null && !validKey(key)) {
                    warning(BuildkiteCodes.INVALID_KEY, "key \"" + key + "\" has characters Buildkite does not allow in a key",
                            ks.span());
                }
            }
            YamlNode ifNode = map.get("if");
            if (ifNode instanceof YamlScalar is && !is.isNull()) {
                String text = str(is);
                if (is.kind() == YamlScalar.Kind.BOOL) {
                    warning(BuildkiteCodes.BAD_VALUE, "if: " + is.value() + " is a YAML boolean; quote the condition",
                            is.span());
                }
                condition = new Condition(text, is.quoted() && is.span().isKnown() ? is.span().plusColumns(1) : is.span());
            } else if (ifNode != null && !(ifNode instanceof YamlScalar)) {
                error(BuildkiteCodes.BAD_VALUE, "if must be a string, not " + ifNode.describe(), ifNode.span());
            }
            branches = branches(map.get("branches"));
            if (condition != null && map.has("branches")) {
                error(BuildkiteCodes.IF_AND_BRANCHES, "a step cannot use both if and branches", map.get("branches").span());
            }
            if (map.entry("depends_on").isPresent()) {
                deps = dependencies(map.get("depends_on"));
            }
            adf = bool(map, "allow_dependency_failure", false);
            YamlNode skipNode = map.get("skip");
            if (skipNode instanceof YamlScalar ss && !ss.isNull()) {
                Boolean b = ss.asBoolean();
                if (b == null) {
                    String reason = str(ss);
                    skip = reason == null || reason.isEmpty() ? null : reason;
                } else if (b) {
                    skip = "true";
                }
            }
            Set<String> known = knownKeys(type);
            for (YamlMap.Entry e : map.entries()) {
                String name = e.name();
                if (COMMON.contains(name) || known.contains(name)) {
                    continue;
                }
                extras.add(new ExtraField(name, render(e.value(), 0), e.key().span()));
                if (!COMMAND_PASSIVE.contains(name) && !name.equals("agents") && !name.equals("plugins")) {
                    unknownKeys.computeIfAbsent(type + " " + name, k -> new ArrayList<>()).add(e.key().span());
                }
            }
        }
        String id = uniqueId(key, rawLabel, type, groupId);
        return new StepInfo(id, key, label, condition, branches, deps, adf, skip, span, path, extras);
    }

    /**
     * One finding per unknown attribute and step type, at its first place, naming the other lines. Buildkite
     * keeps unknown attributes without complaint, so a key is a warning only when it looks like a typo of a
     * known one (its setting then silently does nothing); otherwise it is information.
     */
    private void reportUnknownKeys() {
        for (Map.Entry<String, List<SourceSpan>> e : unknownKeys.entrySet()) {
            String type = e.getKey().substring(0, e.getKey().indexOf(' '));
            String name = e.getKey().substring(type.length() + 1);
            List<SourceSpan> where = e.getValue();
            java.util.Set<String> candidates = new java.util.TreeSet<>(COMMON);
            candidates.addAll(knownKeys(type));
            if (type.equals("command")) {
                candidates.addAll(COMMAND_PASSIVE);
            }
            String near = dev.pipelens.model.Spelling.nearest(name, candidates);
            StringBuilder msg = new StringBuilder("\"" + name + "\" is not a known attribute of a " + type + " step");
            if (near != null) {
                msg.append("; did you mean \"").append(near).append("\"? As written it does nothing. Fix: rename it to ")
                        .append(near);
            } else {
                msg.append(" (Buildkite keeps it; Pipelens does not interpret it)");
            }
            if (where.size() > 1) {
                List<String> lines = new ArrayList<>();
                for (SourceSpan s : where.subList(1, Math.min(where.size(), 11))) {
                    lines.add(String.valueOf(s.line()));
                }
                msg.append("; ").append(where.size()).append(" times, also on line").append(where.size() > 2 ? "s " : " ")
                        .append(String.join(", ", lines)).append(where.size() > 11 ? ", ..." : "");
            }
            diagnostics.add(near != null ? Diagnostic.warning(BuildkiteCodes.UNKNOWN_KEY, msg.toString(), where.get(0))
                    : Diagnostic.info(BuildkiteCodes.UNKNOWN_KEY, msg.toString(), where.get(0)));
        }
    }

    private static Set<String> knownKeys(String type) {
        switch (type) {
            case "command":
                return COMMAND_KNOWN;
            case "wait":
                return WAIT_KNOWN;
            case "block":
            case "input":
                return BLOCK_KNOWN;
            case "trigger":
                return TRIGGER_KNOWN;
            case "group":
                return GROUP_KNOWN;
            default:
                return Set.of();
        }
    }

    /** The label-like text a generated id is made from, as written (before interpolation). */
    private static String rawIdSource(YamlMap map, String type) {
        String[] keys;
        switch (type) {
            case "command":
                keys = new String[] {"label", "name", "command", "commands", "script"};
                break;
            case "wait":
                keys = new String[] {"wait", "waiter", "label", "name"};
                break;
            case "block":
                keys = new String[] {"block", "manual", "label", "name"};
                break;
            case "input":
                keys = new String[] {"input", "label", "name"};
                break;
            case "trigger":
                keys = new String[] {"label", "name", "trigger"};
                break;
            case "group":
                keys = new String[] {"group", "label", "name"};
                break;
            default:
                keys = new String[] {"label", "name"};
                break;
        }
        for (String k : keys) {
            YamlNode n = map.get(k);
            if (n instanceof YamlSeq seq && seq.size() > 0) {
                n = seq.get(0);
            }
            if (n instanceof YamlScalar sc && !sc.isNull() && !sc.value().isBlank()) {
                return sc.value();
            }
        }
        return null;
    }

    /**
     * A stable id: the key when there is one; else a slug of the label (stable when steps are added or
     * moved, which keeps {@code diff} meaningful); else the type with a counter. Unique in the file.
     */
    private String uniqueId(String key, String label, String type, String groupId) {
        String base;
        if (key != null && !key.isBlank()) {
            base = key;
        } else {
            String slug = slug(label);
            base = slug.isEmpty() ? type : slug;
        }
        String id = base;
        if (key == null || !usedIds.add(id)) {
            int n = slugCounts.merge(base, 1, Integer::sum);
            id = n == 1 && key == null ? base : base + "-" + n;
            while (!usedIds.add(id)) {
                n = slugCounts.merge(base, 1, Integer::sum);
                id = base + "-" + n;
            }
        }
        return id;
    }

    /** Buildkite's key pattern {@code ^[a-zA-Z0-9_\-:${}.,/]+$}, checked without a regex. */
    static boolean validKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_-:${}.,/".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Removes {@code :emoji_codes:} from a label. */
    static String withoutEmojiCodes(String label) {
        StringBuilder out = new StringBuilder(label.length());
        int i = 0;
        while (i < label.length()) {
            char c = label.charAt(i);
            if (c == ':') {
                int j = i + 1;
                while (j < label.length() && isEmojiChar(label.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && j < label.length() && label.charAt(j) == ':') {
                    out.append(' ');
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isEmojiChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
    }

    /** Splits on runs of whitespace. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    static String slug(String label) {
        if (label == null) {
            return "";
        }
        String s = withoutEmojiCodes(label).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < s.length() && out.length() < 60; i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                dash = false;
            } else if (!dash && out.length() > 0) {
                out.append('-');
                dash = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    private List<Dependency> dependencies(YamlNode node) {
        List<Dependency> deps = new ArrayList<>();
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return deps;
        }
        if (node instanceof YamlScalar s) {
            addDependency(deps, str(s), false, s.span());
            return deps;
        }
        if (node instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlScalar s && !s.isNull()) {
                    addDependency(deps, str(s), false, s.span());
                } else if (item instanceof YamlMap m) {
                    String step = text(m, "step");
                    if (step == null) {
                        error(BuildkiteCodes.BAD_VALUE, "a depends_on entry needs \"step:\"", m.span());
                        continue;
                    }
                    addDependency(deps, step, bool(m, "allow_failure", false), m.span());
                } else {
                    error(BuildkiteCodes.BAD_VALUE, "depends_on entries must be keys or {step, allow_failure}, not "
                            + item.describe(), item.span());
                }
            }
            return deps;
        }
        error(BuildkiteCodes.BAD_VALUE, "depends_on must be a key or a list, not " + node.describe(), node.span());
        return deps;
    }

    private void addDependency(List<Dependency> deps, String key, boolean allowFailure, SourceSpan span) {
        if (key == null || key.isEmpty()) {
            return;
        }
        if (key.contains(" ")) {
            error(BuildkiteCodes.BAD_VALUE, "depends_on \"" + key + "\" contains a space: Buildkite rejects it (list the keys "
                    + "as a YAML list)", span);
        }
        deps.add(new Dependency(key, allowFailure, span));
    }

    private List<String> branches(YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlScalar s && !s.isNull()) {
            out.addAll(words(str(s)));
        } else if (node instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlScalar s && !s.isNull()) {
                    out.addAll(words(str(s)));
                }
            }
        }
        return out;
    }

    private SoftFail softFail(YamlNode node) {
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return SoftFail.NONE;
        }
        if (node instanceof YamlScalar s) {
            Boolean b = s.asBoolean();
            if (b == null) {
                error(BuildkiteCodes.BAD_VALUE, "soft_fail must be true, false or a list of exit_status entries",
                        s.span());
                return SoftFail.NONE;
            }
            return b ? SoftFail.ALL : SoftFail.NONE;
        }
        if (node instanceof YamlSeq seq) {
            List<Integer> statuses = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                YamlNode st = item instanceof YamlMap m ? m.get("exit_status") : null;
                if (st instanceof YamlScalar s) {
                    if ("*".equals(s.value())) {
                        return SoftFail.ALL;
                    }
                    Long v = s.asLong();
                    if (v != null) {
                        statuses.add(v.intValue());
                        continue;
                    }
                }
                error(BuildkiteCodes.BAD_VALUE, "soft_fail entries look like {exit_status: 1} or {exit_status: \"*\"}",
                        item.span());
            }
            return new SoftFail(false, statuses);
        }
        error(BuildkiteCodes.BAD_VALUE, "soft_fail must be true, false or a list", node.span());
        return SoftFail.NONE;
    }

    private List<InputField> fields(YamlNode node) {
        List<InputField> out = new ArrayList<>();
        if (!(node instanceof YamlSeq seq)) {
            return out;
        }
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlMap m)) {
                continue;
            }
            String kind = m.has("select") ? "select" : "text";
            List<String> options = new ArrayList<>();
            if (m.get("options") instanceof YamlSeq opts) {
                for (YamlNode o : opts.items()) {
                    if (o instanceof YamlMap om) {
                        String v = text(om, "value");
                        if (v != null) {
                            options.add(v);
                        }
                    } else if (o instanceof YamlScalar os && !os.isNull()) {
                        options.add(str(os));
                    }
                }
            }
            out.add(new InputField(kind, text(m, "key"), text(m, kind), bool(m, "required", true), text(m, "default"),
                    options));
        }
        return out;
    }

    // ---------------------------------------------------------------- scalar helpers

    /** The interpolated text of a scalar, or null for a YAML null. Interpolation errors are reported here. */
    String str(YamlScalar s) {
        if (s.isNull()) {
            return null;
        }
        try {
            return interpolator.apply(s.value());
        } catch (TextInterpolator.Failure f) {
            SourceSpan at = s.span().plusColumns((s.quoted() ? 1 : 0) + Math.max(0, f.offset()));
            error(BuildkiteCodes.INTERPOLATION, "upload fails: " + f.getMessage(), at);
            return s.value();
        }
    }

    private String text(YamlMap map, String key) {
        return map.get(key) instanceof YamlScalar s ? str(s) : null;
    }

    private String firstText(YamlMap map, String... keys) {
        for (String k : keys) {
            String v = text(map, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private boolean bool(YamlMap map, String key, boolean fallback) {
        YamlNode n = map.get(key);
        if (n == null || n instanceof YamlScalar s0 && s0.isNull()) {
            return fallback;
        }
        if (n instanceof YamlScalar s) {
            String v = str(s);
            if ("true".equals(v)) {
                return true;
            }
            if ("false".equals(v)) {
                return false;
            }
        }
        error(BuildkiteCodes.BAD_VALUE, key + " must be true or false, not " + n.describe(), n.span());
        return fallback;
    }

    private int intValue(YamlMap map, String key, int fallback) {
        YamlNode n = map.get(key);
        if (n == null) {
            return fallback;
        }
        if (n instanceof YamlScalar s) {
            String v = str(s);
            try {
                int parsed = Integer.parseInt(v == null ? "" : v.trim());
                if (parsed >= 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(BuildkiteCodes.BAD_VALUE, key + " must be a whole number, not " + n.describe(), n.span());
        return fallback;
    }

    private Map<String, String> stringMap(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                if (e.value() instanceof YamlScalar s) {
                    out.put(e.name(), s.isNull() ? "" : str(s));
                } else {
                    out.put(e.name(), render(e.value(), 0));
                }
            }
        } else if (node instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlScalar s && !s.isNull()) {
                    String v = str(s);
                    int eq = v.indexOf('=');
                    if (eq > 0) {
                        out.put(v.substring(0, eq), v.substring(eq + 1));
                    }
                }
            }
        }
        return out;
    }

    /** A compact one-line YAML-ish rendering of a node, for extras. Bounded in length. */
    static String render(YamlNode node, int depth) {
        StringBuilder sb = new StringBuilder();
        render(node, depth, sb);
        return sb.length() > 400 ? sb.substring(0, 397) + "..." : sb.toString();
    }

    private static void render(YamlNode node, int depth, StringBuilder sb) {
        if (sb.length() > 400) {
            return;
        }
        if (node instanceof YamlScalar s) {
            sb.append(s.isNull() ? "~" : s.value());
        } else if (node instanceof YamlSeq seq) {
            sb.append('[');
            for (int i = 0; i < seq.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                render(seq.get(i), depth + 1, sb);
            }
            sb.append(']');
        } else if (node instanceof YamlMap m) {
            sb.append('{');
            for (int i = 0; i < m.entries().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(m.entries().get(i).name()).append(": ");
                render(m.entries().get(i).value(), depth + 1, sb);
            }
            sb.append('}');
        }
    }

    void error(String code, String message, SourceSpan span) {
        diagnostics.add(Diagnostic.error(code, message, span));
    }

    void warning(String code, String message, SourceSpan span) {
        diagnostics.add(Diagnostic.warning(code, message, span));
    }

    void info(String code, String message, SourceSpan span) {
        diagnostics.add(Diagnostic.info(code, message, span));
    }
}
