/**
 * GitHub Actions' run-time rules for the simulation ({@link dev.pipelens.github.run.GitHubSemantics}): jobs
 * wait for their needs, the plan's typed {@code when} decides what a job does once a job before it did not
 * end as planned, an environment's reviewers are a gate, {@code continue-on-error} soft-fails. Reads only the
 * plan.
 */
package dev.pipelens.github.run;
