package dev.pipelens.buildkite.plan;

import dev.pipelens.expr.Value;
import dev.pipelens.buildkite.expr.BuildkiteContext;
import dev.pipelens.buildkite.expr.MapBuildkiteContext;
import dev.pipelens.model.Scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Scenario} seen as a Buildkite build: the build variables of {@code if:} conditions and the
 * environment that {@code build.env()} sees (the scenario's variables with Buildkite's built-ins on top,
 * spec section 2.6) come from the one Buildkite context, {@link MapBuildkiteContext} (the context the
 * conformance table checks); this class only maps the scenario onto it and adds the environment of the
 * upload job used for interpolation (section 7). On a tag build without a branch, the branch is the tag
 * name, as for GitHub tag pushes (D-GH).
 */
final class ScenarioContext implements BuildkiteContext {

    static final String COMMIT = "0000000000000000000000000000000000000000";

    private final Scenario scenario;
    private final String branch;
    private final String tag;
    private final String message;
    private final String source;
    private final String pullRequest;
    private final MapBuildkiteContext build;
    private final Map<String, String> uploadEnv;

    ScenarioContext(Scenario scenario) {
        this.scenario = scenario;
        this.tag = blankToNull(scenario.tag());
        String b = scenario.branch();
        if (b == null) {
            b = tag != null ? tag : scenario.effectiveDefaultBranch();
        }
        this.branch = b;
        this.message = blankToNull(scenario.message());
        this.source = scenario.source() == null || scenario.source().isBlank() ? "webhook" : scenario.source();
        this.pullRequest = blankToNull(scenario.pullRequest());

        MapBuildkiteContext facts = facts().build();
        MapBuildkiteContext.Builder withOverrides = facts().env(envOnly(scenario.variables()));
        // a scenario variable with a dotted name overrides that build variable (typed like the built-in)
        scenario.variables().forEach((name, text) -> {
            if (text != null) {
                withOverrides.variable(name, typed(facts, name, text));
            }
        });
        this.build = withOverrides.build();

        Map<String, String> upload = new LinkedHashMap<>();
        upload.put("BUILDKITE_BRANCH", branch);
        upload.put("BUILDKITE_TAG", tag == null ? "" : tag);
        upload.put("BUILDKITE_MESSAGE", message == null ? "" : message);
        upload.put("BUILDKITE_COMMIT", COMMIT);
        upload.put("BUILDKITE_PULL_REQUEST", pullRequest == null ? "false" : pullRequest);
        upload.put("BUILDKITE_PULL_REQUEST_BASE_BRANCH", pullRequest == null ? "" : scenario.effectiveDefaultBranch());
        upload.put("BUILDKITE_PIPELINE_SLUG", "pipeline");
        upload.put("BUILDKITE_ORGANIZATION_SLUG", "organization");
        upload.put("BUILDKITE", "true");
        upload.put("CI", "true");
        upload.put("BUILDKITE_SOURCE", source);
        upload.put("BUILDKITE_BUILD_NUMBER", "1");
        upload.put("BUILDKITE_PIPELINE_DEFAULT_BRANCH", scenario.effectiveDefaultBranch());
        upload.putAll(envOnly(scenario.variables()));
        this.uploadEnv = upload;
    }

    /** The scenario's build facts; a simulated build is number 1 with a zero commit. */
    private MapBuildkiteContext.Builder facts() {
        boolean pr = pullRequest != null;
        return MapBuildkiteContext.builder()
                .branch(branch).tag(tag).message(message).commit(COMMIT).source(source)
                .sourceEvent(pr ? "pull_request" : "push")
                .pullRequestId(pullRequest)
                .pullRequestBaseBranch(pr ? scenario.effectiveDefaultBranch() : null)
                .pullRequestDraft(pr ? Boolean.FALSE : null)
                .pullRequestLabels(pr ? List.of() : null)
                .pipelineSlug("pipeline").organizationSlug("organization")
                .defaultBranch(scenario.effectiveDefaultBranch())
                .buildNumber(1L)
                .creatorTeams(List.of())
                .variable("build.id", Value.of("00000000-0000-0000-0000-000000000000"))
                .variable("build.state", Value.of("started"))
                .variable("build.pull_request.repository.fork", pr ? Value.of(false) : Value.NULL)
                .variable("build.author.teams", Value.array(List.of()))
                .variable("pipeline.started_passing", Value.of(false))
                .variable("pipeline.started_failing", Value.of(false))
                .variable("pipeline.next_finished_build_exists", Value.of(false))
                .variable("build.creator.verified", Value.of(false));
    }

    private static Map<String, String> envOnly(Map<String, String> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> {
            if (k.indexOf('.') < 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    Scenario scenario() {
        return scenario;
    }

    /** The scenario with Buildkite's defaults filled in: branch, source and default branch. */
    Scenario effectiveScenario() {
        return new Scenario(branch, tag, message, source, pullRequest, scenario.effectiveDefaultBranch(),
                scenario.variables());
    }

    /** The branch the build runs on (the tag name for a tag build without a branch). */
    String branch() {
        return branch;
    }

    /** The environment of the job that runs {@code pipeline upload}. */
    Map<String, String> uploadEnv() {
        return uploadEnv;
    }

    /** Whether {@code build.env(name)} sees a value: scenario variables and built-ins only. */
    boolean conditionEnvHas(String name) {
        return build.environment().containsKey(name);
    }

    @Override
    public Value variable(String name) {
        return build.variable(name);
    }

    /**
     * A scenario variable with a dotted name ({@code build.pull_request.draft=true}) overrides that build
     * variable; environment names never contain dots, so the two cannot clash. The text is read as the
     * variable's type: booleans, the build number, comma-separated arrays, and {@code null}.
     */
    private static Value typed(BuildkiteContext facts, String name, String text) {
        if (text.equals("null")) {
            return Value.NULL;
        }
        Value builtin = facts.variable(name);
        if (builtin instanceof Value.BoolValue || name.endsWith(".draft") || name.endsWith(".fork")
                || name.endsWith(".verified") || name.equals("build.fixed")) {
            return Value.of(Boolean.parseBoolean(text));
        }
        if (name.equals("build.number")) {
            try {
                return Value.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return builtin;
            }
        }
        if (builtin instanceof Value.ArrayValue || name.endsWith(".labels") || name.endsWith(".teams")) {
            return Value.array(text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*")));
        }
        return Value.of(text);
    }

    @Override
    public String env(String name) {
        return build.env(name);
    }
}
