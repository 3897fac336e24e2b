package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The value and built-in environment rules of {@link MapBuildkiteContext} (spec 2.5, 2.6). */
class MapBuildkiteContextTest {

    @Test
    void branchBuildHasNullTagAndMessageButEmptyBuiltInEnv() {
        MapBuildkiteContext context = MapBuildkiteContext.builder().branch("main").tag(" ").message("").build();
        assertEquals(Value.NULL, context.variable("build.tag"));
        assertEquals(Value.NULL, context.variable("build.message"));
        assertEquals("", context.env("BUILDKITE_TAG"));
        assertEquals("", context.env("BUILDKITE_MESSAGE"));
        assertEquals("false", context.env("BUILDKITE_PULL_REQUEST"));
        assertEquals("main", context.env("BUILDKITE_BRANCH"));
        assertEquals(Value.of("webhook"), context.variable("build.source"));
    }

    @Test
    void pullRequestFactsFeedVariablesAndEnvironment() {
        MapBuildkiteContext context = MapBuildkiteContext.builder().branch("feature").pullRequestId("12")
                .pullRequestBaseBranch("main").pullRequestDraft(true).pullRequestLabels(List.of("a", "b")).build();
        assertEquals(Value.of("12"), context.variable("build.pull_request.id"));
        assertEquals(Value.TRUE, context.variable("build.pull_request.draft"));
        assertEquals(Value.array(List.of("a", "b")), context.variable("build.pull_request.labels"));
        assertEquals("12", context.env("BUILDKITE_PULL_REQUEST"));
        assertEquals("main", context.env("BUILDKITE_PULL_REQUEST_BASE_BRANCH"));
        assertEquals("a,b", context.env("BUILDKITE_PULL_REQUEST_LABELS"));
    }

    @Test
    void builtInsOverrideCustomEnvironmentAndUnknownNamesAreUnset() {
        MapBuildkiteContext context = MapBuildkiteContext.builder().branch("main")
                .env(Map.of("BUILDKITE_BRANCH", "spoofed", "DEPLOY", "1")).build();
        assertEquals("main", context.env("BUILDKITE_BRANCH"));
        assertEquals("1", context.env("DEPLOY"));
        assertNull(context.env("MISSING"));
        assertEquals(Value.NULL, context.variable("build.id"));
    }

    @Test
    void sourceEventOnlyOnWebhookBuildsAndExtraVariablesWin() {
        assertEquals(Value.NULL, MapBuildkiteContext.builder().source("api").sourceEvent("push").build()
                .variable("build.source_event"));
        assertEquals(Value.of("push"), MapBuildkiteContext.builder().sourceEvent("push").build()
                .variable("build.source_event"));
        assertEquals(Value.of("b-1"), MapBuildkiteContext.builder().variable("build.id", Value.of("b-1")).build()
                .variable("build.id"));
        assertEquals(Value.of(7), MapBuildkiteContext.builder().buildNumber(7L).build().variable("build.number"));
    }
}
