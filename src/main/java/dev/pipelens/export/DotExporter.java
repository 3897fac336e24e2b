package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.dot.DOTExporter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes Graphviz DOT through JGraphT's {@link DOTExporter}: {@code rankdir=LR}, node ids are the step ids
 * (quoted), node attributes {@code label type outcome group jobs} plus colours from the theme, edge
 * attributes {@code kind} (and {@code allow_failure}), implicit edges dashed. JGraphT's exporter cannot
 * write clusters, so a group is a {@code folder}-shaped node joined to its children by dotted
 * {@code kind="member"} edges without arrowheads.
 */
public final class DotExporter implements Exporter {

    @Override
    public void export(Plan plan, Layout layout, OutputStream out, ExportOptions options) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(toDot(plan, options));
        w.flush();
    }

    /** The DOT text. */
    public String toDot(Plan plan, ExportOptions options) throws IOException {
        ExportGraph eg = new ExportGraph(plan);
        Theme t = options.theme();
        DOTExporter<String, ExportGraph.Edge> exporter = new DOTExporter<>(DotExporter::id);
        exporter.setGraphIdProvider(() -> "pipeline");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("rankdir", raw("LR"));
            m.put("label", raw(quoted(options.title() != null ? options.title()
                    : plan.file() + " \u2014 " + Text.scenarioLine(plan))));
            m.put("labelloc", raw("t"));
            m.put("fontname", raw("Helvetica"));
            m.put("bgcolor", raw(quoted(t.background().hex())));
            return m;
        });
        exporter.setVertexAttributeProvider(id -> {
            PlannedStep s = eg.steps.get(id);
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("label", str(ExportGraph.label(s)));
            m.put("type", str(s.type() == null ? "" : s.type().id()));
            m.put("outcome", str(s.outcome() == null ? "" : s.outcome().id()));
            String group = eg.groupOf(s);
            if (group != null) {
                m.put("group", str(group));
            }
            if (s.jobs() > 1) {
                m.put("jobs", str(Integer.toString(s.jobs())));
            }
            NodeStyle st = t.style(s.outcome());
            boolean box = eg.children.containsKey(id);
            m.put("shape", str(box ? "folder" : s.type() == StepType.WAIT ? "circle"
                    : s.type() != null && s.type().isGateType() ? "hexagon" : "box"));
            m.put("style", str(st.dashed() ? "rounded,filled,dashed" : "rounded,filled"));
            m.put("fillcolor", str(box ? t.groupFill().hex() : st.fill().hex()));
            m.put("color", str(box ? t.groupStroke().hex() : st.stroke().hex()));
            m.put("fontcolor", str(box ? t.groupTitleText().hex() : st.text().hex()));
            m.put("fontname", str("Helvetica"));
            return m;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            if (e.member) {
                m.put("kind", str("member"));
                m.put("style", str("dotted"));
                m.put("arrowhead", str("none"));
                m.put("color", str(t.groupStroke().hex()));
                return m;
            }
            m.put("kind", str(e.kind.id()));
            if (e.allowFailure) {
                m.put("allow_failure", str("true"));
                m.put("arrowhead", str("empty"));
            }
            m.put("style", str(e.kind == EdgeKind.IMPLICIT ? "dashed" : "solid"));
            m.put("color", str(e.kind == EdgeKind.IMPLICIT ? t.implicitEdge().hex() : t.edge().hex()));
            return m;
        });
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            exporter.exportGraph(eg.graph(true), sw);
        } catch (ExportException e) {
            throw new IOException("DOT export failed: " + e.getMessage(), e);
        }
        return sw.toString();
    }

    /** A quoted DOT id. */
    static String id(String s) {
        return quoted(s);
    }

    /** {@code "s"} with backslashes, quotes and line breaks escaped, other control characters dropped. */
    static String quoted(String s) {
        return "\"" + pre(s).replace("\"", "\\\"") + "\"";
    }

    /**
     * Escapes what JGraphT leaves alone: backslashes (else {@code a\} would swallow the closing quote) and
     * line breaks (as DOT's {@code \n}). JGraphT escapes the double quotes of attribute values itself.
     */
    static String pre(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                continue;
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Attribute str(String s) {
        return DefaultAttribute.createAttribute(pre(s));
    }

    private static Attribute raw(String s) {
        return new DefaultAttribute<>(s, org.jgrapht.nio.AttributeType.UNKNOWN);
    }
}
