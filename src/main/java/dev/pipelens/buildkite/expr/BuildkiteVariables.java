package dev.pipelens.buildkite.expr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a step {@code if} may read and their types (spec section 2.5, buildkite/conditional's
 * assignment table), and the {@code BUILDKITE_*} names {@code build.env()} accepts (section 2.6).
 * {@code step.*} and {@code pipeline.name} are deliberately absent.
 */
final class BuildkiteVariables {

    /** The {@code build.source} enum members. */
    static final List<String> BUILD_SOURCES = List.of("ui", "api", "webhook", "trigger_job", "schedule", "pipeline_trigger");

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        string("build.id", "build.source_event", "build.source_action", "build.branch", "build.tag", "build.message",
                "build.commit", "build.creator.id", "build.creator.name", "build.creator.email", "build.author.id",
                "build.author.name", "build.author.email", "build.scm.author.name", "build.scm.author.email",
                "build.scm.committer.name", "build.scm.committer.email", "build.pull_request.id",
                "build.pull_request.base_branch", "build.pull_request.label", "build.pull_request.repository",
                "build.merge_queue.base_branch", "build.merge_queue.base_commit", "pipeline.id", "pipeline.slug",
                "pipeline.default_branch", "pipeline.repository", "organization.id", "organization.slug");
        TYPES.put("build.number", Type.NUMBER);
        for (String name : List.of("build.fixed", "build.creator.verified", "build.pull_request.draft",
                "build.pull_request.repository.fork", "pipeline.started_passing", "pipeline.started_failing",
                "pipeline.next_finished_build_exists")) {
            TYPES.put(name, Type.BOOLEAN);
        }
        for (String name : List.of("build.creator.teams", "build.author.teams", "build.pull_request.labels")) {
            TYPES.put(name, Type.STRING_ARRAY);
        }
        TYPES.put("build.source", Type.enumeration("build source", BUILD_SOURCES.toArray(new String[0])));
        TYPES.put("build.state", Type.enumeration("build state", "creating", "started", "scheduled", "running",
                "passed", "failed", "failing", "blocked", "canceling", "canceled", "skipped", "not_run"));
        TYPES.put("build.blocked_state", Type.enumeration("build blocked state", "failed", "passed", "running"));
    }

    /** {@code BUILDKITE_*} names that {@code build.env()}/{@code env()} may read. */
    static final Set<String> SUPPORTED_BUILDKITE_ENV = Set.of(
            "BUILDKITE_BRANCH", "BUILDKITE_TAG", "BUILDKITE_MESSAGE", "BUILDKITE_COMMIT", "BUILDKITE_PIPELINE_SLUG",
            "BUILDKITE_PIPELINE_NAME", "BUILDKITE_PIPELINE_ID", "BUILDKITE_ORGANIZATION_SLUG",
            "BUILDKITE_TRIGGERED_FROM_BUILD_ID", "BUILDKITE_TRIGGERED_FROM_BUILD_NUMBER",
            "BUILDKITE_TRIGGERED_FROM_BUILD_PIPELINE_SLUG", "BUILDKITE_TRIGGERED_FROM_BUILD_JOB_ID",
            "BUILDKITE_REBUILT_FROM_BUILD_ID", "BUILDKITE_REBUILT_FROM_BUILD_NUMBER", "BUILDKITE_REPO",
            "BUILDKITE_PULL_REQUEST", "BUILDKITE_PULL_REQUEST_BASE_BRANCH", "BUILDKITE_PULL_REQUEST_REPO",
            "BUILDKITE_PULL_REQUEST_LABELS", "BUILDKITE_PULL_REQUEST_USING_MERGE_REFSPEC",
            "BUILDKITE_MERGE_QUEUE_BASE_BRANCH", "BUILDKITE_MERGE_QUEUE_BASE_COMMIT", "BUILDKITE_GIT_DIFF_BASE",
            "BUILDKITE_GITHUB_ACTION", "BUILDKITE_GITHUB_COMMENT_ID", "BUILDKITE_GITHUB_DEPLOYMENT_ID",
            "BUILDKITE_GITHUB_DEPLOYMENT_TASK", "BUILDKITE_GITHUB_DEPLOYMENT_ENVIRONMENT",
            "BUILDKITE_GITHUB_DEPLOYMENT_PAYLOAD", "BUILDKITE_GITHUB_EVENT", "BUILDKITE_GITHUB_REVIEW_ID",
            "BUILDKITE_GITHUB_REVIEW_STATE", "BUILDKITE_GITHUB_CHECK_RUN_CONCLUSION", "BUILDKITE_GITHUB_CHECK_RUN_NAME",
            "BUILDKITE_GITHUB_DEPLOYMENT_STATUS_ENVIRONMENT", "BUILDKITE_GITHUB_DEPLOYMENT_STATUS_STATE",
            "BUILDKITE_GITHUB_RELEASE_DRAFT", "BUILDKITE_GITHUB_RELEASE_PRERELEASE", "BUILDKITE_GITHUB_RELEASE_TAG");

    /**
     * Built-in variables the server sets to {@code ""} when the build has no value for them, so that
     * {@code build.env("BUILDKITE_PULL_REQUEST_REPO") == ""} is true on a push (buildkite/conditional
     * conditional.go {@code builtinEnv}: setStringOrBlank / setIntOrBlank, labels joined, merge refspec "").
     */
    public static final List<String> BLANK_BUILTINS = List.of("BUILDKITE_PULL_REQUEST_REPO",
            "BUILDKITE_PULL_REQUEST_LABELS", "BUILDKITE_PULL_REQUEST_USING_MERGE_REFSPEC",
            "BUILDKITE_MERGE_QUEUE_BASE_BRANCH", "BUILDKITE_MERGE_QUEUE_BASE_COMMIT",
            "BUILDKITE_TRIGGERED_FROM_BUILD_ID", "BUILDKITE_TRIGGERED_FROM_BUILD_NUMBER",
            "BUILDKITE_TRIGGERED_FROM_BUILD_PIPELINE_SLUG", "BUILDKITE_TRIGGERED_FROM_BUILD_JOB_ID",
            "BUILDKITE_REBUILT_FROM_BUILD_ID", "BUILDKITE_REBUILT_FROM_BUILD_NUMBER", "BUILDKITE_GIT_DIFF_BASE");

    private BuildkiteVariables() {
    }

    private static void string(String... names) {
        for (String name : names) {
            TYPES.put(name, Type.STRING);
        }
    }

    /** The type of {@code name}, or null when it is not a variable. */
    static Type typeOf(String name) {
        return TYPES.get(name);
    }

    /** Every variable name, in table order. */
    static Set<String> names() {
        return TYPES.keySet();
    }

    /**
     * Whether {@code build.env("NAME")} with this literal name is rejected when the condition is checked:
     * conditional's static allowlist (env.go {@code supportedBuildkiteEnvNames}) lacks
     * {@code BUILDKITE_PULL_REQUEST_LABELS}, which only its runtime allowlist adds.
     */
    static boolean isUnsupportedStaticBuildkiteEnv(String name) {
        return isUnsupportedBuildkiteEnv(name) || name.equals("BUILDKITE_PULL_REQUEST_LABELS");
    }

    /** Whether {@code name} starts with {@code BUILDKITE_} and is not in the (runtime) allowlist. */
    static boolean isUnsupportedBuildkiteEnv(String name) {
        return name.startsWith("BUILDKITE_") && !SUPPORTED_BUILDKITE_ENV.contains(name);
    }

    /** Whether {@code name} is a valid environment variable name ({@code [A-Za-z0-9_]+}). */
    static boolean isValidEnvName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Lexer.isIdentStart(c) && !Lexer.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    static String unsupportedEnvMessage(String name) {
        return "Interpolation of \"" + name + "\" is not supported (see "
                + "https://buildkite.com/docs/pipelines/environment-variables#variable-interpolation). "
                + "You can instead interpolate this variable at runtime (see "
                + "https://buildkite.com/docs/pipelines/environment-variables#runtime-variable-interpolation).";
    }
}
