package dev.pipelens.plan;

import dev.pipelens.model.CiSystem;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlSeq;

import java.nio.file.Path;
import java.util.Set;

/**
 * Tells whether a pipeline file is Buildkite or GitLab CI: first by name ({@code .gitlab-ci.yml},
 * anything under {@code .buildkite/}), then by content (a top-level {@code steps:} list is Buildkite;
 * {@code stages:}, {@code workflow:}, {@code include:} or jobs with {@code script:} are GitLab).
 */
public final class SystemDetector {

    private static final Set<String> GITLAB_TOP = Set.of("stages", "workflow", "include", "default", "variables",
            "before_script", "after_script", "image", "services", "cache");

    private SystemDetector() {
    }

    public static CiSystem detect(Path file, YamlNode root) {
        String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
        String full = file == null ? "" : file.toString().replace('\\', '/');
        if (name.endsWith(".gitlab-ci.yml") || name.endsWith(".gitlab-ci.yaml") || full.contains("/.gitlab/")
                || full.contains(".gitlab-ci/")) {
            return CiSystem.GITLAB;
        }
        if (dev.pipelens.github.GitHubDetection.isWorkflow(full, root)) {
            return CiSystem.GITHUB;
        }
        if (full.contains(".buildkite/") || name.startsWith("buildkite")) {
            return CiSystem.BUILDKITE;
        }
        if (root instanceof YamlSeq) {
            return CiSystem.BUILDKITE;
        }
        if (root instanceof YamlMap m) {
            if (m.get("steps") instanceof YamlSeq) {
                return CiSystem.BUILDKITE;
            }
            for (YamlMap.Entry e : m.entries()) {
                if (GITLAB_TOP.contains(e.name())) {
                    return CiSystem.GITLAB;
                }
                if (e.value() instanceof YamlMap job && (job.has("script") || job.has("trigger") || job.has("extends")
                        || job.has("stage"))) {
                    return CiSystem.GITLAB;
                }
            }
        }
        return CiSystem.BUILDKITE;
    }
}
