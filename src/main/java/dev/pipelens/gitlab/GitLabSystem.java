package dev.pipelens.gitlab;

import dev.pipelens.gitlab.plan.GitLabPlanner;
import dev.pipelens.gitlab.run.GitLabSemantics;
import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.simulate.Semantics;
import dev.pipelens.system.CiSystemSupport;
import dev.pipelens.system.OpenOptions;
import dev.pipelens.system.ScenarioFacts;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlDialect;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** GitLab CI behind the seam: its reader, planner, run rules, presets and what-if facts. */
public final class GitLabSystem implements CiSystemSupport {

    private static final Set<String> GITLAB_TOP = Set.of("stages", "workflow", "include", "default", "variables",
            "before_script", "after_script", "image", "services", "cache");

    private static final ScenarioFacts FACTS = new ScenarioFacts(
            List.of("push", "web", "schedule", "merge_request_event", "api", "trigger", "pipeline"),
            Set.of("CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_COMMIT_TAG", "CI_PIPELINE_SOURCE",
                    "CI_MERGE_REQUEST_IID", "CI_COMMIT_MESSAGE", "CI_DEFAULT_BRANCH"),
            List.of("CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_DEFAULT_BRANCH"),
            List.of("CI_COMMIT_TAG"));

    @Override
    public CiSystem system() {
        return CiSystem.GITLAB;
    }

    /**
     * {@code .gitlab-ci.yml} or anything under {@code .gitlab/} or {@code .gitlab-ci/} (reserved names, so
     * they win over a Buildkite folder); else a top-level GitLab keyword ({@code stages:}, {@code workflow:}...)
     * or a job-like mapping ({@code script:}, {@code trigger:}, {@code extends:}, {@code stage:}).
     */
    @Override
    public int claim(Path file, YamlNode root) {
        String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
        String full = file == null ? "" : file.toString().replace('\\', '/');
        if (name.endsWith(".gitlab-ci.yml") || name.endsWith(".gitlab-ci.yaml") || full.contains("/.gitlab/")
                || full.contains(".gitlab-ci/")) {
            return CLAIM_RESERVED_NAME;
        }
        if (root instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                if (GITLAB_TOP.contains(e.name())) {
                    return CLAIM_BY_KEY;
                }
                if (e.value() instanceof YamlMap job && (job.has("script") || job.has("trigger") || job.has("extends")
                        || job.has("stage"))) {
                    return CLAIM_BY_KEY;
                }
            }
        }
        return 0;
    }

    /**
     * Reads the document as GitLab does ({@link #asGitLabReadsIt}); {@code include:local} paths start at
     * {@code --project-root}, else at the file's directory; includes from elsewhere are mapped by the
     * project's {@code .pipelens.yml} and {@code --include-map}.
     */
    @Override
    public PipelinePlanner open(Path file, YamlDocument doc, OpenOptions options) {
        Path dir = options.projectRoot() != null ? options.projectRoot().toAbsolutePath()
                : file.toAbsolutePath().getParent();
        ProjectRoot root = options.root(file);
        return GitLabPlanner.load(file.toString(), asGitLabReadsIt(doc), dir == null ? Path.of(".") : dir, root,
                IncludeMap.load(root.path(), options.includeMap()));
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

    @Override
    public Semantics semantics() {
        return new GitLabSemantics();
    }

    @Override
    public List<NamedScenario> presets(String defaultBranch) {
        return GitLabPlanner.presetsFor(defaultBranch);
    }

    @Override
    public ScenarioFacts scenarioFacts() {
        return FACTS;
    }
}
