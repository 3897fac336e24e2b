/**
 * GitLab's run-time rules for the simulation ({@link dev.pipelens.gitlab.run.GitLabSemantics}): the
 * composite status of earlier stages or of a job's {@code needs}, {@code when} ({@code on_success},
 * {@code on_failure}, {@code always}, {@code manual}, {@code delayed}), {@code allow_failure}, manual jobs as
 * gates. Reads only the plan.
 */
package dev.pipelens.gitlab.run;
