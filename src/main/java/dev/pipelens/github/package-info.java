/**
 * GitHub Actions workflow reading: {@link dev.pipelens.github.WorkflowReader} turns a workflow (already read by
 * {@code dev.pipelens.yaml}) into a {@link dev.pipelens.github.Workflow} of {@link dev.pipelens.github.WorkflowJob}s
 * with its triggers ({@code on} forms, activity types, {@code branches}/{@code tags}/{@code paths} filters as
 * {@link dev.pipelens.github.FilterPattern}s), dispatch and call inputs, the checks GitHub makes on
 * {@code needs}, each job {@code if} rewritten with the implicit {@code success() &&}, and the local reusable
 * workflows it calls. {@link dev.pipelens.github.GitHubSystem} is GitHub's entry behind the seam
 * ({@link dev.pipelens.system.CiSystemSupport}); subpackages {@code expr} (the expression language),
 * {@code plan} (run creation, job planning, presets, lint) and {@code run} (the run-time rules).
 *
 * <p>Deliberately not modelled: remote reusable workflows (a warning; their jobs are not shown), step-level
 * {@code if}, and environment protection rules, which live in the repository's settings: the scenario
 * declares them ({@code --environment NAME=reviewers|wait:MINUTES|branches:P}).
 */
package dev.pipelens.github;
