package dev.pipelens.gitlab;

import dev.pipelens.model.ExtraField;
import dev.pipelens.model.SourceSpan;

import java.util.List;
import java.util.Map;

/**
 * One job after includes, {@code extends}, {@code !reference} and {@code default:} are applied.
 *
 * @param name          the job name (its plan id)
 * @param stage         its stage ({@code test} when not given)
 * @param stageIndex    position of the stage in the pipeline's stage list
 * @param trigger       a trigger (bridge) job
 * @param when          job-level {@code when} ({@code on_success} when not given)
 * @param allowFailure  job-level {@code allow_failure} as written (null = not written; a hash counts as false)
 * @param rules         the flattened rules, or null when the job has no {@code rules}
 * @param only          {@code only:} as written, or null
 * @param except        {@code except:} as written, or null
 * @param needs         {@code needs} (other-pipeline needs dropped), or null when the job has no {@code needs}
 * @param variables     job-level variables in order
 * @param inheritAllVariables  false for {@code inherit: variables: false} or a list
 * @param inheritedVariables   the list of {@code inherit: variables: [..]}, empty otherwise
 * @param matrix        one variable map per {@code parallel:matrix} instance, empty when not a matrix
 * @param jobCount      how many jobs it creates ({@code parallel: N}, matrix size, else 1)
 * @param extras        every key Pipelens does not interpret, in source order
 * @param triggerSpec   what {@code trigger:} creates, or null for a job without {@code trigger:}
 * @param allowFailureExitCodes {@code allow_failure: exit_codes:} (a failure with one of these codes is allowed),
 *                      empty when not written
 */
public record GitLabJob(String name, String stage, int stageIndex, SourceSpan span, boolean trigger, String when,
                        Boolean allowFailure, String startIn, List<GitLabRule> rules, RefPolicy only,
                        RefPolicy except, List<GitLabNeed> needs, List<GitLabVariable> variables,
                        boolean inheritAllVariables, List<String> inheritedVariables,
                        List<Map<String, String>> matrix, int jobCount, List<ExtraField> extras,
                        List<Integer> allowFailureExitCodes, GitLabTrigger triggerSpec) {

    public GitLabJob {
        rules = rules == null ? null : List.copyOf(rules);
        needs = needs == null ? null : List.copyOf(needs);
        variables = List.copyOf(variables);
        inheritedVariables = List.copyOf(inheritedVariables);
        matrix = List.copyOf(matrix);
        extras = List.copyOf(extras);
        allowFailureExitCodes = allowFailureExitCodes == null ? List.of() : List.copyOf(allowFailureExitCodes);
    }

    /** A job without {@code allow_failure: exit_codes}. */
    public GitLabJob(String name, String stage, int stageIndex, SourceSpan span, boolean trigger, String when,
                     Boolean allowFailure, String startIn, List<GitLabRule> rules, RefPolicy only,
                     RefPolicy except, List<GitLabNeed> needs, List<GitLabVariable> variables,
                     boolean inheritAllVariables, List<String> inheritedVariables,
                     List<Map<String, String>> matrix, int jobCount, List<ExtraField> extras) {
        this(name, stage, stageIndex, span, trigger, when, allowFailure, startIn, rules, only, except, needs, variables,
                inheritAllVariables, inheritedVariables, matrix, jobCount, extras, List.of(), null);
    }

    /** Whether the job uses {@code needs} (DAG scheduling) rather than stage order. */
    public boolean dag() {
        return needs != null;
    }

    /** Whether a top-level variable is visible to this job under {@code inherit:variables}. */
    public boolean inherits(String variable) {
        return inheritAllVariables || inheritedVariables.contains(variable);
    }
}
