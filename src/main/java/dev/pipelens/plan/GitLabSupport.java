package dev.pipelens.plan;

import dev.pipelens.plan.gitlab.GitLabPlanner;
import dev.pipelens.yaml.YamlDocument;

import java.nio.file.Path;

/** Opens a GitLab file: includes are resolved relative to the file's directory (the project dir). */
final class GitLabSupport {
    private GitLabSupport() {
    }

    static PipelinePlanner load(String label, YamlDocument doc, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return GitLabPlanner.load(label, doc, dir == null ? Path.of(".") : dir);
    }
}
