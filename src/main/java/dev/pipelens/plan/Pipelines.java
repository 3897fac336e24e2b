package dev.pipelens.plan;

import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.buildkite.BuildkitePlanner;
import dev.pipelens.plan.gitlab.GitLabPlanner;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;
import dev.pipelens.yaml.YamlLoader;

import java.nio.file.Path;

/**
 * Opens a pipeline file for planning: reads it safely, tells its CI system (unless given), and returns
 * the matching {@link PipelinePlanner}. The one entry point the CLI and the window share.
 */
public final class Pipelines {

    private Pipelines() {
    }

    /** Opens {@code file}; {@code system} null means detect. Never throws for bad input. */
    public static PipelinePlanner open(Path file, CiSystem system, YamlLimits limits) {
        YamlDocument doc = new YamlLoader(limits).load(file);
        return open(file, doc, system);
    }

    /** Plans an already loaded document (the window re-reads files itself to keep the last good graph). */
    public static PipelinePlanner open(Path file, YamlDocument doc, CiSystem system) {
        CiSystem chosen = system != null ? system : SystemDetector.detect(file, doc.root());
        String label = file.toString();
        if (chosen == CiSystem.GITHUB) {
            return dev.pipelens.github.plan.GitHubPlanner.load(label, doc, file);
        }
        if (chosen == CiSystem.GITLAB) {
            // include: local paths are relative to the file's directory (the project dir)
            Path dir = file.toAbsolutePath().getParent();
            return GitLabPlanner.load(label, doc, dir == null ? Path.of(".") : dir);
        }
        return BuildkitePlanner.load(label, doc);
    }
}
