package dev.pipelens.buildkite;

import dev.pipelens.buildkite.plan.BuildkitePlanner;
import dev.pipelens.buildkite.plan.BuildkitePresets;
import dev.pipelens.buildkite.run.BuildkiteSemantics;
import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.simulate.Semantics;
import dev.pipelens.system.CiSystemSupport;
import dev.pipelens.system.OpenOptions;
import dev.pipelens.system.ScenarioFacts;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlSeq;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Buildkite behind the seam: its reader, planner, run rules, presets and what-if facts. */
public final class BuildkiteSystem implements CiSystemSupport {

    private static final ScenarioFacts FACTS = new ScenarioFacts(
            List.of("webhook", "ui", "api", "schedule", "trigger_job"),
            Set.of("build.branch", "build.tag", "build.message", "build.source", "build.pull_request.id",
                    "BUILDKITE_BRANCH", "BUILDKITE_TAG", "BUILDKITE_MESSAGE", "BUILDKITE_SOURCE",
                    "BUILDKITE_PULL_REQUEST"),
            List.of("build.branch", "BUILDKITE_BRANCH"),
            List.of("build.tag", "BUILDKITE_TAG"));

    @Override
    public CiSystem system() {
        return CiSystem.BUILDKITE;
    }

    /** Anything under {@code .buildkite/} or named {@code buildkite*}; a list, or a top-level {@code steps:} list. */
    @Override
    public int claim(Path file, YamlNode root) {
        String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
        String full = file == null ? "" : file.toString().replace('\\', '/');
        if (full.contains(".buildkite/") || name.startsWith("buildkite")) {
            return CLAIM_CONVENTIONAL_NAME;
        }
        if (root instanceof YamlSeq || root instanceof YamlMap m && m.get("steps") instanceof YamlSeq) {
            return CLAIM_BY_SHAPE;
        }
        return 0;
    }

    @Override
    public PipelinePlanner open(Path file, YamlDocument doc, OpenOptions options) {
        return BuildkitePlanner.load(file.toString(), doc, options.root(file));
    }

    @Override
    public Semantics semantics() {
        return new BuildkiteSemantics();
    }

    @Override
    public List<NamedScenario> presets(String defaultBranch) {
        return BuildkitePresets.forDefaultBranch(defaultBranch);
    }

    @Override
    public ScenarioFacts scenarioFacts() {
        return FACTS;
    }
}
