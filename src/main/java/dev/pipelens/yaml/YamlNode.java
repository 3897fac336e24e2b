package dev.pipelens.yaml;

import dev.pipelens.model.SourceSpan;

/**
 * An immutable YAML node with its position: a mapping, a sequence or a scalar. Produced by
 * {@link YamlLoader} from SnakeYAML Engine's compose API, with anchors, aliases and merge keys
 * ({@code <<}) already resolved. Nothing is ever constructed from a tag.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

    /** Where the node starts. */
    SourceSpan span();

    /**
     * A local tag written on the node ({@code !reference}), or null. Standard tags ({@code !!str} ...)
     * are resolved into {@link YamlScalar.Kind}; other global tags are refused by the loader.
     */
    String tag();

    /** A short description for messages: "a mapping", "a list", "the string \"x\"". */
    String describe();
}
