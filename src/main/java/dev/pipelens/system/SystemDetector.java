package dev.pipelens.system;

import dev.pipelens.model.CiSystem;
import dev.pipelens.yaml.YamlNode;

import java.nio.file.Path;

/**
 * Tells which CI system a pipeline file is written for: each registered system says how strongly it
 * claims the file, first by name ({@code .gitlab-ci.yml}, anything under {@code .buildkite/}), then by
 * content (a top-level {@code steps:} list is Buildkite; {@code stages:}, {@code workflow:}, {@code include:}
 * or jobs with {@code script:} are GitLab); see {@link CiSystemSupport#claim}.
 */
public final class SystemDetector {

    private SystemDetector() {
    }

    public static CiSystem detect(Path file, YamlNode root) {
        return Systems.detect(file, root).system();
    }
}
