package dev.pipelens.github;

import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;

/**
 * Whether a file is a GitHub Actions workflow: by path ({@code .github/workflows/*.yml|yaml}) or by
 * content (a top-level {@code on} and a {@code jobs} mapping whose jobs have {@code runs-on},
 * {@code steps} or {@code uses}).
 */
public final class GitHubDetection {

    private GitHubDetection() {
    }

    /** {@code path} uses forward slashes; {@code root} may be null. */
    public static boolean isWorkflow(String path, YamlNode root) {
        String p = path == null ? "" : path;
        if (p.contains(".github/workflows/") && (p.endsWith(".yml") || p.endsWith(".yaml"))) {
            return true;
        }
        if (!(root instanceof YamlMap m) || !m.has("on") || !(m.get("jobs") instanceof YamlMap jobs)) {
            return false;
        }
        for (YamlMap.Entry e : jobs.entries()) {
            if (e.value() instanceof YamlMap job && (job.has("runs-on") || job.has("steps") || job.has("uses"))) {
                return true;
            }
        }
        return false;
    }
}
