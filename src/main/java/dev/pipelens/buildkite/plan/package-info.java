/**
 * The Buildkite planner: {@link dev.pipelens.buildkite.plan.BuildkitePlanner} loads a file once and answers
 * each scenario with a {@link dev.pipelens.plan.Plan}. The scenario becomes a build through
 * {@link dev.pipelens.buildkite.plan.ScenarioContext} (over the one Buildkite context,
 * {@link dev.pipelens.buildkite.expr.MapBuildkiteContext}); the upload is interpolated, {@code if},
 * {@code branches} and {@code skip} are judged, implicit wait/block barriers and explicit
 * {@code depends_on} become edges ({@link dev.pipelens.buildkite.plan.ImplicitDependencies}), and
 * {@link dev.pipelens.buildkite.plan.OutcomeResolver} walks the graph in {@link dev.pipelens.graph.StepGraph}
 * order. Also the lint rules ({@link dev.pipelens.buildkite.plan.BuildkiteLint}), the presets and each step's
 * run settings.
 */
package dev.pipelens.buildkite.plan;
