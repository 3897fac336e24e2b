package dev.pipelens.yaml;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SourceSpan;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads YAML safely. The text goes through SnakeYAML Engine's event parser only (YAML 1.2 core schema);
 * the node tree is composed here, iteratively, so that nesting depth, alias expansion and tags are
 * under our control: no object is ever constructed from a tag, {@code !!java...} and other unknown
 * global tags, and every local tag but GitLab's {@code !reference}, are refused with a located error, merge keys ({@code <<}) are resolved, and aliases share
 * one immutable node. Never throws for bad input: every problem is a {@link Diagnostic}.
 */
public final class YamlLoader {

    /** Diagnostic codes of this package. */
    public static final String SYNTAX = "yaml-syntax";
    public static final String TOO_LARGE = "yaml-file-too-large";
    public static final String TOO_DEEP = "yaml-too-deep";
    public static final String ALIAS_EXPANSION = "yaml-alias-expansion";
    public static final String UNKNOWN_ALIAS = "yaml-unknown-alias";
    public static final String RECURSIVE_ALIAS = "yaml-recursive-alias";
    public static final String TAG = "yaml-tag-refused";
    public static final String DUPLICATE_KEY = "yaml-duplicate-key";
    public static final String COMPLEX_KEY = "yaml-complex-key";
    public static final String ENCODING = "yaml-encoding";
    public static final String MULTIPLE_DOCUMENTS = "yaml-multiple-documents";
    public static final String UNREADABLE = "file-unreadable";
    public static final String MERGE = "yaml-merge";
    /** A plain scalar GitLab's YAML reader turns into a class GitLab does not load (a date or a time). */
    public static final String PSYCH_REFUSED = "yaml-psych-class-refused";

    private static final String CORE = "tag:yaml.org,2002:";
    private static final int MAX_PER_CODE = 50;
    private static final Set<String> SCALAR_TAGS = Set.of("str", "int", "float", "bool", "null");
    /** The local tags a supported CI system gives a meaning to (GitLab's {@code !reference}); any other is refused. */
    private static final Set<String> LOCAL_TAGS = Set.of("!reference");
    /** Diagnostic code: the file holds no YAML document at all (empty, or only comments). */
    public static final String EMPTY = "yaml-empty";

    private final YamlLimits limits;
    private final YamlDialect dialect;

    public YamlLoader() {
        this(YamlLimits.DEFAULT);
    }

    public YamlLoader(YamlLimits limits) {
        this(limits, YamlDialect.YAML_1_2);
    }

    /** A loader that resolves plain scalars and merge keys as {@code dialect}'s reader does. */
    public YamlLoader(YamlLimits limits, YamlDialect dialect) {
        this.limits = limits;
        this.dialect = dialect;
    }

    /** Reads and loads a file; an unreadable, oversized or non-UTF-8 file gives a document with no root and an error. */
    public YamlDocument load(Path path) {
        return load(path, path.toString());
    }

