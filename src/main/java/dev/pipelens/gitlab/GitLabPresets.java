package dev.pipelens.gitlab;

import dev.pipelens.model.Scenario;

import java.util.List;
import java.util.Map;

/**
 * One-click GitLab scenarios (DESIGN section 3): push to the default branch, push to another branch, tag,
 * merge request, schedule, web ("Run pipeline"). Each maps through {@link GitLabPredefinedVariables}.
 */
public final class GitLabPresets {

    /** A named scenario. */
    public record Preset(String id, String name, Scenario scenario) {
    }

    private GitLabPresets() {
    }

    /** The presets for default branch {@code main}. */
    public static List<Preset> all() {
        return forDefaultBranch(Scenario.DEFAULT_BRANCH);
    }

    /** The presets for a project whose default branch is {@code defaultBranch}. */
    public static List<Preset> forDefaultBranch(String defaultBranch) {
        Map<String, String> none = Map.of();
        return List.of(
                new Preset("push-default", "Push to " + defaultBranch,
                        new Scenario(defaultBranch, null, null, "push", null, defaultBranch, none)),
                new Preset("push-branch", "Push to another branch (feature)",
                        new Scenario("feature", null, null, "push", null, defaultBranch, none)),
                new Preset("tag", "Tag v1.0.0",
                        new Scenario(null, "v1.0.0", null, "push", null, defaultBranch, none)),
                new Preset("merge-request", "Merge request from feature into " + defaultBranch,
                        new Scenario("feature", null, null, "merge_request_event", "1", defaultBranch, none)),
                new Preset("schedule", "Scheduled pipeline on " + defaultBranch,
                        new Scenario(defaultBranch, null, null, "schedule", null, defaultBranch, none)),
                new Preset("web", "Run pipeline (web) on " + defaultBranch,
                        new Scenario(defaultBranch, null, null, "web", null, defaultBranch, none)));
    }
}
