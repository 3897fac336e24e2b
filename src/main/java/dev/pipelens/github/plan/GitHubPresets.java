package dev.pipelens.github.plan;

import dev.pipelens.github.Workflow;
import dev.pipelens.github.WorkflowInput;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One-click GitHub scenarios (spec 7.4, DESIGN section 3): push to the default branch, push to a feature
 * branch, tag push, pull request opened, schedule, release published, and a dispatch with the defaults;
 * for a loaded workflow also a dispatch per input value (each boolean flipped, each choice option).
 */
public final class GitHubPresets {

    private GitHubPresets() {
    }

    /** The presets every workflow gets. */
    public static List<NamedScenario> forDefaultBranch(String defaultBranch) {
        String main = defaultBranch == null || defaultBranch.isBlank() ? Scenario.DEFAULT_BRANCH : defaultBranch;
        Scenario base = new Scenario(main, null, null, "push", null, main, Map.of());
        return List.of(
                new NamedScenario("push to " + main, base),
                new NamedScenario("push to feature/x", base.withBranch("feature/x")),
                new NamedScenario("tag v1.2.0", base.withBranch(null).withTag("v1.2.0")),
                new NamedScenario("pull request #42 opened", base.withSource("pull_request").withBranch("feature/x")
                        .withPullRequest("42")),
                new NamedScenario("schedule (nightly)", base.withSource("schedule")),
                new NamedScenario("release v1.2.0 published", base.withSource("release").withBranch(null).withTag("v1.2.0")),
                new NamedScenario("workflow_dispatch (defaults)", base.withSource("workflow_dispatch")));
    }

    /** The presets plus a dispatch per input value that differs from its default. */
    public static List<NamedScenario> forWorkflow(Workflow wf, String defaultBranch) {
        List<NamedScenario> out = new ArrayList<>(forDefaultBranch(defaultBranch));
        if (wf.trigger("workflow_dispatch") == null) {
            return out;
        }
        String main = defaultBranch == null || defaultBranch.isBlank() ? Scenario.DEFAULT_BRANCH : defaultBranch;
        Scenario dispatch = new Scenario(main, null, null, "workflow_dispatch", null, main, Map.of());
        for (WorkflowInput i : wf.dispatchInputs()) {
            List<String> values = new ArrayList<>();
            if (i.type().equals("boolean")) {
                values.add("true".equalsIgnoreCase(i.defaultValue()) ? "false" : "true");
            } else {
                for (String o : i.options()) {
                    if (!o.equals(i.defaultValue())) {
                        values.add(o);
                    }
                }
            }
            for (String v : values) {
                out.add(new NamedScenario("dispatch " + i.name() + "=" + v,
                        dispatch.withVariable(GitHubScenario.INPUT_PREFIX + i.name(), v)));
            }
        }
        return out;
    }
}
