package dev.pipelens.plan;

import dev.pipelens.model.InputField;
import dev.pipelens.model.SoftFail;
import dev.pipelens.model.Step;

import java.util.List;

/**
 * How a step behaves when the build runs, as its planner read it for the scenario: everything the
 * simulation and the executor need besides the outcome, so they never go back to the file.
 *
 * @param softFail               failures that count as soft ({@code soft_fail}; a matrix whose every job
 *                               soft-fails counts as {@code soft_fail: true}; a trigger's own setting)
 * @param someMatrixJobsSoftFail some, not all, matrix jobs have {@code soft_fail}
 * @param continueOnFailure      a wait with {@code continue_on_failure: true}
 * @param allowDependencyFailure {@code allow_dependency_failure: true}
 * @param async                  an asynchronous trigger
 * @param allowFailure           GitLab's effective {@code allow_failure}; null where the system has none
 * @param allowFailureExitCodes  GitLab's {@code allow_failure: exit_codes:}: with {@code allowFailure} false, a
 *                               failure with one of these codes is still allowed (empty: none)
 * @param fields                 the fields a block or input step asks for
 * @param blockedState           a block or input step's {@code blocked_state}, or null
 * @param commands               the commands a job runs, as interpolated
 * @param source                 the step as written and interpolated, for running it for real; null where
 *                               the system has no step model
 */
public record RunSettings(SoftFail softFail, boolean someMatrixJobsSoftFail, boolean continueOnFailure,
                          boolean allowDependencyFailure, boolean async, Boolean allowFailure,
                          List<Integer> allowFailureExitCodes, List<InputField> fields, String blockedState,
                          List<String> commands, Step source) {

    /** Nothing known: no soft_fail, no fields, no commands. */
    public static final RunSettings NONE = new RunSettings(SoftFail.NONE, false, false, false, false, null,
            List.of(), List.of(), null, List.of(), null);

    public RunSettings {
        softFail = softFail == null ? SoftFail.NONE : softFail;
        allowFailureExitCodes = List.copyOf(allowFailureExitCodes);
        fields = List.copyOf(fields);
        commands = List.copyOf(commands);
    }

    /** GitLab settings: only {@code allow_failure} is known. */
    public static RunSettings allowFailure(Boolean allowFailure) {
        return allowFailure(allowFailure, List.of());
    }

    /**
     * GitLab settings: {@code allow_failure}, limited to {@code exitCodes} when {@code allow_failure:
     * exit_codes} gives them (empty: any failure is allowed).
     */
    public static RunSettings allowFailure(Boolean allowFailure, List<Integer> exitCodes) {
        return new RunSettings(SoftFail.NONE, false, false, false, false, allowFailure, exitCodes, List.of(), null,
                List.of(), null);
    }
}
