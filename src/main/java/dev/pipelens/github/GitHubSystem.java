package dev.pipelens.github;

import dev.pipelens.github.plan.GitHubPlanner;
import dev.pipelens.github.plan.GitHubPresets;
import dev.pipelens.github.run.GitHubSemantics;
import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.simulate.Semantics;
import dev.pipelens.system.CiSystemSupport;
import dev.pipelens.system.OpenOptions;
import dev.pipelens.system.ScenarioFacts;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** GitHub Actions behind the seam: its reader, planner, run rules, presets and what-if facts. */
public final class GitHubSystem implements CiSystemSupport {

    /**
     * The event names the source field offers, most common first; the fact fields set the {@code github}
     * context the planner builds from the scenario (spec 4.2), never a variable of the catalogue.
     */
    private static final ScenarioFacts FACTS = new ScenarioFacts(
            List.of("push", "pull_request", "pull_request_target", "schedule", "workflow_dispatch", "release",
                    "merge_group", "workflow_run", "repository_dispatch"),
            Set.of("github.event_name", "github.ref", "github.ref_name", "github.ref_type", "github.head_ref",
                    "github.base_ref", "github.event.head_commit.message", "github.event.pull_request.number"));

    @Override
    public CiSystem system() {
        return CiSystem.GITHUB;
    }

    /**
     * A file under {@code .github/workflows/} ending in {@code .yml}/{@code .yaml}, or a document with a
     * top-level {@code on} and a {@code jobs} mapping whose jobs have {@code runs-on}, {@code steps} or
     * {@code uses}. Either is as certain as a reserved name: it wins over a Buildkite folder, and a GitLab
     * reserved name (registered first) wins the tie.
     */
    @Override
    public int claim(Path file, YamlNode root) {
        String full = file == null ? "" : file.toString().replace('\\', '/');
        return GitHubDetection.isWorkflow(full, root) ? CLAIM_RESERVED_NAME : 0;
    }

    /**
     * {@code uses: ./.github/workflows/x.yml} is found from the file's path and must stay inside the project
     * root ({@code --project-root}, else the file's git repository), symlinks resolved.
     */
    @Override
    public PipelinePlanner open(Path file, YamlDocument doc, OpenOptions options) {
        return GitHubPlanner.load(file.toString(), doc, file, options.root(file));
    }

    @Override
    public Semantics semantics() {
        return new GitHubSemantics();
    }

    /** The presets every workflow gets; a loaded workflow's planner adds a dispatch per input value. */
    @Override
    public List<NamedScenario> presets(String defaultBranch) {
        return GitHubPresets.forDefaultBranch(defaultBranch);
    }

    @Override
    public ScenarioFacts scenarioFacts() {
        return FACTS;
    }
}
