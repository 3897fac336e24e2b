package dev.pipelens.buildkite.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;

import java.util.List;
import java.util.Map;

/**
 * One-click Buildkite scenarios (DESIGN section 3): push to the default branch, push to another branch,
 * tag, pull request, scheduled nightly.
 */
public final class BuildkitePresets {

    private BuildkitePresets() {
    }

    /** The presets for a project whose default branch is {@code defaultBranch} (blank: {@code main}). */
    public static List<NamedScenario> forDefaultBranch(String defaultBranch) {
        String main = defaultBranch == null || defaultBranch.isBlank() ? Scenario.DEFAULT_BRANCH : defaultBranch;
        Scenario base = new Scenario(main, null, null, null, null, main, Map.of());
        return List.of(
                new NamedScenario("push to " + main, base),
                new NamedScenario("push to feature/x", base.withBranch("feature/x")),
                new NamedScenario("tag v1.2.0", base.withBranch(null).withTag("v1.2.0")),
                new NamedScenario("pull request", base.withBranch("feature/x").withPullRequest("42")),
                new NamedScenario("nightly (schedule, NIGHTLY=1)", base.withSource("schedule").withVariable("NIGHTLY", "1")));
    }
}
