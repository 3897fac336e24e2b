package dev.pipelens.github;

/** Diagnostic codes of GitHub Actions workflows (tests assert these, never the wording). */
public final class GitHubCodes {

    /** Not a workflow: no {@code on} or no {@code jobs}. */
    public static final String NOT_A_WORKFLOW = "gh-not-a-workflow";
    /** An expression GitHub rejects when reading the file (unknown context or function, syntax). */
    public static final String EXPRESSION = "gh-invalid-expression";
    /** An {@code on} event GitHub does not know ({@code Unexpected value 'pushh'}). */
    public static final String UNKNOWN_EVENT = "gh-unknown-event";
    /** A value of the wrong shape. */
    public static final String BAD_VALUE = "gh-bad-value";
    /** {@code needs} names a job that does not exist. */
    public static final String UNKNOWN_NEED = "gh-unknown-need";
    /** {@code needs} makes a cycle, or no job is free of needs. */
    public static final String NEEDS_CYCLE = "gh-needs-cycle";
    /** A YAML tag where a value was expected ({@code if: !cancelled()}). */
    public static final String UNEXPECTED_TAG = "gh-unexpected-tag";
    /** {@code branches} with {@code branches-ignore} (or tags, paths) on one event. */
    public static final String FILTER_CONFLICT = "gh-filter-conflict";
    /** A local reusable workflow that cannot be read. */
    public static final String REUSABLE_NOT_FOUND = "gh-reusable-not-found";
    /** A local reusable workflow that resolves outside the project root (a symlink pointing out, say). */
    public static final String REUSABLE_OUTSIDE_PROJECT = "gh-reusable-outside-project";
    /** A remote reusable workflow ({@code owner/repo/...@ref}), not followed. */
    public static final String REUSABLE_REMOTE = "gh-reusable-remote";
    /** A call that leaves out a required input, or passes one the called workflow does not define. */
    public static final String CALL_INPUT = "gh-call-input";
    /** Matrix errors GitHub reports (empty vector, exclude key not in the matrix). */
    public static final String MATRIX = "gh-matrix";

    private GitHubCodes() {
    }
}
