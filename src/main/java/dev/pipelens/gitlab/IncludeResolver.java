package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.YamlDialect;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Expands {@code include:} (spec 4.9): included files are merged first, in listed order (their own includes
 * before them), and the including file is merged on top. Only {@code include:local} is read, relative to the
 * project directory, with {@code *}/{@code **} wildcards; remote, project, template and component includes
 * are reported as not fetched. Entries with {@code rules:} are asked of a predicate (the scenario decides).
 * Parsed files are cached, so a second expansion with other decisions reads nothing from disk.
 */
final class IncludeResolver {

    static final int MAX_INCLUDES = 150;

    private final ProjectFiles project;
    private final IncludeMap map;
    private final Map<String, YamlDocument> cache = new ConcurrentHashMap<>();

    IncludeResolver(ProjectFiles project) {
        this(project, IncludeMap.EMPTY);
    }

    IncludeResolver(ProjectFiles project, IncludeMap map) {
        this.project = project;
        this.map = map == null ? IncludeMap.EMPTY : map;
    }

    /** One expansion: its diagnostics, whether something could not be fetched, and the conditions seen. */
    final class Expansion {
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<IncludeCondition> conditions = new ArrayList<>();
        boolean incomplete;
        private final Predicate<IncludeCondition> decide;
        private final RuleReader rules;
        private final Set<String> included = new HashSet<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private int count;

        Expansion(Predicate<IncludeCondition> decide) {
            this.decide = decide;
            this.rules = new RuleReader(new YamlValues(diagnostics));
        }

        /** The root with every include merged in and the {@code include} key removed. */
        YamlMap expand(YamlMap root, String file) {
            stack.push(file);
            YamlMap result = expandFile(root, file);
            stack.pop();
            return result;
        }

        private YamlMap expandFile(YamlMap root, String file) {
            YamlNode include = root.get("include");
            if (include == null) {
                return root;
            }
            YamlNode merged = null;
            int index = 0;
            for (YamlNode entry : DeepMerge.flatten(include)) {
                String id = file + "#" + index++;
                for (YamlMap content : entry(entry, id)) {
                    merged = DeepMerge.merge(merged, content);
                }
            }
            YamlMap own = DeepMerge.without(root, "include");
            return merged == null ? own : (YamlMap) DeepMerge.merge(merged, own);
        }

        /** The expanded contents one include entry contributes (none, one, or several for a wildcard). */
        private List<YamlMap> entry(YamlNode entry, String id) {
            String local = null;
            if (entry instanceof YamlScalar s && s.text() != null) {
                String t = s.text();
                if (t.startsWith("http://") || t.startsWith("https://")) {
                    YamlScalar remoteKey = new YamlScalar("remote", YamlScalar.Kind.STRING, false, null, s.span());
                    return elsewhere("remote", new YamlMap(List.of(new YamlMap.Entry(remoteKey, s)), null, s.span()));
                }
                local = t;
            } else if (entry instanceof YamlMap m) {
                if (m.has("rules")) {
                    List<GitLabRule> r = rules.read(m.get("rules"), RuleReader.Context.INCLUDE, "include.rules");
                    IncludeCondition condition = new IncludeCondition(id, describe(m), r == null ? List.of() : r, m.span());
                    conditions.add(condition);
                    if (!decide.test(condition)) {
                        return List.of();
                    }
                }
                if (m.has("local")) {
                    local = YamlValues.text(m.get("local"));
                } else if (m.has("remote") || m.has("template") || m.has("project") || m.has("component")) {
                    return elsewhere(m.has("remote") ? "remote" : m.has("template") ? "template"
                            : m.has("project") ? "project" : "component", m);
                } else if (m.has("artifact")) {
                    return notFetched("artifact", YamlValues.text(m.get("artifact")), m.span());
                }
            }
            if (local == null) {
                diagnostics.add(Diagnostic.error(GitLabCodes.INCLUDE_INVALID, "an include entry should be a file path or "
                        + "a mapping with local:, remote:, template:, project: or component:", entry.span()).withPath("include"));
                return List.of();
            }
            return local(local, entry.span());
        }

        private List<YamlMap> local(String path, SourceSpan span) {
            if (path.contains("$")) {
                incomplete = true;
                diagnostics.add(Diagnostic.warning(GitLabCodes.INCLUDE_NOT_FETCHED, "include:local '" + path
                        + "' uses a variable; Pipelens does not expand variables in include paths", span).withPath("include"));
                return List.of();
            }
            String rel = path.startsWith("/") ? path.substring(1) : path;
            List<String> files = new ArrayList<>();
            if (Glob.hasWildcards(rel)) {
                Glob glob = Glob.compile(rel, Glob.Mode.INCLUDE);
                for (String f : project.list()) {
                    if (glob.matches(f) && (f.endsWith(".yml") || f.endsWith(".yaml"))) {
                        files.add(f);
                    }
                }
                if (files.isEmpty()) {
                    diagnostics.add(Diagnostic.warning(GitLabCodes.INCLUDE_MISSING, "include:local '" + path
                            + "' matches no file under " + project.root(), span).withPath("include"));
                }
            } else {
                files.add(rel);
            }
            List<YamlMap> out = new ArrayList<>();
            for (String f : files) {
                YamlMap content = read(f, span);
                if (content != null) {
                    out.add(content);
                }
            }
            return out;
        }

