package dev.pipelens.plan;

import java.util.List;

/**
 * A job's place in a staged pipeline, for systems that have stages and {@code needs} (GitLab), so a script
 * reads them without parsing reason text ({@code plan --format json}: {@code stage}, {@code needs}).
 * {@code when} is {@link PlannedStep#when()}; {@code allow_failure} and its exit codes are in
 * {@link PlannedStep#run()}.
 *
 * @param stage the job's stage
 * @param needs the effective {@code needs} (after rules), or null when the job runs in stage order
 */
public record JobFields(String stage, List<Need> needs) {

    public JobFields {
        needs = needs == null ? null : List.copyOf(needs);
    }

    /** One {@code needs} entry: the job, {@code optional:}, and whether it downloads the job's artifacts. */
    public record Need(String job, boolean optional, boolean artifacts) {
    }
}
