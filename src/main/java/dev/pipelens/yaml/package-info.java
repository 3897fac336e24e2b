/**
 * Safe YAML loading: SnakeYAML Engine's compose API turned into immutable {@link dev.pipelens.yaml.YamlNode}s
 * with line and column on every node. No object construction from tags; alias expansion, nesting depth
 * and file size are bounded, each with a located diagnostic. The only package that imports SnakeYAML.
 */
package dev.pipelens.yaml;
