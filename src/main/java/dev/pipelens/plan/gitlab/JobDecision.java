package dev.pipelens.plan.gitlab;

import dev.pipelens.gitlab.GitLabJob;
import dev.pipelens.gitlab.GitLabNeed;

import java.util.List;

/**
 * Whether one job is created in a scenario and how: its effective {@code when}, {@code allow_failure} and
 * {@code needs} (null = stage scheduled), the matched rule's condition, the reasons, and how many of its
 * parallel/matrix jobs are created.
 */
record JobDecision(GitLabJob job, boolean included, String when, boolean allowFailure, List<GitLabNeed> needs,
                   String condition, List<String> reasons, int jobs, List<Integer> exitCodes) {

    JobDecision(GitLabJob job, boolean included, String when, boolean allowFailure, List<GitLabNeed> needs,
                String condition, List<String> reasons, int jobs) {
        this(job, included, when, allowFailure, needs, condition, reasons, jobs, List.of());
    }

    JobDecision {
        reasons = List.copyOf(reasons);
        exitCodes = exitCodes == null ? List.of() : List.copyOf(exitCodes);
        needs = needs == null ? null : List.copyOf(needs);
    }
}
