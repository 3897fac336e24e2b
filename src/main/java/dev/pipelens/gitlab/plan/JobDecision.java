package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabNeed;
import dev.pipelens.model.When;

import java.util.List;

/**
 * Whether one job is created in a scenario and how: its effective {@code when}, {@code allow_failure} and
 * {@code needs} (null = stage scheduled; {@code when} null: a word the reader reported as wrong), the matched rule's condition, the reasons, and how many of its
 * parallel/matrix jobs are created; {@code exitCodes}: the exit statuses {@code allow_failure: exit_codes}
 * lets fail (empty: any, when {@code allowFailure})
 */
record JobDecision(GitLabJob job, boolean included, When when, boolean allowFailure, List<GitLabNeed> needs,
                   String condition, List<String> reasons, int jobs, List<Integer> exitCodes) {

    JobDecision(GitLabJob job, boolean included, When when, boolean allowFailure, List<GitLabNeed> needs,
                String condition, List<String> reasons, int jobs) {
        this(job, included, when, allowFailure, needs, condition, reasons, jobs, List.of());
    }

    JobDecision {
        reasons = List.copyOf(reasons);
        exitCodes = exitCodes == null ? List.of() : List.copyOf(exitCodes);
        needs = needs == null ? null : List.copyOf(needs);
    }
}