        private YamlMap read(String rel, SourceSpan span) {
            if (!(rel.endsWith(".yml") || rel.endsWith(".yaml"))) {
                diagnostics.add(Diagnostic.error(GitLabCodes.INCLUDE_INVALID, "included file '" + rel
                        + "' should have a .yml or .yaml extension", span).withPath("include"));
                return null;
            }
            if (stack.contains(rel)) {
                diagnostics.add(Diagnostic.error(GitLabCodes.INCLUDE_CYCLE, "include '" + rel
                        + "' includes itself (through " + String.join(" <- ", stack) + ")", span).withPath("include"));
                return null;
            }
            if (!included.add(rel)) {
                return null;
            }
            if (++count > MAX_INCLUDES) {
                diagnostics.add(Diagnostic.error(GitLabCodes.INCLUDE_TOO_MANY, "Maximum of " + MAX_INCLUDES
                        + " nested includes are allowed!", span).withPath("include"));
                return null;
            }
            Path root = project.root();
            if (root == null) {
                incomplete = true;
                diagnostics.add(Diagnostic.warning(GitLabCodes.INCLUDE_MISSING, "include:local '" + rel
                        + "' not read: no project directory", span).withPath("include"));
                return null;
            }
            String outside = project.outside(rel);
            if (outside != null) {
                diagnostics.add(Diagnostic.error(GitLabCodes.OUTSIDE_PROJECT, "include:local " + outside
                        + "; GitLab reads local includes from the project's repository only", span).withPath("include"));
                return null;
            }
            YamlDocument doc = cache.computeIfAbsent(rel, r -> new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH).load(root.resolve(r)));
            if (doc.root() == null) {
                incomplete = true;
                boolean unreadable = doc.diagnostics().stream().anyMatch(d -> d.code().equals(YamlLoader.UNREADABLE));
                if (unreadable) {
                    diagnostics.add(Diagnostic.warning(GitLabCodes.INCLUDE_MISSING, "include:local '" + rel
                            + "' does not exist under " + root + "; its jobs are unknown", span).withPath("include"));
                } else {
                    diagnostics.addAll(doc.diagnostics());
                }
                return null;
            }
            diagnostics.addAll(doc.diagnostics());
            if (!(doc.root() instanceof YamlMap m)) {
                diagnostics.add(Diagnostic.error(GitLabCodes.ROOT_NOT_MAP, "included file '" + rel
                        + "' should hold a mapping", doc.root().span()));
                return null;
            }
            stack.push(rel);
            YamlMap expanded = expandFile(m, rel);
            stack.pop();
            return expanded;
        }

        private List<YamlMap> notFetched(String kind, String what, SourceSpan span) {
            incomplete = true;
            diagnostics.add(Diagnostic.warning(GitLabCodes.INCLUDE_NOT_FETCHED, "include:" + kind + " '" + what
                    + "' is not fetched; jobs and templates it defines are unknown"
                    + (kind.equals("artifact") ? "" : "; " + IncludeMap.howToMap(kind, what)), span).withPath("include"));
            return List.of();
        }

        /**
         * A {@code project:}, {@code remote:}, {@code template:} or {@code component:} include: read from where the
         * {@link IncludeMap} puts it (inside the project root, like every other read), else not fetched.
         */
        private List<YamlMap> elsewhere(String kind, YamlMap m) {
            String what = YamlValues.text(m.get(kind));
            List<String> files = new ArrayList<>();
            if (kind.equals("project")) {
                List<String> asked = new YamlValues(diagnostics).strings(m.get("file"), "include.file");
                for (String f : asked == null ? List.<String>of() : asked) {
                    String target = map.resolve(kind, m, f);
                    if (target == null) {
                        return notFetched(kind, what, m.span());
                    }
                    files.add(target);
                }
            } else {
                String target = map.resolve(kind, m, null);
                if (target == null) {
                    return notFetched(kind, what, m.span());
                }
                String chosen = null;
                for (String alternative : target.split("\\|")) {
                    if (chosen == null && project.root() != null && project.outside(alternative) == null
                            && java.nio.file.Files.isRegularFile(project.root().resolve(alternative))) {
                        chosen = alternative;
                    }
                }
                files.add(chosen != null ? chosen : target.split("\\|")[0]);
            }
            List<YamlMap> out = new ArrayList<>();
            for (String f : files) {
                YamlMap content = read(f.startsWith("/") ? f.substring(1) : f, m.span());
                if (content != null) {
                    out.add(content);
                }
            }
            return out;
        }

        private String describe(YamlMap m) {
            for (String k : List.of("local", "remote", "template", "project", "component")) {
                if (m.has(k)) {
                    return k + ": " + YamlValues.text(m.get(k));
                }
            }
            return "include";
        }
    }
}
