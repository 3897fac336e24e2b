/**
 * GitLab CI loading: {@link dev.pipelens.gitlab.GitLabLoader} turns a {@code .gitlab-ci.yml} (already read by
 * {@code dev.pipelens.yaml}) into a {@link dev.pipelens.gitlab.GitLabConfig} of
 * {@link dev.pipelens.gitlab.GitLabJob}s: {@code include:local} (wildcards, nesting, {@code include:rules} per
 * scenario), then {@code extends}, then {@code !reference}, then {@code default:}/{@code inherit:}; rules
 * expressions are parsed once. Also the scenario-side helpers shared with the planner:
 * {@link dev.pipelens.gitlab.GitLabPredefinedVariables}, {@link dev.pipelens.gitlab.GitLabPresets},
 * {@link dev.pipelens.gitlab.RuleMatcher}, {@link dev.pipelens.gitlab.FileFacts}.
 * {@link dev.pipelens.gitlab.GitLabSystem} is GitLab's entry behind the seam
 * ({@link dev.pipelens.system.CiSystemSupport}); subpackages {@code expr} (rules expressions), {@code plan}
 * (the planner and lint) and {@code run} (the run-time rules).
 *
 * <p>Deliberately not modelled: remote, project, template and component includes (a warning each; jobs they
 * define are unknown, so unknown {@code extends}/{@code !reference} targets become warnings), {@code spec:inputs},
 * variable expansion in include paths, {@code rules:changes:compare_to} (changes come from the scenario variable
 * {@code PIPELENS_CHANGED_FILES}), {@code dependencies} checks, and job fields the planner does not need (kept
 * as {@link dev.pipelens.model.ExtraField}s).
 */
package dev.pipelens.gitlab;
