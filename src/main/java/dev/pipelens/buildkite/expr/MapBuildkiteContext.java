package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Value;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ready-made {@link BuildkiteContext} built from build facts and a custom environment. Applies the value
 * rules of spec section 2.5 (blank tag and message become null, {@code build.source} defaults to
 * {@code webhook}, {@code build.source_event} only on webhook builds) and the built-in environment of
 * section 2.6: {@code BUILDKITE_BRANCH}, {@code BUILDKITE_TAG} ({@code ""} when absent),
 * {@code BUILDKITE_MESSAGE} ({@code ""} when absent), {@code BUILDKITE_COMMIT},
 * {@code BUILDKITE_PIPELINE_SLUG}, {@code BUILDKITE_ORGANIZATION_SLUG}, {@code BUILDKITE_PULL_REQUEST}
 * ({@code "false"} on non-PR builds), {@code BUILDKITE_PULL_REQUEST_BASE_BRANCH} ({@code ""} when absent)
 * and {@code BUILDKITE_PULL_REQUEST_LABELS} (comma-separated, when labels are given); built-ins override
 * the custom environment. Immutable; build one with {@link #builder()}.
 */
public final class MapBuildkiteContext implements BuildkiteContext {

    private final Map<String, Value> variables;
    private final Map<String, String> env;

    private MapBuildkiteContext(Map<String, Value> variables, Map<String, String> env) {
        this.variables = variables;
        this.env = env;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Value variable(String name) {
        Value value = variables.get(name);
        return value == null ? Value.NULL : value;
    }

    @Override
    public String env(String name) {
        return env.get(name);
    }

    /** The merged environment (custom, then built-ins), read-only. */
    public Map<String, String> environment() {
        return env;
    }

    /** Collects build facts; unset facts are null. Not thread-safe. */
    public static final class Builder {
        private String branch;
        private String tag;
        private String message;
        private String commit;
        private String source = "webhook";
        private String sourceEvent;
        private String pullRequestId;
        private String pullRequestBaseBranch;
        private Boolean pullRequestDraft;
        private List<String> pullRequestLabels;
        private String pipelineSlug;
        private String defaultBranch;
        private String organizationSlug;
        private Long buildNumber;
        private String creatorName;
        private String creatorEmail;
        private String creatorId;
        private List<String> creatorTeams;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, Value> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder branch(String value) {
            branch = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder message(String value) {
            message = value;
            return this;
        }

        public Builder commit(String value) {
            commit = value;
            return this;
        }

        /** One of {@code ui, api, webhook, trigger_job, schedule, pipeline_trigger}; default {@code webhook}. */
        public Builder source(String value) {
            source = value;
            return this;
        }

        /** GitHub webhook event (for {@code build.source_event}); only visible when the source is webhook. */
        public Builder sourceEvent(String value) {
            sourceEvent = value;
            return this;
        }

        /** The pull request number as a string; null for a non-PR build. */
        public Builder pullRequestId(String value) {
            pullRequestId = value;
            return this;
        }

        public Builder pullRequestBaseBranch(String value) {
            pullRequestBaseBranch = value;
            return this;
        }

        public Builder pullRequestDraft(Boolean value) {
            pullRequestDraft = value;
            return this;
        }

        public Builder pullRequestLabels(List<String> value) {
            pullRequestLabels = value;
            return this;
        }

        public Builder pipelineSlug(String value) {
            pipelineSlug = value;
            return this;
        }

        public Builder defaultBranch(String value) {
            defaultBranch = value;
            return this;
        }

        public Builder organizationSlug(String value) {
            organizationSlug = value;
            return this;
        }

        public Builder buildNumber(Long value) {
            buildNumber = value;
            return this;
        }

        public Builder creator(String name, String email, String id) {
            creatorName = name;
            creatorEmail = email;
            creatorId = id;
            return this;
        }

        public Builder creatorTeams(List<String> value) {
            creatorTeams = value;
            return this;
        }

        /** Custom environment (pipeline and build env); built-ins override these names. */
        public Builder env(Map<String, String> value) {
            env.putAll(value);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Any other variable ({@code build.id}, {@code pipeline.repository}...); wins over the facts above. */
        public Builder variable(String name, Value value) {
            extra.put(name, value);
            return this;
        }

        public MapBuildkiteContext build() {
            String presentTag = blankToNull(tag);
            String presentMessage = blankToNull(message);
            Map<String, Value> vars = new HashMap<>();
            vars.put("build.branch", Value.of(branch));
            vars.put("build.tag", Value.of(presentTag));
            vars.put("build.message", Value.of(presentMessage));
            vars.put("build.commit", Value.of(commit));
            vars.put("build.source", Value.of(source));
            vars.put("build.source_event", Value.of("webhook".equals(source) ? sourceEvent : null));
            vars.put("build.number", buildNumber == null ? Value.NULL : Value.of(buildNumber.longValue()));
            vars.put("build.pull_request.id", Value.of(pullRequestId));
            vars.put("build.pull_request.base_branch", Value.of(pullRequestBaseBranch));
            vars.put("build.pull_request.draft", Value.ofNullable(pullRequestDraft));
            vars.put("build.pull_request.labels", Value.array(pullRequestLabels));
            vars.put("pipeline.slug", Value.of(pipelineSlug));
            vars.put("pipeline.default_branch", Value.of(blankToNull(defaultBranch)));
            vars.put("organization.slug", Value.of(organizationSlug));
            vars.put("build.creator.name", Value.of(creatorName));
            vars.put("build.creator.email", Value.of(creatorEmail));
            vars.put("build.creator.id", Value.of(creatorId));
            vars.put("build.creator.teams", Value.array(creatorTeams));
            vars.putAll(extra);

            Map<String, String> merged = new HashMap<>(env);
            putIfPresent(merged, "BUILDKITE_BRANCH", branch);
            merged.put("BUILDKITE_TAG", presentTag == null ? "" : presentTag);
            merged.put("BUILDKITE_MESSAGE", presentMessage == null ? "" : presentMessage);
            putIfPresent(merged, "BUILDKITE_COMMIT", commit);
            putIfPresent(merged, "BUILDKITE_PIPELINE_SLUG", pipelineSlug);
            putIfPresent(merged, "BUILDKITE_ORGANIZATION_SLUG", organizationSlug);
            merged.put("BUILDKITE_PULL_REQUEST", pullRequestId == null ? "false" : pullRequestId);
            merged.put("BUILDKITE_PULL_REQUEST_BASE_BRANCH", pullRequestBaseBranch == null ? "" : pullRequestBaseBranch);
            if (pullRequestLabels != null) {
                merged.put("BUILDKITE_PULL_REQUEST_LABELS", String.join(",", pullRequestLabels));
            }
            for (String blank : BuildkiteVariables.BLANK_BUILTINS) {
                merged.putIfAbsent(blank, "");
            }
            return new MapBuildkiteContext(Map.copyOf(vars), java.util.Collections.unmodifiableMap(merged));
        }

        private static void putIfPresent(Map<String, String> map, String name, String value) {
            if (value != null) {
                map.put(name, value);
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
