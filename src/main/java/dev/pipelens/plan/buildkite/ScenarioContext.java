package dev.pipelens.plan.buildkite;

import dev.pipelens.expr.Value;
import dev.pipelens.expr.buildkite.BuildkiteContext;
import dev.pipelens.expr.buildkite.BuildkiteConditions;
import dev.pipelens.model.Scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Scenario} seen as a Buildkite build: the build variables of {@code if:} conditions, the
 * environment that {@code build.env()} sees (the scenario's variables with Buildkite's built-ins on top,
 * spec section 2.6), and the environment of the upload job used for interpolation (section 7).
 * On a tag build without a branch, the branch is the tag name, as for GitHub tag pushes (D-GH).
 */
final class ScenarioContext implements BuildkiteContext {

    static final String COMMIT = "0000000000000000000000000000000000000000";

    private final Scenario scenario;
    private final String branch;
    private final String tag;
    private final String message;
    private final String source;
    private final String pullRequest;
    private final Map<String, String> conditionEnv;
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

        Map<String, String> builtins = new LinkedHashMap<>();
        builtins.put("BUILDKITE_BRANCH", branch);
        builtins.put("BUILDKITE_TAG", tag == null ? "" : tag);
        builtins.put("BUILDKITE_MESSAGE", message == null ? "" : message);
        builtins.put("BUILDKITE_COMMIT", COMMIT);
        builtins.put("BUILDKITE_PULL_REQUEST", pullRequest == null ? "false" : pullRequest);
        builtins.put("BUILDKITE_PULL_REQUEST_BASE_BRANCH", pullRequest == null ? "" : scenario.effectiveDefaultBranch());
        builtins.put("BUILDKITE_PIPELINE_SLUG", "pipeline");
        builtins.put("BUILDKITE_ORGANIZATION_SLUG", "organization");

        Map<String, String> cond = new LinkedHashMap<>(envOnly(scenario.variables()));
        cond.putAll(builtins);
        // built-ins the server sets to "" when the build has no such value (conditional.go builtinEnv:
        // setStringOrBlank/setIntOrBlank); a scenario may still give them a value
        for (String blank : BuildkiteConditions.BLANK_BUILTINS) {
            cond.putIfAbsent(blank, "");
        }
        this.conditionEnv = cond;

        Map<String, String> upload = new LinkedHashMap<>(builtins);
        upload.put("BUILDKITE", "true");
        upload.put("CI", "true");
        upload.put("BUILDKITE_SOURCE", source);
        upload.put("BUILDKITE_BUILD_NUMBER", "1");
        upload.put("BUILDKITE_PIPELINE_DEFAULT_BRANCH", scenario.effectiveDefaultBranch());
        upload.putAll(envOnly(scenario.variables()));
        this.uploadEnv = upload;
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
        return conditionEnv.containsKey(name);
    }

    @Override
    public Value variable(String name) {
        String override = scenario.variables().get(name);
        if (override != null) {
            return typed(name, override);
        }
        return builtin(name);
    }

    /**
     * A scenario variable with a dotted name ({@code build.pull_request.draft=true}) overrides that build
     * variable; environment names never contain dots, so the two cannot clash. The text is read as the
     * variable's type: booleans, the build number, comma-separated arrays, and {@code null}.
     */
    private Value typed(String name, String text) {
        if (text.equals("null")) {
            return Value.NULL;
        }
        Value builtin = builtin(name);
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

    private Value builtin(String name) {
        switch (name) {
            case "build.branch":
                return Value.of(branch);
            case "build.tag":
                return Value.of(tag);
            case "build.message":
                return Value.of(message);
            case "build.commit":
                return Value.of(COMMIT);
            case "build.number":
                return Value.of(1L);
            case "build.id":
                return Value.of("00000000-0000-0000-0000-000000000000");
            case "build.source":
                return Value.of(source);
            case "build.source_event":
                return "webhook".equals(source) ? Value.of(pullRequest != null ? "pull_request" : "push") : Value.NULL;
            case "build.source_action":
                return Value.NULL;
            case "build.state":
                return Value.of("started");
            case "build.blocked_state":
                return Value.NULL;
            case "build.fixed":
                return Value.NULL;
            case "build.pull_request.id":
                return Value.of(pullRequest);
            case "build.pull_request.base_branch":
                return Value.of(pullRequest == null ? null : scenario.effectiveDefaultBranch());
            case "build.pull_request.draft":
                return pullRequest == null ? Value.NULL : Value.of(false);
            case "build.pull_request.labels":
                return pullRequest == null ? Value.NULL : Value.array(List.of());
            case "build.pull_request.repository.fork":
                return pullRequest == null ? Value.NULL : Value.of(false);
            case "pipeline.default_branch":
                return Value.of(scenario.effectiveDefaultBranch());
            case "pipeline.slug":
                return Value.of("pipeline");
            case "organization.slug":
                return Value.of("organization");
            case "build.creator.teams":
            case "build.author.teams":
                return Value.array(List.of());
            case "pipeline.started_passing":
            case "pipeline.started_failing":
            case "pipeline.next_finished_build_exists":
            case "build.creator.verified":
                return Value.of(false);
            default:
                return Value.NULL;
        }
    }

    @Override
    public String env(String name) {
        return conditionEnv.get(name);
    }
}
