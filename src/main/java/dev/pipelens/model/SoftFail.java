package dev.pipelens.model;

import java.util.List;

/**
 * A {@code soft_fail} setting: {@code all} for {@code soft_fail: true} or an {@code exit_status: "*"}
 * entry; otherwise the listed exit statuses. {@link #NONE} when absent or false.
 */
public record SoftFail(boolean all, List<Integer> exitStatuses) {

    public static final SoftFail NONE = new SoftFail(false, List.of());
    public static final SoftFail ALL = new SoftFail(true, List.of());

    public SoftFail {
        exitStatuses = List.copyOf(exitStatuses);
    }

    /** Whether a job exiting with {@code status} (non-zero) soft-fails rather than fails. */
    public boolean softFails(int status) {
        return status != 0 && (all || exitStatuses.contains(status));
    }

    public boolean isSet() {
        return all || !exitStatuses.isEmpty();
    }
}
