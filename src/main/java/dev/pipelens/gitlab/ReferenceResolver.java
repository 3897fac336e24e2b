package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlSeq;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces {@code !reference [job, key, subkey...]} tags (spec 4.10) with the configuration they select,
 * after {@code extends}: references inside the selected part are resolved too (at most
 * {@value #MAX_DEPTH} levels), and a reference that is an item of a list and selects a list is spliced into
 * it (how {@code script} and {@code rules} use them).
 */
final class ReferenceResolver {

    static final int MAX_DEPTH = 10;

    private final YamlMap root;
    private final List<Diagnostic> diagnostics;
    private final boolean incomplete;

    private ReferenceResolver(YamlMap root, List<Diagnostic> diagnostics, boolean incomplete) {
        this.root = root;
        this.diagnostics = diagnostics;
        this.incomplete = incomplete;
    }

    static YamlMap resolve(YamlMap root, List<Diagnostic> diagnostics, boolean incomplete) {
        ReferenceResolver r = new ReferenceResolver(root, diagnostics, incomplete);
        return (YamlMap) r.walk(root, 0);
    }

    private YamlNode walk(YamlNode node, int depth) {
        if (node instanceof YamlSeq seq) {
            if (DeepMerge.isReference(seq)) {
                return reference(seq, depth);
            }
            List<YamlNode> items = new ArrayList<>(seq.size());
            boolean changed = false;
            for (YamlNode item : seq.items()) {
                YamlNode r = walk(item, depth);
                if (DeepMerge.isReference(item) && r instanceof YamlSeq inner) {
                    items.addAll(inner.items());
                    changed = true;
                } else {
                    items.add(r);
                    changed |= r != item;
                }
            }
            return changed ? new YamlSeq(items, seq.tag(), seq.span()) : seq;
        }
        if (node instanceof YamlMap map) {
            List<YamlMap.Entry> entries = new ArrayList<>(map.size());
            boolean changed = false;
            for (YamlMap.Entry e : map.entries()) {
                YamlNode r = walk(e.value(), depth);
                entries.add(r == e.value() ? e : new YamlMap.Entry(e.key(), r));
                changed |= r != e.value();
            }
            return changed ? new YamlMap(entries, map.tag(), map.span()) : map;
        }
        return node;
    }

    /** A key of a mapping, or (as gitlab-ci-local allows) a 0-based index into a list. */
    private static YamlNode select(YamlNode node, String key) {
        if (node instanceof YamlMap m) {
            return m.get(key);
        }
        if (node instanceof YamlSeq s && !key.isEmpty() && key.chars().allMatch(Character::isDigit) && key.length() < 6) {
            int i = Integer.parseInt(key);
            return i < s.size() ? s.get(i) : null;
        }
        return null;
    }

    private YamlNode reference(YamlSeq ref, int depth) {
        List<String> path = new ArrayList<>();
        for (YamlNode item : ref.items()) {
            String t = YamlValues.text(item);
            if (t == null) {
                diagnostics.add(Diagnostic.error(GitLabCodes.REFERENCE_BAD, "!reference should be a list of names",
                        ref.span()));
                return new YamlSeq(List.of(), null, ref.span());
            }
            path.add(t);
        }
        if (depth >= MAX_DEPTH) {
            diagnostics.add(Diagnostic.error(GitLabCodes.REFERENCE_TOO_DEEP, "!reference " + path
                    + " is nested deeper than " + MAX_DEPTH + " levels", ref.span()));
            return new YamlSeq(List.of(), null, ref.span());
        }
        YamlNode target = path.isEmpty() ? null : root;
        for (String key : path) {
            target = select(target, key);
        }
        if (target == null) {
            String msg = "!reference " + path + " selects nothing";
            diagnostics.add(incomplete ? Diagnostic.warning(GitLabCodes.REFERENCE_UNKNOWN, msg
                    + " (it may come from an include that was not fetched)", ref.span())
                    : Diagnostic.error(GitLabCodes.REFERENCE_UNKNOWN, msg, ref.span()));
            return new YamlSeq(List.of(), null, ref.span());
        }
        return walk(target, depth + 1);
    }
}
