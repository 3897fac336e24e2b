package dev.pipelens.plan;

import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.buildkite.BuildkitePlanner;
import dev.pipelens.gitlab.IncludeMap;
import dev.pipelens.plan.gitlab.GitLabPlanner;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlDialect;
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
        return open(file, system, limits, null);
    }

    /**
     * Opens {@code file}; {@code projectRoot} ({@code --project-root}) is the folder files read on the
     * pipeline's behalf must stay in, and where include paths start; null means the file's git repository
     * (or its folder) bounds the reads and paths start at the file's folder.
     */
    public static PipelinePlanner open(Path file, CiSystem system, YamlLimits limits, Path projectRoot) {
        return open(file, system, limits, projectRoot, List.of());
    }

    /**
     * As above; {@code includeMap} are {@code --include-map KIND:KEY=PATH} options, applied over the project's
     * {@code .pipelens.yml} (docs/include-map.md).
     */
    public static PipelinePlanner open(Path file, CiSystem system, YamlLimits limits, Path projectRoot,
                                       List<String> includeMap) {
        YamlDocument doc = new YamlLoader(limits).load(file);
        return open(file, doc, system, projectRoot, includeMap);
    }

    /** Plans an already loaded document (the window re-reads files itself to keep the last good graph). */
    public static PipelinePlanner open(Path file, YamlDocument doc, CiSystem system) {
        return open(file, doc, system, null);
    }

    /** Plans an already loaded document whose reads stay inside {@code projectRoot} (null: see above). */
    public static PipelinePlanner open(Path file, YamlDocument doc, CiSystem system, Path projectRoot) {
        return open(file, doc, system, projectRoot, List.of());
    }

    private static PipelinePlanner open(Path file, YamlDocument doc, CiSystem system, Path projectRoot,
                                        List<String> includeMap) {
        CiSystem chosen = system != null ? system : SystemDetector.detect(file, doc.root());
        String label = file.toString();
        if (chosen == CiSystem.GITLAB) {
            doc = asGitLabReadsIt(doc);
            // include: local paths start at --project-root, else at the file's directory
            Path dir = projectRoot != null ? projectRoot.toAbsolutePath() : file.toAbsolutePath().getParent();
            ProjectRoot root = ProjectRoot.forFile(file, projectRoot);
            return GitLabPlanner.load(label, doc, dir == null ? Path.of(".") : dir, root,
                    IncludeMap.load(root.path(), includeMap));
        }
        return BuildkitePlanner.load(label, doc, ProjectRoot.forFile(file, projectRoot));
    }

    /**
     * The document as GitLab's YAML reader (Psych, YAML 1.1) sees it: {@code allow_failure: yes} is a boolean,
     * a merge key written after a key overrides it (docs/gitlab-yaml.md). Read again from its text, which the
     * first load already accepted (so its size is within the limit it was read with).
     */
    static YamlDocument asGitLabReadsIt(YamlDocument doc) {
        if (doc.root() == null || doc.text() == null) {
            return doc;
        }
        YamlLimits limits = YamlLimits.DEFAULT.withMaxFileBytes(Math.max(YamlLimits.DEFAULT.maxFileBytes(),
                doc.text().length()));
        return new YamlLoader(limits, YamlDialect.PSYCH).parse(doc.text(), doc.file());
    }
}
