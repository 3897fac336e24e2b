package dev.pipelens.yaml;

/**
 * Bounds that keep hostile YAML from hanging or exhausting memory.
 *
 * @param maxFileBytes    largest file accepted (the CLI's {@code --max-file-size})
 * @param maxDepth        deepest nesting of mappings and sequences
 * @param maxExpandedNodes how many nodes the document may hold once every alias is expanded (alias bombs)
 */
public record YamlLimits(long maxFileBytes, int maxDepth, long maxExpandedNodes) {

    /** 16 MiB, depth 200, 20 million expanded nodes (a 50,000-step file has about 2 million): far above any real pipeline file. */
    public static final YamlLimits DEFAULT = new YamlLimits(16L * 1024 * 1024, 200, 20_000_000L);

    public YamlLimits withMaxFileBytes(long bytes) {
        return new YamlLimits(bytes, maxDepth, maxExpandedNodes);
    }
}
