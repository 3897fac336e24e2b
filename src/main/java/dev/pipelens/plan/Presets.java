package dev.pipelens.plan;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;

import java.util.List;
import java.util.Map;

/**
 * The one-click scenarios of DESIGN.md section 3, per CI system: push to the default branch, push to
 * another branch, tag, pull/merge request, scheduled/nightly (and web for GitLab).
 */
public final class Presets {

    private Presets() {
    }

    public static List<NamedScenario> forSystem(CiSystem system, String defaultBranch) {
        String main = defaultBranch == null || defaultBranch.isBlank() ? Scenario.DEFAULT_BRANCH : defaultBranch;
        Scenario base = new Scenario(main, null, null, null, null, main, Map.of());
        if (system == CiSystem.GITHUB) {
            return dev.pipelens.github.plan.GitHubPresets.forDefaultBranch(main);
        }
        if (system == CiSystem.GITLAB) {
            List<NamedScenario> out = new java.util.ArrayList<>();
            for (dev.pipelens.gitlab.GitLabPresets.Preset p : dev.pipelens.gitlab.GitLabPresets.forDefaultBranch(main)) {
                out.add(new NamedScenario(p.name(), p.scenario()));
            }
            return out;
        }
        return List.of(
                new NamedScenario("push to " + main, base),
                new NamedScenario("push to feature/x", base.withBranch("feature/x")),
                new NamedScenario("tag v1.2.0", base.withBranch(null).withTag("v1.2.0")),
                new NamedScenario("pull request", base.withBranch("feature/x").withPullRequest("42")),
                new NamedScenario("nightly (schedule, NIGHTLY=1)", base.withSource("schedule").withVariable("NIGHTLY", "1")));
    }
}
