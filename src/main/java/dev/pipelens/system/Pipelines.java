package dev.pipelens.system;

import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;
import dev.pipelens.yaml.YamlLoader;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens a pipeline file for planning: reads it safely, tells its CI system (unless given), and returns
 * the matching {@link PipelinePlanner}. The one entry point the CLI and the window share.
 */
public final class Pipelines {

    private Pipelines() {
    }

    /** Opens {@code file}; {@code system} null means detect. Never throws for bad input. */
    public static PipelinePlanner open(Path file, CiSystem system, YamlLimits limits) {
        return open(file, system, limits, OpenOptions.DEFAULT);
    }

    /**
     * Opens {@code file}; {@code projectRoot} ({@code --project-root}) is the folder files read on the
     * pipeline's behalf must stay in, and where include paths start (null: the file's git repository, or its
     * folder, bounds the reads and paths start at the file's folder); {@code includeMap} are
     * {@code --include-map KIND:KEY=PATH} options, applied over the project's {@code .pipelens.yml}.
     */
    public static PipelinePlanner open(Path file, CiSystem system, YamlLimits limits, Path projectRoot,
                                       List<String> includeMap) {
        return open(file, system, limits, new OpenOptions(projectRoot, includeMap));
    }

    /** Opens {@code file} with {@code options}; {@code system} null means detect. Never throws for bad input. */
    public static PipelinePlanner open(Path file, CiSystem system, YamlLimits limits, OpenOptions options) {
        YamlDocument doc = new YamlLoader(limits).load(file);
        return open(file, doc, system, options);
    }

    /** Plans an already loaded document (the window re-reads files itself to keep the last good graph). */
    public static PipelinePlanner open(Path file, YamlDocument doc, CiSystem system) {
        return open(file, doc, system, OpenOptions.DEFAULT);
    }

    /** Plans an already loaded document with {@code options}; {@code system} null means detect. */
    public static PipelinePlanner open(Path file, YamlDocument doc, CiSystem system, OpenOptions options) {
        CiSystemSupport chosen = system != null ? Systems.of(system) : Systems.detect(file, doc.root());
        return chosen.open(file, doc, options);
    }
}
