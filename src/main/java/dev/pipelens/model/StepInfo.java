package dev.pipelens.model;

import java.util.List;

/**
 * What every Buildkite step has in common.
 *
 * @param id              the stable id used in plans: the key, or a generated one ({@code step-3}, {@code group-1.step-2})
 * @param key             the {@code key}/{@code id}/{@code identifier} as written, or null
 * @param label           {@code label}/{@code name} (or the block/input/wait text), or null
 * @param condition       the {@code if:} condition, or null
 * @param branches        branch patterns from {@code branches:}, empty when absent
 * @param dependsOn       explicit dependencies; {@code null} means none were written (implicit ones apply),
 *                        an empty list means {@code depends_on: ~} or {@code []} (no dependencies at all)
 * @param allowDependencyFailure {@code allow_dependency_failure}
 * @param skip            the {@code skip:} reason ("true" for a bare {@code skip: true}), or null when not skipped
 * @param span            where the step starts
 * @param path            YAML path, e.g. {@code steps[2].steps[0]}
 * @param extras          attributes not interpreted, in source order
 */
public record StepInfo(String id, String key, String label, Condition condition, List<String> branches,
                       List<Dependency> dependsOn, boolean allowDependencyFailure, String skip,
                       SourceSpan span, String path, List<ExtraField> extras) {

    public StepInfo {
        branches = List.copyOf(branches);
        dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
        extras = List.copyOf(extras);
    }

    /** Whether {@code depends_on} was written (even as {@code ~} or {@code []}). */
    public boolean hasExplicitDependencies() {
        return dependsOn != null;
    }

    public StepInfo withId(String newId) {
        return new StepInfo(newId, key, label, condition, branches, dependsOn, allowDependencyFailure, skip,
                span, path, extras);
    }
}
