package dev.pipelens.plan;

import dev.pipelens.plan.buildkite.BuildkitePlanner;
import dev.pipelens.yaml.YamlDocument;

import java.nio.file.Path;

/** Temporary bridge until the GitLab planner lands: GitLab files are read with the Buildkite reader. */
final class GitLabSupport {
    private GitLabSupport() {
    }

    static PipelinePlanner load(String label, YamlDocument doc, Path file) {
        return BuildkitePlanner.load(label, doc);
    }
}
