package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code extends} (spec 4.8): a reverse deep merge, parents in listed order (later wins), the job's
 * own keys last; hashes merge, lists and scalars are replaced; {@code key: null} removes an inherited key.
 * At most {@value #MAX_DEPTH} levels; unknown parents and cycles are reported (an unknown parent is only a
 * warning when some include could not be fetched, since it may live there).
 */
final class ExtendsResolver {

    static final int MAX_DEPTH = 11;

    private final YamlMap root;
    private final List<Diagnostic> diagnostics;
    private final boolean incomplete;
    private final Map<String, YamlMap> resolved = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();

    private ExtendsResolver(YamlMap root, List<Diagnostic> diagnostics, boolean incomplete) {
        this.root = root;
        this.diagnostics = diagnostics;
        this.incomplete = incomplete;
    }

    /** The root with every {@code extends} applied and removed. */
    static YamlMap resolve(YamlMap root, List<Diagnostic> diagnostics, boolean incomplete) {
        ExtendsResolver r = new ExtendsResolver(root, diagnostics, incomplete);
        List<YamlMap.Entry> entries = new ArrayList<>(root.size());
        boolean changed = false;
        for (YamlMap.Entry e : root.entries()) {
            if (e.value() instanceof YamlMap m && m.has("extends")) {
                entries.add(new YamlMap.Entry(e.key(), r.job(e.name(), new LinkedHashSet<>())));
                changed = true;
            } else {
                entries.add(e);
            }
        }
        return changed ? new YamlMap(entries, root.tag(), root.span()) : root;
    }

    private YamlMap job(String name, Set<String> chain) {
        YamlMap done = resolved.get(name);
        if (done != null) {
            return done;
        }
        YamlMap node = (YamlMap) root.get(name);
        YamlNode ext = node.get("extends");
        if (ext == null) {
            return node;
        }
        chain.add(name);
        YamlNode merged = null;
        for (YamlNode p : DeepMerge.flatten(ext)) {
            String parent = YamlValues.text(p);
            if (parent == null) {
                diagnostics.add(Diagnostic.error(GitLabCodes.BAD_VALUE, "extends should name jobs or templates", p.span())
                        .withPath(name + ".extends"));
                continue;
            }
            if (chain.contains(parent)) {
                diagnostics.add(Diagnostic.error(GitLabCodes.EXTENDS_CYCLE, "circular dependency detected in extends: "
                        + String.join(" -> ", chain) + " -> " + parent, p.span()).withPath(name + ".extends"));
                continue;
            }
            if (!(root.get(parent) instanceof YamlMap)) {
                String msg = name + ": unknown key in extends: " + parent;
                diagnostics.add(incomplete
                        ? Diagnostic.warning(GitLabCodes.EXTENDS_UNKNOWN, msg + " (it may come from an include that was not fetched)", p.span())
                        .withPath(name + ".extends")
                        : Diagnostic.error(GitLabCodes.EXTENDS_UNKNOWN, msg, p.span()).withPath(name + ".extends"));
                continue;
            }
            YamlMap parentJob = job(parent, chain);
            int levels = depth.getOrDefault(parent, 0) + 1;
            if (levels > MAX_DEPTH) {
                diagnostics.add(Diagnostic.error(GitLabCodes.EXTENDS_TOO_DEEP, name + ": extends nesting is deeper than "
                        + MAX_DEPTH + " levels (through " + parent + ")", p.span()).withPath(name + ".extends"));
                continue;
            }
            depth.merge(name, levels, Math::max);
            merged = DeepMerge.merge(merged, parentJob);
        }
        chain.remove(name);
        YamlMap own = DeepMerge.without(node, "extends");
        YamlMap result = merged == null ? own : DeepMerge.withoutNulls((YamlMap) DeepMerge.merge(merged, own));
        result = new YamlMap(result.entries(), node.tag(), node.span());
        resolved.put(name, result);
        return result;
    }
}
