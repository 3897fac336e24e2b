package dev.pipelens.buildkite;

/** Diagnostic codes of the Buildkite reader and rules. Tests assert these, never the wording. */
public final class BuildkiteCodes {
    public static final String NOT_A_PIPELINE = "bk-not-a-pipeline";
    public static final String UNKNOWN_STEP = "bk-unknown-step-type";
    public static final String BAD_VALUE = "bk-bad-value";
    public static final String UNKNOWN_KEY = "bk-unknown-attribute";
    public static final String DUPLICATE_KEY = "bk-duplicate-key";
    public static final String MISSING_DEPENDENCY = "bk-missing-dependency";
    public static final String IF_AND_BRANCHES = "bk-if-and-branches";
    public static final String INTERPOLATION = "bk-interpolation";
    public static final String CONDITION_PARSE = "bk-condition-parse";
    public static final String CONDITION_TYPE = "bk-condition-type";
    public static final String CONDITION_RESULT = "bk-condition-result";
    public static final String CONDITION_RUNTIME = "bk-condition-runtime";
    public static final String MATRIX = "bk-matrix";
    public static final String CYCLE = "bk-dependency-cycle";
    public static final String INVALID_KEY = "bk-invalid-key";
    public static final String ENV_NOT_VISIBLE = "bk-env-not-visible";
    public static final String WAIT_IGNORED = "bk-wait-ignored";

    private BuildkiteCodes() {
    }
}
