/**
 * Buildkite, in one place. This package reads a {@code pipeline.yml} (already loaded by
 * {@code dev.pipelens.yaml}) into the {@link dev.pipelens.model} steps: {@link dev.pipelens.buildkite.BuildkiteParser}
 * (step types, keys, groups, matrices, located problems), {@link dev.pipelens.buildkite.MatrixExpander},
 * the agent's {@code $VAR} interpolation ({@link dev.pipelens.buildkite.Interpolation}) and branch filters
 * ({@link dev.pipelens.buildkite.BranchFilter}); {@link dev.pipelens.buildkite.BuildkiteSystem} is its entry
 * behind the seam ({@link dev.pipelens.system.CiSystemSupport}).
 *
 * <p>Subpackages: {@code expr} (the {@code if:} condition language), {@code plan} (the planner, context,
 * outcomes, lint, presets), {@code run} (the run-time rules the simulation consults).
 */
package dev.pipelens.buildkite;
