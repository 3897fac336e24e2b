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
 * @param downstream for a trigger job whose child pipeline is planned with it, that child; else null
 */
public record JobFields(String stage, List<Need> needs, Downstream downstream) {

    public JobFields {
        needs = needs == null ? null : List.copyOf(needs);
    }

    public JobFields(String stage, List<Need> needs) {
        this(stage, needs, null);
    }

    /** The same fields for a trigger job that creates {@code child}. */
    public JobFields withDownstream(Downstream child) {
        return new JobFields(stage, needs, child);
    }

    /**
     * The child pipeline a trigger job creates, as the runner needs it.
     *
     * @param group   the id of the group that holds the child's jobs in the plan
     * @param created whether the child pipeline is created in this scenario (its workflow:rules let it and at
     *                least one of its jobs is in it); null when Pipelens could not read the child's files
     * @param depend  {@code strategy: depend}: the trigger job's status follows the child pipeline's
     */
    public record Downstream(String group, Boolean created, boolean depend) {
    }

    /** One {@code needs} entry: the job, {@code optional:}, and whether it downloads the job's artifacts. */
    public record Need(String job, boolean optional, boolean artifacts) {
    }
}
