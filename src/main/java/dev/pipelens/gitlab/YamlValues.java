package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads GitLab's polymorphic value shapes (variables, needs, string lists) from YAML nodes into one typed
 * shape each, reporting what does not fit.
 */
final class YamlValues {

    private final List<Diagnostic> diagnostics;

    YamlValues(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void error(String code, String message, SourceSpan span, String path) {
        diagnostics.add(Diagnostic.error(code, message, span).withPath(path));
    }

    void warning(String code, String message, SourceSpan span, String path) {
        diagnostics.add(Diagnostic.warning(code, message, span).withPath(path));
    }

    /** A scalar's text (null for YAML null or a non-scalar). */
    static String text(YamlNode node) {
        return node instanceof YamlScalar s ? s.text() : null;
    }

    /** A string or a (nested) list of strings; null when the node is absent. */
    List<String> strings(YamlNode node, String path) {
        if (node == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : DeepMerge.flatten(node)) {
            String t = text(item);
            if (t == null) {
                error(GitLabCodes.BAD_VALUE, path + " should hold strings, not " + item.describe(), item.span(), path);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code variables:} in its map form, with {@code NAME: value} or {@code NAME: {value:, description:, options:}}. */
    List<GitLabVariable> variables(YamlNode node, String path) {
        List<GitLabVariable> out = new ArrayList<>();
        if (DeepMerge.isNull(node)) {
            return out;
        }
        if (!(node instanceof YamlMap map)) {
            error(GitLabCodes.VARIABLES, path + " should be a mapping of names to values", node.span(), path);
            return out;
        }
        for (YamlMap.Entry e : map.entries()) {
            YamlNode v = e.value();
            if (v instanceof YamlMap m) {
                String value = m.has("value") ? text(m.get("value")) : null;
                List<String> options = m.has("options") ? strings(m.get("options"), path + "." + e.name() + ".options")
                        : List.of();
                out.add(new GitLabVariable(e.name(), value == null ? "" : value, text(m.get("description")),
                        options == null ? List.of() : options, e.key().span()));
            } else if (v instanceof YamlScalar s) {
                out.add(new GitLabVariable(e.name(), s.text() == null ? "" : s.text(), null, List.of(), e.key().span()));
            } else {
                error(GitLabCodes.VARIABLES, "variable " + e.name() + " should be a string or a mapping with value:, not "
                        + v.describe(), v.span(), path + "." + e.name());
            }
        }
        return out;
    }

    /**
     * {@code needs:} entries: names, {@code {job:, optional:, artifacts:, parallel: {matrix:}}}; needs on other
     * pipelines ({@code pipeline:}, {@code project:}) never wait and are dropped with an info diagnostic.
     */
    List<GitLabNeed> needs(YamlNode node, String path) {
        List<GitLabNeed> out = new ArrayList<>();
        if (DeepMerge.isNull(node)) {
            return out;
        }
        int i = 0;
        for (YamlNode item : DeepMerge.flatten(node)) {
            String itemPath = path + "[" + i++ + "]";
            if (item instanceof YamlScalar s && s.text() != null) {
                out.add(new GitLabNeed(s.text(), false, false, s.span()));
            } else if (item instanceof YamlMap m && (m.has("pipeline") || m.has("project"))) {
                diagnostics.add(Diagnostic.info(GitLabCodes.NEEDS_IGNORED,
                        "a need on another pipeline or project never holds this pipeline back; ignored", m.span())
                        .withPath(itemPath));
            } else if (item instanceof YamlMap m && m.has("job")) {
                String job = text(m.get("job"));
                if (job == null) {
                    error(GitLabCodes.BAD_VALUE, "needs job: should be a job name", m.span(), itemPath);
                    continue;
                }
                Boolean optional = m.get("optional") instanceof YamlScalar o ? o.asBoolean() : null;
                boolean matrix = m.get("parallel") instanceof YamlMap p && p.has("matrix");
                Boolean artifacts = m.get("artifacts") instanceof YamlScalar a ? a.asBoolean() : null;
                out.add(new GitLabNeed(job, Boolean.TRUE.equals(optional), matrix, m.span(), !Boolean.FALSE.equals(artifacts)));
            } else {
                error(GitLabCodes.BAD_VALUE, "a needs entry should be a job name or a mapping with job:, not "
                        + item.describe(), item.span(), itemPath);
            }
        }
        return out;
    }

    /** {@code changes}/{@code exists}: a list, or a mapping with {@code paths:}. */
    List<String> paths(YamlNode node, String path) {
        if (node instanceof YamlMap m) {
            List<String> p = strings(m.get("paths"), path + ".paths");
            return p == null ? List.of() : p;
        }
        List<String> p = strings(node, path);
        return p == null ? List.of() : p;
    }

    static boolean isSeq(YamlNode node) {
        return node instanceof YamlSeq;
    }
}