    /**
     * Reads and loads a file, naming it {@code file} in spans and messages (the window shows a bundled
     * sample under its own name). Only a regular file is read (after following symbolic links): a device
     * such as {@code /dev/zero}, a FIFO or a directory is refused before it is opened. The size limit is
     * checked before reading and again while reading, so a file that grows (or lies about its size)
     * never costs more than the limit.
     */
    public YamlDocument load(Path path, String file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return failed(file, "", Diagnostic.error(UNREADABLE, "not a regular file ("
                        + (attributes.isDirectory() ? "a directory" : "a device, FIFO or socket")
                        + "); Pipelens reads only regular files", new SourceSpan(file, 1, 1)));
            }
            long size = attributes.size();
            if (size > limits.maxFileBytes()) {
                return tooLarge(file, "file is " + size + " bytes, larger");
            }
            byte[] bytes = readBounded(path, limits.maxFileBytes());
            if (bytes == null) {
                return tooLarge(file, "file grew while it was read, to more");
            }
            return parse(bytes, file);
        } catch (IOException e) {
            return failed(file, "", Diagnostic.error(UNREADABLE, "cannot read file: " + describe(e), new SourceSpan(file, 0, 0)));
        }
    }

    private YamlDocument tooLarge(String file, String what) {
        return failed(file, "", Diagnostic.error(TOO_LARGE, what + " than the limit of " + limits.maxFileBytes()
                + " bytes (raise it with --max-file-size)", new SourceSpan(file, 1, 1)));
    }

    /** The file's bytes, or null when it holds more than {@code max}; never reads more than {@code max + 1}. */
    private static byte[] readBounded(Path path, long max) throws IOException {
        int cap = (int) Math.min(max, Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 1 << 16));
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > cap) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Decodes UTF-8 bytes (a BOM is allowed) and loads them. */
    public YamlDocument parse(byte[] bytes, String file) {
        if (bytes.length > limits.maxFileBytes()) {
            return failed(file, "", Diagnostic.error(TOO_LARGE, "input is " + bytes.length + " bytes, larger than the limit of "
                    + limits.maxFileBytes() + " bytes (raise it with --max-file-size)", new SourceSpan(file, 1, 1)));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return parse(text, file);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            return failed(file, "", Diagnostic.error(ENCODING, "file is not valid UTF-8 (first bad byte at offset " + bad + ")",
                    spanOfByte(file, bytes, bad)));
        }
    }

    /** Loads YAML text. {@code file} is used in spans and messages. */
    public YamlDocument parse(String text, String file) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (text.length() > limits.maxFileBytes()) {
            diagnostics.add(Diagnostic.error(TOO_LARGE, "input is larger than the limit of " + limits.maxFileBytes()
                    + " bytes (raise it with --max-file-size)", new SourceSpan(file, 1, 1)));
            return new YamlDocument(file, text, null, diagnostics);
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file == null ? "<input>" : file)
                .setUseMarks(true)
                .setSchema(new CoreSchema())
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileBytes(), 1024)))
                // the whole text in one read: SnakeYAML's reader copies its window on every refill, which with
                // the default 1 KiB buffer makes one long scalar quadratic (a 10 MB line took over a minute)
                .setBufferSize(Math.max(1024, text.length() + 1))
                .build();
        Composer composer = new Composer(file, diagnostics, new CoreSchema().getScalarResolver());
        YamlNode root = null;
        try {
            root = composer.compose(new Parse(settings).parseString(text).iterator());
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            diagnostics.add(Diagnostic.error(SYNTAX, "invalid YAML: " + context + oneLine(problem), span(file, mark)));
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.error(SYNTAX, "invalid YAML: " + oneLine(e.getMessage()), new SourceSpan(file, 1, 1)));
        } catch (StopLoading e) {
            // the composer already reported why
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(Diagnostic.error(SYNTAX, "invalid YAML: " + oneLine(String.valueOf(e.getMessage())),
                    new SourceSpan(file, 1, 1)));
        }
        if (root == null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            diagnostics.add(Diagnostic.error(EMPTY, "the file holds no YAML document"
                    + (text.isBlank() ? " (it is empty)" : " (only comments)") + ", so no steps", new SourceSpan(file, 1, 1)));
        }
        return new YamlDocument(file, text, composer.failed ? null : root, diagnostics);
    }

    private static YamlDocument failed(String file, String text, Diagnostic d) {
        return new YamlDocument(file, text, null, List.of(d));
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    static SourceSpan span(String file, Mark mark) {
        if (mark == null) {
            return new SourceSpan(file, 1, 1);
        }
        return new SourceSpan(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lo = 0;
        int hi = bytes.length;
        // binary search for the longest valid prefix (cheap and bounded)
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid));
                lo = mid;
            } catch (CharacterCodingException e) {
                hi = mid - 1;
            }
        }
        return Math.min(lo, Math.max(0, bytes.length - 1));
    }

    private static SourceSpan spanOfByte(String file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceSpan(file, line, offset - lineStart + 1);
    }

    /** Thrown inside the composer to stop after a fatal, already reported problem. */
    private static final class StopLoading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopLoading() {
            super(null, null, false, false);
        }
    }

    /** Builds the node tree from parser events with an explicit stack (no recursion, bounded depth). */
    private final class Composer {
        private final String file;
        private final List<Diagnostic> diagnostics;
        private final ScalarResolver resolver;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final Map<YamlNode, Long> sizes = new IdentityHashMap<>();
        private final Set<String> openAnchors = new HashSet<>();
        private long expanded;
        private boolean failed;
        private boolean aliasLimitReported;
        private final Map<String, Integer> perCode = new HashMap<>();

        /** Adds a diagnostic; after 50 of one code, one summary line stands for the rest. */
        private void report(Diagnostic d) {
            int n = perCode.merge(d.code(), 1, Integer::sum);
            if (n <= MAX_PER_CODE) {
                diagnostics.add(d);
            } else if (n == MAX_PER_CODE + 1) {
                diagnostics.add(new Diagnostic(d.severity(), d.code(), "more problems like the one above were found "
                        + "and are not listed one by one", d.span(), ""));
            }
        }

        Composer(String file, List<Diagnostic> diagnostics, ScalarResolver resolver) {
            this.file = file;
            this.diagnostics = diagnostics;
            this.resolver = resolver;
        }

        /** A collection being built. */
        private final class Frame {
            final boolean mapping;
            final String anchor;
            final String tag;
            final SourceSpan span;
            final List<YamlNode> items = new ArrayList<>();
            long size = 1;

            Frame(boolean mapping, String anchor, String tag, SourceSpan span) {
                this.mapping = mapping;
                this.anchor = anchor;
                this.tag = tag;
                this.span = span;
            }
        }

        YamlNode compose(Iterator<Event> events) {
            Deque<Frame> stack = new ArrayDeque<>();
            YamlNode root = null;
            int documents = 0;
            while (events.hasNext()) {
                Event event = events.next();
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        documents++;
                        if (documents == 2) {
                            diagnostics.add(Diagnostic.warning(MULTIPLE_DOCUMENTS,
                                    "the file holds more than one YAML document; only the first is used",
                                    span(file, event.getStartMark().orElse(null))));
                        }
                    }
                    case MappingStart, SequenceStart -> {
                        CollectionStartEvent start = (CollectionStartEvent) event;
                        SourceSpan at = span(file, start.getStartMark().orElse(null));
                        if (stack.size() >= limits.maxDepth()) {
                            diagnostics.add(Diagnostic.error(TOO_DEEP, "nesting deeper than " + limits.maxDepth()
                                    + " levels", at));
                            failed = true;
                            throw new StopLoading();
                        }
                        String anchor = anchorName(start);
                        if (anchor != null) {
                            openAnchors.add(anchor);
                        }
                        stack.push(new Frame(event.getEventId() == Event.ID.MappingStart, anchor,
                                checkCollectionTag(start.getTag(), event.getEventId() == Event.ID.MappingStart, at), at));
                    }
                    case MappingEnd, SequenceEnd -> {
                        Frame frame = stack.pop();
                        YamlNode node = frame.mapping ? buildMap(frame) : new YamlSeq(frame.items, frame.tag, frame.span);
                        sizes.put(node, frame.size);
                        if (frame.anchor != null) {
                            openAnchors.remove(frame.anchor);
                            anchors.put(frame.anchor, node);
                        }
                        root = add(stack, node, frame.size, documents, root);
                    }
                    case Scalar -> {
                        ScalarEvent se = (ScalarEvent) event;
                        boolean key = !stack.isEmpty() && stack.peek().mapping && stack.peek().items.size() % 2 == 0;
                        YamlScalar scalar = scalar(se, key);
                        String anchor = anchorName(se);
                        if (anchor != null) {
                            anchors.put(anchor, scalar);
                        }
                        root = add(stack, scalar, 1, documents, root);
                    }
                    case Alias -> {
                        AliasEvent alias = (AliasEvent) event;
                        String name = alias.getAlias().getValue();
                        SourceSpan at = span(file, alias.getStartMark().orElse(null));
                        YamlNode target = anchors.get(name);
                        long size;
                        if (openAnchors.contains(name)) {
                            diagnostics.add(Diagnostic.error(RECURSIVE_ALIAS, "alias *" + name
                                    + " refers to a node that contains it (recursive alias)", at));
                            target = new YamlScalar("", YamlScalar.Kind.NULL, false, null, at);
                            size = 1;
                        } else if (target == null) {
                            diagnostics.add(Diagnostic.error(UNKNOWN_ALIAS, "alias *" + name + " has no anchor &" + name
                                    + " before it", at));
                            target = new YamlScalar("", YamlScalar.Kind.NULL, false, null, at);
                            size = 1;
                        } else {
                            size = sizes.getOrDefault(target, 1L);
                        }
                        if (expanded + size > limits.maxExpandedNodes()) {
                            if (!aliasLimitReported) {
                                diagnostics.add(Diagnostic.error(ALIAS_EXPANSION, "aliases expand to more than "
                                        + limits.maxExpandedNodes() + " nodes (alias bomb?); alias *" + name + " dropped", at));
                                aliasLimitReported = true;
                            }
                            failed = true;
                            throw new StopLoading();
                        }
                        root = add(stack, target, size, documents, root);
                    }
                    default -> {
                        // StreamStart, StreamEnd, DocumentEnd, Comment: nothing to build
                    }
                }
            }
            return root;
        }

        private YamlNode add(Deque<Frame> stack, YamlNode node, long size, int documents, YamlNode root) {
            expanded += size;
            if (expanded > limits.maxExpandedNodes()) {
                if (!aliasLimitReported) {
                    diagnostics.add(Diagnostic.error(ALIAS_EXPANSION, "the document expands to more than "
                            + limits.maxExpandedNodes() + " nodes", node.span()));
                    aliasLimitReported = true;
                }
                failed = true;
                throw new StopLoading();
            }
            if (stack.isEmpty()) {
                return documents <= 1 ? node : root;
            }
            Frame parent = stack.peek();
            parent.items.add(node);
            parent.size += size;
            return root;
        }

        private String anchorName(NodeEvent event) {
            Optional<Anchor> a = event.getAnchor();
            return a.map(Anchor::getValue).orElse(null);
        }

        private String checkCollectionTag(Optional<String> tag, boolean mapping, SourceSpan at) {
            if (tag.isEmpty()) {
                return null;
            }
            String t = tag.get();
            if (t.equals(CORE + (mapping ? "map" : "seq"))) {
                return null;
            }
            if (LOCAL_TAGS.contains(t)) {
                return t; // !reference: kept for the CI system to interpret
            }
            refuse(t, at);
            return null;
        }

        private YamlScalar scalar(ScalarEvent se, boolean key) {
            SourceSpan at = span(file, se.getStartMark().orElse(null));
            String value = se.getValue();
            boolean quoted = !se.isPlain();
            String localTag = null;
            YamlScalar.Kind kind;
            Optional<String> tag = se.getTag();
            if (tag.isPresent() && !tag.get().equals("!")) {
                String t = tag.get();
                if (t.startsWith(CORE) && SCALAR_TAGS.contains(t.substring(CORE.length()))) {
                    kind = kindOf(t.substring(CORE.length()));
                } else if (LOCAL_TAGS.contains(t)) {
                    localTag = t;
                    kind = YamlScalar.Kind.STRING;
                } else {
                    refuse(t, at);
                    kind = YamlScalar.Kind.STRING;
                }
            } else if (!quoted && dialect == YamlDialect.PSYCH && !key) {
                PsychScalars.Resolved r = PsychScalars.resolve(value);
                if (r.refused() != null) {
                    report(Diagnostic.error(PSYCH_REFUSED, "GitLab's YAML reader (Psych, YAML 1.1) reads '" + value
                            + "' as " + r.refused() + ", which GitLab does not load: quote it", at));
                }
                return new YamlScalar(r.text(), r.kind(), false, null, at);
            } else if (!quoted) {
                String resolved = resolver.resolve(value, Boolean.TRUE).getValue();
                kind = resolved.startsWith(CORE) ? kindOf(resolved.substring(CORE.length())) : YamlScalar.Kind.STRING;
            } else {
                kind = YamlScalar.Kind.STRING;
            }
            return new YamlScalar(value, kind, quoted, localTag, at);
        }

        private YamlScalar.Kind kindOf(String name) {
            return switch (name) {
                case "int" -> YamlScalar.Kind.INT;
                case "float" -> YamlScalar.Kind.FLOAT;
                case "bool" -> YamlScalar.Kind.BOOL;
                case "null" -> YamlScalar.Kind.NULL;
                default -> YamlScalar.Kind.STRING;
            };
        }

        private void refuse(String tag, SourceSpan at) {
            String shown = tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag;
            if (shown.length() > 80) {
                shown = shown.substring(0, 77) + "...";
            }
            // a local tag is nearly always a value that starts with '!' (GitHub's `if: !cancelled()`, a negated
            // condition): say how to write it as text
            String hint = shown.startsWith("!") && !shown.startsWith("!!")
                    ? "; a value starting with '!' is read as a tag: quote it, e.g. '" + shown + "'" : "";
            report(Diagnostic.error(TAG, "YAML tag " + shown
                    + " is not allowed: pipeline files are plain data (the tag was ignored)" + hint, at));
        }

        private YamlMap buildMap(Frame frame) {
            if (dialect == YamlDialect.PSYCH) {
                return buildMapInDocumentOrder(frame);
            }
            List<YamlNode> items = frame.items;
            // explicit entries, later duplicates replacing earlier ones in O(1) each (thousands of duplicates stay linear)
            List<YamlMap.Entry> slots = new ArrayList<>(items.size() / 2);
            Map<String, Integer> slotOf = new HashMap<>();
            Set<String> explicitKeys = new HashSet<>();
            List<Integer> mergePositions = new ArrayList<>();
            List<YamlNode> mergeValues = new ArrayList<>();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                YamlScalar key = mappingKey(items.get(i));
                YamlNode v = items.get(i + 1);
                if (!key.quoted() && "<<".equals(key.value())) {
                    mergePositions.add(slots.size());
                    mergeValues.add(v);
                    continue;
                }
                Integer previous = slotOf.get(key.value());
                if (previous != null) {
                    report(Diagnostic.warning(DUPLICATE_KEY, "key \"" + key.value()
                            + "\" appears twice in this mapping; the later value wins", key.span()));
                    slots.set(previous, null);
                }
                explicitKeys.add(key.value());
                slotOf.put(key.value(), slots.size());
                slots.add(new YamlMap.Entry(key, v));
            }
            List<YamlMap.Entry> explicit = new ArrayList<>(slotOf.size());
            int[] compacted = new int[slots.size() + 1];
            for (int i = 0; i < slots.size(); i++) {
                compacted[i] = explicit.size();
                if (slots.get(i) != null) {
                    explicit.add(slots.get(i));
                }
            }
            compacted[slots.size()] = explicit.size();
            for (int m = 0; m < mergePositions.size(); m++) {
                mergePositions.set(m, compacted[mergePositions.get(m)]);
            }
            if (mergeValues.isEmpty()) {
                return new YamlMap(explicit, frame.tag, frame.span);
            }
            // merge keys: explicit keys win; among merged maps, earlier ones win
            List<YamlMap.Entry> result = new ArrayList<>(explicit);
            Set<String> present = new HashSet<>(explicitKeys);
            int inserted = 0;
            for (int m = 0; m < mergeValues.size(); m++) {
                List<YamlMap.Entry> merged = new ArrayList<>();
                for (YamlMap source : mergeSources(mergeValues.get(m))) {
                    for (YamlMap.Entry e : source.entries()) {
                        if (present.add(e.name())) {
                            merged.add(e);
                        }
                    }
                }
                int at = Math.min(result.size(), mergePositions.get(m) + inserted);
                result.addAll(at, merged);
                inserted += merged.size();
            }
            return new YamlMap(result, frame.tag, frame.span);
        }

        /**
         * Psych's {@code revive_hash}: pairs in document order into a Ruby Hash, so a later key replaces an earlier
         * one in the earlier one's place; {@code <<} of a mapping is {@code hash.merge!(map)} (it overrides keys
         * above it), of a sequence the sequence's maps merged with earlier ones winning, then {@code merge!};
         * a {@code <<} of anything else is an ordinary key.
         */
        private YamlMap buildMapInDocumentOrder(Frame frame) {
            List<YamlNode> items = frame.items;
            java.util.LinkedHashMap<String, YamlMap.Entry> hash = new java.util.LinkedHashMap<>();
            Set<String> written = new HashSet<>();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                YamlScalar key = mappingKey(items.get(i));
                YamlNode v = items.get(i + 1);
                if ("<<".equals(key.value()) && (v instanceof YamlMap || v instanceof YamlSeq seq
                        && seq.items().stream().allMatch(YamlMap.class::isInstance))) {
                    java.util.LinkedHashMap<String, YamlMap.Entry> merged = new java.util.LinkedHashMap<>();
                    List<YamlMap> sources = mergeSources(v);
                    for (int m = sources.size() - 1; m >= 0; m--) {
                        for (YamlMap.Entry e : sources.get(m).entries()) {
                            merged.put(e.name(), e);
                        }
                    }
                    hash.putAll(merged);
                    continue;
                }
                if ("<<".equals(key.value()) && !key.quoted()) {
                    mergeSources(v); // reports what a merge key cannot take; Psych keeps it as an ordinary key
                }
                if (!written.add(key.value())) {
                    report(Diagnostic.warning(DUPLICATE_KEY, "key \"" + key.value()
                            + "\" appears twice in this mapping; the later value wins", key.span()));
                }
                hash.put(key.value(), new YamlMap.Entry(key, v));
            }
            return new YamlMap(new ArrayList<>(hash.values()), frame.tag, frame.span);
        }

        /** A mapping key as a scalar; a collection used as a key is reported and named by its description. */
        private YamlScalar mappingKey(YamlNode k) {
            if (k instanceof YamlScalar s) {
                return s;
            }
            report(Diagnostic.warning(COMPLEX_KEY, "a mapping key must be a plain value, not " + k.describe(), k.span()));
            return new YamlScalar("<" + k.describe() + ">", YamlScalar.Kind.STRING, false, null, k.span());
        }

        private List<YamlMap> mergeSources(YamlNode value) {
            List<YamlMap> out = new ArrayList<>();
            if (value instanceof YamlMap m) {
                out.add(m);
            } else if (value instanceof YamlSeq s) {
                for (YamlNode item : s.items()) {
                    if (item instanceof YamlMap m) {
                        out.add(m);
                    } else {
                        report(Diagnostic.warning(MERGE, "a merge key (<<) list may hold only mappings, not "
                                + item.describe(), item.span()));
                    }
                }
            } else if (!(value instanceof YamlScalar sc && sc.isNull())) {
                report(Diagnostic.warning(MERGE, "a merge key (<<) needs a mapping or a list of mappings, not "
                        + value.describe(), value.span()));
            }
            return out;
        }
    }
}
