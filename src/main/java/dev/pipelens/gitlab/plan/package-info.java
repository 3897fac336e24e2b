/**
 * The GitLab planner: {@link dev.pipelens.gitlab.plan.GitLabPlanner} turns a loaded GitLab CI file and a
 * {@link dev.pipelens.model.Scenario} into a {@link dev.pipelens.plan.Plan}. Per scenario it only evaluates:
 * predefined variables ({@link dev.pipelens.gitlab.GitLabPredefinedVariables}), {@code workflow:rules}
 * ({@link dev.pipelens.gitlab.plan.WorkflowEvaluator}), each job's {@code rules} or {@code only/except}
 * ({@link dev.pipelens.gitlab.plan.JobEvaluator}), the created-needs check, and the shape and outcomes
 * ({@link dev.pipelens.gitlab.plan.PipelineShape}). Loading, includes, extends and expression parsing happen
 * once in {@link dev.pipelens.gitlab.plan.GitLabPlanner#load}.
 *
 * <p>Choices: a step's {@code group} is null (GitLab stages are not steps); the stage is the first reason.
 * A matrix or parallel job is one step with {@code jobs} = its instance count. When the pipeline is not
 * created every step is {@code skipped}, its first reason saying why.
 */
package dev.pipelens.gitlab.plan;
