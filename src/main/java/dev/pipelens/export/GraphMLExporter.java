package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutGroup;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.Rect;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes GraphML through JGraphT's GraphML exporter. Node ids are the step ids; node data {@code label type
 * outcome group jobs} and, when a layout is given, its box {@code x y width height}; edge data {@code kind}
 * and {@code allowFailure}. Groups are nodes of type {@code group}; membership is the children's
 * {@code group} data (no extra edges).
 */
public final class GraphMLExporter implements Exporter {

    @Override
    public void export(Plan plan, Layout layout, OutputStream out, ExportOptions options) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(toGraphML(plan, layout));
        w.flush();
    }

    /** The GraphML document; {@code layout} may be null. */
    public String toGraphML(Plan plan, Layout layout) throws IOException {
        ExportGraph eg = new ExportGraph(plan);
        Map<String, Rect> boxes = new LinkedHashMap<>();
        if (layout != null) {
            for (LayoutNode n : layout.nodes()) {
                boxes.put(n.id(), n.bounds());
            }
            for (LayoutGroup g : layout.groups()) {
                boxes.put(g.id(), g.bounds());
            }
        }
        org.jgrapht.nio.graphml.GraphMLExporter<String, ExportGraph.Edge> exporter =
                new org.jgrapht.nio.graphml.GraphMLExporter<>(Text::xmlSafe);
        exporter.registerAttribute("label", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("type", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("outcome", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("group", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("jobs", AttributeCategory.NODE, AttributeType.INT);
        if (layout != null) {
            for (String k : new String[] {"x", "y", "width", "height"}) {
                exporter.registerAttribute(k, AttributeCategory.NODE, AttributeType.DOUBLE);
            }
        }
        exporter.registerAttribute("kind", AttributeCategory.EDGE, AttributeType.STRING);
        exporter.registerAttribute("allowFailure", AttributeCategory.EDGE, AttributeType.BOOLEAN);
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
            m.put("jobs", DefaultAttribute.createAttribute(Math.max(1, s.jobs())));
            Rect r = boxes.get(id);
            if (r != null) {
                m.put("x", DefaultAttribute.createAttribute(r.x()));
                m.put("y", DefaultAttribute.createAttribute(r.y()));
                m.put("width", DefaultAttribute.createAttribute(r.width()));
                m.put("height", DefaultAttribute.createAttribute(r.height()));
            }
            return m;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("kind", str(e.kind.id()));
            m.put("allowFailure", DefaultAttribute.createAttribute(e.allowFailure));
            return m;
        });
        StringWriter sw = new StringWriter();
        try {
            exporter.exportGraph(eg.graph(false), sw);
        } catch (ExportException e) {
            throw new IOException("GraphML export failed: " + e.getMessage(), e);
        }
        return sw.toString();
    }

    private static Attribute str(String s) {
        return DefaultAttribute.createAttribute(Text.xmlSafe(s));
    }
}
