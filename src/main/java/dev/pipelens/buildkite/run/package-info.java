/**
 * Buildkite's run-time rules for the simulation ({@link dev.pipelens.buildkite.run.BuildkiteSemantics}):
 * when a waiting step may start (satisfied states, allowed failures, tainted steps, wait and block
 * barriers), what a job's result turns into ({@code soft_fail}, async triggers, cancellation) and when the
 * build fails or stays blocked. Reads only the plan.
 */
package dev.pipelens.buildkite.run;
