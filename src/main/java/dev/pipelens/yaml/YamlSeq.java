package dev.pipelens.yaml;

import dev.pipelens.model.SourceSpan;

import java.util.List;

/** A sequence, items in source order. */
public record YamlSeq(List<YamlNode> items, String tag, SourceSpan span) implements YamlNode {

    public YamlSeq {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public YamlNode get(int index) {
        return items.get(index);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
