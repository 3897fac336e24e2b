package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.layout.PlanFixture;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextExportersTest {

    private final Plan plan = ExportTestSupport.small();
    /** Edges whose both ends exist (the dangling ghost edge is dropped everywhere). */
    private final List<PlanEdge> realEdges = plan.edges().stream().filter(e -> !e.from().equals("ghost"))
            .collect(Collectors.toList());

    @Test
    void dotParsesBackWithEveryNodeEdgeAndAttribute() throws Exception {
        String dot = ExportTestSupport.utf8(ExportTestSupport.export(new DotExporter(), plan, null,
                ExportOptions.defaults()));
        assertTrue(dot.startsWith("digraph pipeline {"));
        assertTrue(dot.contains("rankdir=LR"));
        for (PlanEdge e : realEdges) {
            assertTrue(dot.contains(DotExporter.id(e.from()) + " -> " + DotExporter.id(e.to())), e.toString());
        }
        assertTrue(dot.contains("style=\"dashed\""), "implicit edges are dashed");
        assertTrue(dot.contains("label=\"Say \\\"hi\\\" <b>&amp; 'bye' \\\\ #1"), "quotes and backslashes escaped");
        assertTrue(dot.contains("Deploy EU\\nsecond line"));

        Map<String, Map<String, String>> attrs = new HashMap<>();
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(SupplierUtil.createStringSupplier(),
                SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> attrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.importGraph(g, new StringReader(dot));
        assertEquals(plan.steps().size(), g.vertexSet().size());
        assertEquals(realEdges.size() + 2, g.edgeSet().size(), "plus one member edge per group child");
        for (PlannedStep s : plan.steps()) {
            Map<String, String> a = attrs.get(s.id());
            assertEquals(s.label(), a.get("label").replace("\\\\", "\\").replace("\\n", "\n"));
            assertEquals(s.outcome().id(), a.get("outcome"));
            assertEquals(s.type().id(), a.get("type"));
        }
        assertEquals("deploy", attrs.get("deploy-eu").get("group"));
    }

    @Test
    void graphMlIsXmlWithEveryNodeEdgeAndAttribute() throws Exception {
        Layout layout = ExportTestSupport.layout(plan);
        byte[] bytes = ExportTestSupport.export(new GraphMLExporter(), plan, layout, ExportOptions.defaults());
        Document doc = ExportTestSupport.parseXml(bytes);
        NodeList nodes = doc.getElementsByTagNameNS("*", "node");
        NodeList edges = doc.getElementsByTagNameNS("*", "edge");
        assertEquals(plan.steps().size(), nodes.getLength());
        assertEquals(realEdges.size(), edges.getLength());
        Map<String, String> keys = new HashMap<>();
        NodeList keyList = doc.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < keyList.getLength(); i++) {
            Element k = (Element) keyList.item(i);
            keys.put(k.getAttribute("id"), k.getAttribute("attr.name"));
        }
        Set<String> labels = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        NodeList data = doc.getElementsByTagNameNS("*", "data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            String name = keys.get(d.getAttribute("key"));
            if ("label".equals(name)) {
                labels.add(d.getTextContent());
            } else if ("kind".equals(name)) {
                kinds.add(d.getTextContent());
            }
        }
        for (PlannedStep s : plan.steps()) {
            assertTrue(labels.contains(s.label()), s.label());
        }
        assertEquals(Set.of("explicit", "implicit", "group"), kinds);
        assertTrue(keys.containsValue("x"), "layout coordinates are included when a layout is given");
        ExportTestSupport.parseXml(ExportTestSupport.export(new GraphMLExporter(), plan, null,
                ExportOptions.defaults()));
    }

    @Test
    void mermaidHasOneLinePerEdgeSubgraphsAndClasses() throws Exception {
        String mmd = ExportTestSupport.utf8(ExportTestSupport.export(new MermaidExporter(), plan, null,
                ExportOptions.defaults()));
        List<String> lines = mmd.lines().collect(Collectors.toList());
        assertTrue(lines.contains("flowchart LR"));
        List<String> edgeLines = lines.stream().filter(l -> l.contains("-->") || l.contains("-.->")
                || l.contains("==>")).collect(Collectors.toList());
        assertEquals(realEdges.size(), edgeLines.size());
        assertTrue(lines.contains("  n_gate -.-> g_deploy"), "implicit edges are dashed, groups are subgraphs");
        assertTrue(lines.contains("  n_build --> n_nasty"));
        assertTrue(lines.contains("  subgraph g_deploy[\":rocket: Deploy\"]"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  classDef skipped") && l.contains("stroke-dasharray")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  classDef on_failure")));
        String nasty = lines.stream().filter(l -> l.contains("n_nasty[")).findFirst().orElseThrow();
        assertEquals("  n_nasty[\"Say #34;hi#34; #60;b#62;#38;amp; 'bye' \\ #35;1 #96;tick#96; :rocket: \uD83D\uDE80\"]:::runs",
                nasty);
        assertTrue(mmd.contains("Deploy EU<br/>second line"));
        assertFalse(mmd.contains("ghost"));
        assertTrue(mmd.startsWith("---\ntitle: \"pipe \\\"line\\\" <1>.yml\"\n---\n"));
    }

    @Test
    void mermaidIdsStayUniqueAfterSanitising() {
        Plan p = new PlanFixture("ids.yml").cmd("a-b", "1", dev.pipelens.plan.Outcome.RUNS)
                .cmd("a_b", "2", dev.pipelens.plan.Outcome.RUNS).cmd("a.b", "3", dev.pipelens.plan.Outcome.RUNS)
                .edge("a-b", "a.b").plan();
        String mmd = new MermaidExporter().toMermaid(p, ExportOptions.defaults());
        assertTrue(mmd.contains("n_a_b[\"1\"]"));
        assertTrue(mmd.contains("n_a_b_2[\"2\"]"));
        assertTrue(mmd.contains("n_a_b_3[\"3\"]"));
        assertTrue(mmd.contains("n_a_b --> n_a_b_3"));
    }

    @Test
    void releaseExportsInEveryFormat() throws Exception {
        Plan release = PlanFixture.release();
        Layout layout = ExportTestSupport.layout(release);
        for (ExportFormat f : ExportFormat.values()) {
            byte[] out = ExportTestSupport.export(f.exporter(), release, f.needsLayout() ? layout : null,
                    ExportOptions.defaults());
            assertTrue(out.length > 100, f.id());
        }
    }
}
