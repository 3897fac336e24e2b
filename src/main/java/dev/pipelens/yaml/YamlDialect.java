package dev.pipelens.yaml;

/**
 * Which YAML reader's rules a file is loaded with. Plain scalars and merge keys ({@code <<}) differ between
 * the readers the CI systems use; docs/gitlab-yaml.md lists each difference with its source.
 */
public enum YamlDialect {
    /**
     * YAML 1.2 core schema; merge keys with explicit keys winning and earlier merged mappings winning, the
     * merged entries standing where the {@code <<} is written. This is also what Buildkite reads with
     * (gopkg.in/yaml.v3 through buildkite/go-pipeline's {@code ordered} package, whose {@code rangeYAMLMap}
     * merges this way).
     */
    YAML_1_2,
    /**
     * Ruby's Psych as GitLab calls it ({@code YAML.safe_load}): YAML 1.1 scalars ({@code yes/no/on/off} in any
     * case are booleans, {@code 0x1F}, {@code 017}, {@code 1_000}, {@code 1:30} are integers, floats print as
     * Ruby prints them, dates and times are refused), and merge keys applied in document order: each
     * {@code <<} overrides what is above it and is overridden by what follows.
     */
    PSYCH
}
