package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlScalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where includes from elsewhere ({@code project:}, {@code remote:}, {@code template:}, {@code component:}) are
 * found on disk: a map from what the include names to a file or folder inside the project root, given in the
 * project's {@value #CONFIG_FILE} ({@code includes:} section) and with {@code --include-map KIND:KEY=PATH}
 * (which wins). See docs/include-map.md. Immutable.
 */
public final class IncludeMap {

    /** The project-level config file, at the project root. */
    public static final String CONFIG_FILE = ".pipelens.yml";
    static final List<String> KINDS = List.of("project", "remote", "template", "component");

    public static final IncludeMap EMPTY = new IncludeMap(Map.of(), List.of());

    private final Map<String, Map<String, String>> byKind;
    private final List<Diagnostic> diagnostics;

    private IncludeMap(Map<String, Map<String, String>> byKind, List<Diagnostic> diagnostics) {
        this.byKind = byKind;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Problems found reading the config file or the options. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean isEmpty() {
        return byKind.values().stream().allMatch(Map::isEmpty);
    }

    /**
     * Reads {@code root}/{@value #CONFIG_FILE} when it exists, then applies {@code options}
     * ({@code KIND:KEY=PATH}, e.g. {@code project:gitlab-org/ci-templates=vendor/ci-templates}).
     */
    public static IncludeMap load(Path root, List<String> options) {
        Map<String, Map<String, String>> map = new LinkedHashMap<>();
        for (String k : KINDS) {
            map.put(k, new LinkedHashMap<>());
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Path config = root == null ? null : root.resolve(CONFIG_FILE);
        if (config != null && Files.isRegularFile(config)) {
            YamlDocument doc = new YamlLoader().load(config, CONFIG_FILE);
            diagnostics.addAll(doc.diagnostics());
            if (doc.root() instanceof YamlMap m && m.get("includes") instanceof YamlMap includes) {
                for (YamlMap.Entry kind : includes.entries()) {
                    Map<String, String> target = map.get(kind.name());
                    if (target == null || !(kind.value() instanceof YamlMap entries)) {
                        diagnostics.add(Diagnostic.warning(GitLabCodes.INCLUDE_INVALID, CONFIG_FILE + ": includes." + kind.name()
                                + " should be one of " + String.join(", ", KINDS) + ", each a mapping of names to paths",
                                kind.key().span()));
                        continue;
                    }
                    for (YamlMap.Entry e : entries.entries()) {
                        String path = e.value() instanceof YamlScalar s ? s.text() : null;
                        if (path == null) {
                            diagnostics.add(Diagnostic.warning(GitLabCodes.INCLUDE_INVALID, CONFIG_FILE + ": the path for "
                                    + e.name() + " should be a string", e.value().span()));
                        } else {
                            target.put(e.name(), path);
                        }
                    }
                }
            }
        }
        for (String option : options == null ? List.<String>of() : options) {
            int colon = option.indexOf(':');
            int eq = option.lastIndexOf('=');
            String kind = colon < 0 ? null : option.substring(0, colon);
            if (kind == null || eq < colon || !map.containsKey(kind)) {
                diagnostics.add(Diagnostic.error(GitLabCodes.INCLUDE_INVALID, "--include-map " + option
                        + ": expected KIND:KEY=PATH with KIND one of " + String.join(", ", KINDS), SourceSpan.NONE));
                continue;
            }
            map.get(kind).put(option.substring(colon + 1, eq), option.substring(eq + 1));
        }
        return new IncludeMap(map, diagnostics);
    }

    /**
     * The project-relative path of the file {@code entry} (an include mapping) names, or null when it is not
     * mapped. {@code kind} is the include kind; for {@code project:} {@code file} is the one file asked for.
     */
    String resolve(String kind, YamlMap entry, String file) {
        Map<String, String> m = byKind.getOrDefault(kind, Map.of());
        String key = YamlValues.text(entry.get(kind));
        if (key == null) {
            return null;
        }
        switch (kind) {
            case "project": {
                String ref = YamlValues.text(entry.get("ref"));
                String target = ref != null && m.containsKey(key + "@" + ref) ? m.get(key + "@" + ref) : m.get(key);
                return target == null ? null : join(target, file);
            }
            case "template": {
                String target = m.get(key);
                return target != null ? target : m.containsKey("") ? join(m.get(""), key) : null;
            }
            case "component": {
                String target = m.get(key);
                if (target == null && key.contains("@")) {
                    target = m.get(key.substring(0, key.lastIndexOf('@')));
                }
                if (target == null) {
                    return null;
                }
                String path = key.contains("@") ? key.substring(0, key.lastIndexOf('@')) : key;
                String name = path.substring(path.lastIndexOf('/') + 1);
                // a component folder holds templates/<name>.yml or templates/<name>/template.yml
                return target.endsWith(".yml") || target.endsWith(".yaml") ? target
                        : join(target, "templates/" + name + ".yml") + "|" + join(target, "templates/" + name + "/template.yml");
            }
            default:
                return m.get(key);
        }
    }

    private static String join(String folder, String file) {
        if (file == null) {
            return folder;
        }
        String f = file.startsWith("/") ? file.substring(1) : file;
        return folder.endsWith("/") ? folder + f : folder + "/" + f;
    }

    /** How to map an unmapped include, for the warning. */
    static String howToMap(String kind, String what) {
        return "map it to a file or folder in the project with --include-map " + kind + ":" + what + "=PATH or in "
                + CONFIG_FILE + " (includes: " + kind + ": {\"" + what + "\": PATH}), see docs/include-map.md";
    }
}
