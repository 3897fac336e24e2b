package dev.pipelens.gitlab;

/**
 * Diagnostic codes of the GitLab loader and planner. Tests assert these, never the wording. Errors are
 * problems GitLab itself would reject the configuration for; warnings are things Pipelens cannot see or
 * does not model (remote includes, unknown keys).
 */
public final class GitLabCodes {

    private GitLabCodes() {
    }

    public static final String ROOT_NOT_MAP = "gitlab-root-not-mapping";
    public static final String JOB_NOT_MAP = "gitlab-job-not-mapping";
    public static final String JOB_NO_SCRIPT = "gitlab-job-without-script";
    public static final String UNKNOWN_JOB_KEY = "gitlab-unknown-job-key";
    public static final String UNKNOWN_DEFAULT_KEY = "gitlab-unknown-default-key";
    public static final String BAD_VALUE = "gitlab-bad-value";
    public static final String UNKNOWN_STAGE = "gitlab-unknown-stage";
    public static final String JOB_WHEN_NEVER = "gitlab-job-when-never";
    public static final String BAD_WHEN = "gitlab-bad-when";
    public static final String RULES_EMPTY = "gitlab-rules-empty";
    public static final String RULES_WITH_ONLY_EXCEPT = "gitlab-rules-with-only-except";
    public static final String RULE_UNKNOWN_KEY = "gitlab-rule-unknown-key";
    public static final String DELAYED_WITHOUT_START_IN = "gitlab-delayed-without-start-in";
    public static final String START_IN_WITHOUT_DELAYED = "gitlab-start-in-without-delayed";
    public static final String EXPRESSION = "gitlab-expression-syntax";
    public static final String EXTENDS_UNKNOWN = "gitlab-extends-unknown";
    public static final String EXTENDS_CYCLE = "gitlab-extends-cycle";
    public static final String EXTENDS_TOO_DEEP = "gitlab-extends-too-deep";
    public static final String REFERENCE_UNKNOWN = "gitlab-reference-unknown";
    public static final String REFERENCE_BAD = "gitlab-reference-invalid";
    public static final String REFERENCE_TOO_DEEP = "gitlab-reference-too-deep";
    public static final String INCLUDE_NOT_FETCHED = "gitlab-include-not-fetched";
    public static final String INCLUDE_MISSING = "gitlab-include-missing";
    public static final String INCLUDE_INVALID = "gitlab-include-invalid";
    public static final String INCLUDE_CYCLE = "gitlab-include-cycle";
    /** A file read on the pipeline's behalf (include, rules:exists, child pipeline) lies outside the project root. */
    public static final String OUTSIDE_PROJECT = "gitlab-outside-project";
    public static final String INCLUDE_TOO_MANY = "gitlab-include-too-many";
    public static final String NEEDS_UNDEFINED = "gitlab-needs-undefined";
    public static final String NEEDS_FUTURE_STAGE = "gitlab-needs-future-stage";
    public static final String NEEDS_DUPLICATE = "gitlab-needs-duplicate";
    public static final String NEEDS_CYCLE = "gitlab-needs-cycle";
    public static final String NEEDS_IGNORED = "gitlab-needs-other-pipeline";
    public static final String PARALLEL = "gitlab-parallel-invalid";
    public static final String DUPLICATE_JOB = "gitlab-duplicate-job";
    public static final String WORKFLOW = "gitlab-workflow-invalid";
    public static final String VARIABLES = "gitlab-variables-invalid";
}
