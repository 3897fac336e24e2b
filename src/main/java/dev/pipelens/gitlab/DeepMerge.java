package dev.pipelens.gitlab;

import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.util.ArrayList;
import java.util.List;

/**
 * GitLab's merge of configuration trees (used by {@code include} and {@code extends}): mappings merge key by
 * key, recursively; lists and scalars of {@code over} replace those of {@code base}. Keys keep the position
 * they first had; new keys are appended. Nodes keep their source spans.
 */
final class DeepMerge {

    private DeepMerge() {
    }

    /** {@code over} merged onto {@code base}; either may be null. */
    static YamlNode merge(YamlNode base, YamlNode over) {
        if (base instanceof YamlMap b && over instanceof YamlMap o && !isReference(b) && !isReference(o)) {
            List<YamlMap.Entry> entries = new ArrayList<>(b.entries());
            for (YamlMap.Entry e : o.entries()) {
                int at = indexOf(entries, e.name());
                if (at < 0) {
                    entries.add(e);
                } else {
                    entries.set(at, new YamlMap.Entry(e.key(), merge(entries.get(at).value(), e.value())));
                }
            }
            return new YamlMap(entries, o.tag(), o.span());
        }
        return over == null ? base : over;
    }

    /** The map without the named keys. */
    static YamlMap without(YamlMap map, String... keys) {
        List<YamlMap.Entry> entries = new ArrayList<>(map.size());
        outer:
        for (YamlMap.Entry e : map.entries()) {
            for (String k : keys) {
                if (e.name().equals(k)) {
                    continue outer;
                }
            }
            entries.add(e);
        }
        return new YamlMap(entries, map.tag(), map.span());
    }

    /** The map without keys whose value is a YAML null ({@code key: null} excludes an inherited key). */
    static YamlMap withoutNulls(YamlMap map) {
        List<YamlMap.Entry> entries = new ArrayList<>(map.size());
        for (YamlMap.Entry e : map.entries()) {
            if (!(e.value() instanceof YamlScalar s && s.isNull())) {
                entries.add(e);
            }
        }
        return entries.size() == map.size() ? map : new YamlMap(entries, map.tag(), map.span());
    }

    /** A list with nested lists spliced in (GitLab flattens script and rules arrays, up to 10 levels). */
    static List<YamlNode> flatten(YamlNode node) {
        List<YamlNode> out = new ArrayList<>();
        if (node instanceof YamlSeq seq) {
            flattenInto(seq, out, 0);
        } else if (node != null && !(node instanceof YamlScalar s && s.isNull())) {
            out.add(node);
        }
        return out;
    }

    private static void flattenInto(YamlSeq seq, List<YamlNode> out, int depth) {
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlSeq inner && depth < 10 && !isReference(inner)) {
                flattenInto(inner, out, depth + 1);
            } else {
                out.add(item);
            }
        }
    }

    static boolean isReference(YamlNode node) {
        return "!reference".equals(node.tag());
    }

    static boolean isNull(YamlNode node) {
        return node == null || node instanceof YamlScalar s && s.isNull();
    }

    private static int indexOf(List<YamlMap.Entry> entries, String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
