package dev.pipelens.yaml;

import dev.pipelens.model.SourceSpan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping with entries in source order. Keys are scalars (a non-scalar key is reported by the loader
 * and rendered as text). After merge-key resolution a key appears once; the loader reports duplicates.
 * Immutable. Lookups are linear for small mappings and hashed for large ones (a GitLab file's top level
 * holds every job), so reading a file stays linear in its size.
 */
public final class YamlMap implements YamlNode {

    private static final int INDEX_THRESHOLD = 12;

    /** One {@code key: value} pair. */
    public record Entry(YamlScalar key, YamlNode value) {
        public String name() {
            return key.value();
        }
    }

    private final List<Entry> entries;
    private final String tag;
    private final SourceSpan span;
    private volatile Map<String, Entry> index;

    public YamlMap(List<Entry> entries, String tag, SourceSpan span) {
        this.entries = List.copyOf(entries);
        this.tag = tag;
        this.span = span;
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public SourceSpan span() {
        return span;
    }

    private Entry find(String key) {
        if (entries.size() < INDEX_THRESHOLD) {
            for (Entry e : entries) {
                if (e.name().equals(key)) {
                    return e;
                }
            }
            return null;
        }
        Map<String, Entry> m = index;
        if (m == null) {
            m = new HashMap<>(entries.size() * 2);
            for (Entry e : entries) {
                m.putIfAbsent(e.name(), e);
            }
            index = m;
        }
        return m.get(key);
    }

    /** The value for {@code key}, or null. */
    public YamlNode get(String key) {
        Entry e = find(key);
        return e == null ? null : e.value();
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(find(key));
    }

    public boolean has(String key) {
        return find(key) != null;
    }

    /** The scalar text for {@code key}, or null when absent, null or not a scalar. */
    public String text(String key) {
        return get(key) instanceof YamlScalar s ? s.text() : null;
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            keys.add(e.name());
        }
        return keys;
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YamlMap m && entries.equals(m.entries) && Objects.equals(tag, m.tag) && span.equals(m.span);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, tag, span);
    }

    @Override
    public String toString() {
        return "YamlMap" + keys() + "@" + span;
    }
}
