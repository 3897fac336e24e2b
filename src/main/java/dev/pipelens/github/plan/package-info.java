/**
 * The GitHub Actions planner: {@link dev.pipelens.github.plan.GitHubPlanner} turns a loaded workflow and a
 * {@link dev.pipelens.model.Scenario} into a {@link dev.pipelens.plan.Plan}. The scenario's facts become the
 * event ({@link dev.pipelens.github.plan.GitHubScenario}, {@link dev.pipelens.github.plan.EventContext});
 * {@link dev.pipelens.github.plan.RunCreation} decides whether a run is created; {@link
 * dev.pipelens.github.plan.JobPlanning} plans each job in needs order: its {@code if} with the contexts a
 * job {@code if} may read, needs propagation, matrix ({@link dev.pipelens.github.plan.Matrix}), environment
 * protection ({@link dev.pipelens.github.plan.EnvironmentRules}) and the gates upstream.
 *
 * <p>What the plan carries: a job's typed {@code when} is how its {@code if} behaves when a job before it
 * fails or the run is cancelled (the planner evaluates it in those worlds), {@code continue-on-error} is a
 * soft-fail of any failure, a job behind an environment with reviewers names itself as the gate of the jobs
 * after it. A local reusable workflow is a group whose jobs have ids {@code caller/job}. When no run is
 * created every job is {@code never}, its reason saying why.
 */
package dev.pipelens.github.plan;
