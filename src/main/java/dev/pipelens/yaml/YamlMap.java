package dev.pipelens.yaml;

import dev.pipelens.model.SourceSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mapping with entries in source order. Keys are scalars (a non-scalar key is reported by the loader
 * and rendered as text). After merge-key resolution a key appears once; the loader reports duplicates.
 */
public record YamlMap(List<Entry> entries, String tag, SourceSpan span) implements YamlNode {

    /** One {@code key: value} pair. */
    public record Entry(YamlScalar key, YamlNode value) {
        public String name() {
            return key.value();
        }
    }

    public YamlMap {
        entries = List.copyOf(entries);
    }

    /** The value for {@code key}, or null. */
    public YamlNode get(String key) {
        for (Entry e : entries) {
            if (e.name().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public boolean has(String key) {
        return get(key) != null;
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
}
