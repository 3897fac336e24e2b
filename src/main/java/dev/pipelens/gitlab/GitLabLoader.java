package dev.pipelens.gitlab;

import dev.pipelens.gitlab.expr.VariableLookup;
import dev.pipelens.model.When;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.ProjectRoot;
import dev.pipelens.yaml.YamlMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a GitLab CI file once: includes ({@code local} only), {@code extends}, {@code !reference},
 * {@code default:}, jobs, rules and expressions, into a {@link GitLabConfig}. When some {@code include:} has
 * {@code rules:}, the set of included files depends on the scenario: {@link #config(VariableLookup, FileFacts)}
 * evaluates those include rules and composes (and caches) the configuration for that combination; parsed
 * files are read only once. Immutable from the outside and thread-safe.
 */
public final class GitLabLoader {

    private final String file;
    private final YamlDocument document;
    private final ProjectFiles project;
    private final IncludeResolver includes;
    private final IncludeMap includeMap;
    private final List<IncludeCondition> conditions;
    private final GitLabConfig unconditional;
    private final GitLabConfig everything;
    private final List<Diagnostic> loadDiagnostics;
    private final Map<String, GitLabConfig> byDecision = new ConcurrentHashMap<>();

    private GitLabLoader(String file, YamlDocument document, Path projectDir, ProjectRoot root, IncludeMap map) {
        this.file = file;
        this.document = document;
        this.project = new ProjectFiles(projectDir, root);
        this.includeMap = map == null ? IncludeMap.EMPTY : map;
        this.includes = new IncludeResolver(project, includeMap);
        List<IncludeCondition> seen = new ArrayList<>();
        // every conditional include taken: reads all reachable files and finds all conditions
        GitLabConfig all = compose(c -> {
            seen.add(c);
            return true;
        });
        this.conditions = List.copyOf(seen);
        this.unconditional = conditions.isEmpty() ? all : null;
        this.everything = all;
        List<Diagnostic> diags = new ArrayList<>(document.diagnostics());
        diags.addAll(includeMap.diagnostics());
        diags.addAll(all.diagnostics());
        this.loadDiagnostics = List.copyOf(diags);
    }

    /**
     * Loads {@code document} (already read by {@code dev.pipelens.yaml.YamlLoader}); {@code projectDir} is where
     * {@code include:local} and {@code rules:exists} paths start (null = the directory of the file).
     */
    public static GitLabLoader load(String fileLabel, YamlDocument document, Path projectDir) {
        Path dir = projectDir;
        if (dir == null && document.file() != null) {
            Path parent = Path.of(document.file()).toAbsolutePath().getParent();
            dir = parent;
        }
        return new GitLabLoader(fileLabel, document, dir, dir == null ? null : ProjectRoot.of(dir), IncludeMap.EMPTY);
    }

    /**
     * Loads {@code document}; relative paths start at {@code projectDir} and nothing is read outside
     * {@code root} (see {@link ProjectRoot}).
     */
    public static GitLabLoader load(String fileLabel, YamlDocument document, Path projectDir, ProjectRoot root) {
        return new GitLabLoader(fileLabel, document, projectDir, root, IncludeMap.EMPTY);
    }

    /** As above, with includes from elsewhere found where {@code map} puts them. */
    public static GitLabLoader load(String fileLabel, YamlDocument document, Path projectDir, ProjectRoot root,
                                    IncludeMap map) {
        return new GitLabLoader(fileLabel, document, projectDir, root, map);
    }

    /** Where includes from elsewhere are mapped (for child pipelines, which read the same way). */
    public IncludeMap includeMap() {
        return includeMap;
    }

    public String file() {
        return file;
    }

    public ProjectFiles project() {
        return project;
    }

    /** The YAML problems plus those of composing the configuration with every conditional include taken. */
    public List<Diagnostic> diagnostics() {
        return loadDiagnostics;
    }

    /** Include entries whose inclusion depends on the scenario. */
    public List<IncludeCondition> includeConditions() {
        return conditions;
    }

    /** The configuration when no include has rules; otherwise the one with every conditional include taken. */
    public GitLabConfig config() {
        return everything;
    }

    /**
     * The configuration for a scenario: include rules are evaluated with {@code variables} (predefined and
     * pipeline variables, as GitLab allows in includes) and {@code files}.
     */
    public GitLabConfig config(VariableLookup variables, FileFacts files) {
        if (unconditional != null) {
            return unconditional;
        }
        RuleMatcher matcher = new RuleMatcher(files == null ? FileFacts.of(Map.of(), project) : files);
        BitSet key = new BitSet();
        Map<String, Boolean> decisions = new HashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            boolean take = includeTaken(conditions.get(i), matcher, variables);
            decisions.put(conditions.get(i).id(), take);
            key.set(i, take);
        }
        return byDecision.computeIfAbsent(key.toString(), k -> compose(c -> decisions.getOrDefault(c.id(), false)));
    }

    /** {@code include:rules}: first matching rule decides; {@code when: never} excludes; no match excludes. */
    public static boolean includeTaken(IncludeCondition condition, RuleMatcher matcher, VariableLookup variables) {
        for (GitLabRule rule : condition.rules()) {
            if (matcher.match(rule, variables).matched()) {
                return When.of(rule.when()) != When.NEVER;
            }
        }
        return false;
    }

    private GitLabConfig compose(java.util.function.Predicate<IncludeCondition> decide) {
        List<Diagnostic> diags = new ArrayList<>();
        if (document.root() == null) {
            return new GitLabConfig(List.of(".pre", "build", "test", "deploy", ".post"), List.of(), null, List.of(), diags);
        }
        if (!(document.root() instanceof YamlMap root)) {
            diags.add(Diagnostic.error(GitLabCodes.ROOT_NOT_MAP, "a GitLab CI file should hold a mapping, not "
                    + document.root().describe(), document.root().span()));
            return new GitLabConfig(List.of(".pre", "build", "test", "deploy", ".post"), List.of(), null, List.of(), diags);
        }
        IncludeResolver.Expansion expansion = includes.new Expansion(decide);
        YamlMap merged = expansion.expand(root, relative(document.file()));
        diags.addAll(expansion.diagnostics);
        merged = ExtendsResolver.resolve(merged, diags, expansion.incomplete);
        merged = ReferenceResolver.resolve(merged, diags, expansion.incomplete);
        return ConfigReader.read(merged, diags);
    }

    private String relative(String path) {
        if (path == null || project.root() == null) {
            return String.valueOf(path);
        }
        try {
            return project.root().toAbsolutePath().relativize(Path.of(path).toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    /** Where the file starts, for pipeline-level reasons. */
    public SourceSpan span() {
        return new SourceSpan(file, 1, 1);
    }
}
