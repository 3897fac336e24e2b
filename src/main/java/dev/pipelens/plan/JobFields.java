package dev.pipelens.plan;

import java.util.List;

/**
 * The GitLab job settings a script wants without parsing reason text ({@code plan --format json}: {@code stage},
 * {@code allowFailure} as exit codes, {@code needs}); {@code when} and the boolean {@code allowFailure} are
 * on {@link PlannedStep} itself.
 *
 * @param stage     the job's stage
 * @param needs     the effective {@code needs} (after rules), or null when the job runs in stage order
 * @param exitCodes {@code allow_failure: exit_codes:}: failures with these codes are allowed; empty otherwise
 */
public record JobFields(String stage, List<Need> needs, List<Integer> exitCodes) {

    public JobFields {
        needs = needs == null ? null : List.copyOf(needs);
        exitCodes = List.copyOf(exitCodes);
    }

    /** One {@code needs} entry: the job, {@code optional:}, and whether it downloads the job's artifacts. */
    public record Need(String job, boolean optional, boolean artifacts) {
    }
}
