package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutGroup;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.PlanFixture;
import dev.pipelens.plan.Plan;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgExporterTest {

    @Test
    void svgIsWellFormedAndShowsEveryLabel() throws Exception {
        for (Plan plan : List.of(ExportTestSupport.small(), PlanFixture.release())) {
            Layout layout = ExportTestSupport.layout(plan);
            byte[] svg = ExportTestSupport.export(new SvgExporter(), plan, layout, ExportOptions.defaults());
            Document doc = ExportTestSupport.parseXml(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            List<String> texts = texts(doc, "text");
            for (LayoutNode n : layout.nodes()) {
                for (String line : n.lines()) {
                    assertTrue(texts.contains(line), () -> "missing label line " + line + " in " + texts);
                }
            }
            for (LayoutGroup g : layout.groups()) {
                assertTrue(texts.contains(g.title()), g.title());
            }
            assertTrue(texts.contains(plan.file()), "the title line names the file");
            // tooltips keep the labels exactly as written
            String tooltips = String.join("\n", texts(doc, "title"));
            for (LayoutNode n : layout.nodes()) {
                assertTrue(tooltips.contains(Text.oneLine(n.label())), n.label());
            }
        }
    }

    @Test
    void escapesTrickyLabels() throws Exception {
        Plan plan = ExportTestSupport.small();
        String svg = new SvgExporter().toSvg(plan, ExportTestSupport.layout(plan), ExportOptions.defaults());
        assertTrue(svg.contains("&lt;b&gt;&amp;amp; &apos;bye&apos;"), "markup in labels is escaped");
        assertTrue(svg.contains("\uD83D\uDE80"), "emoji are kept as UTF-8");
        ExportTestSupport.parseXml(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void scaleSetsTheSizeButNotTheViewBox() throws Exception {
        Plan plan = PlanFixture.chain();
        Layout layout = ExportTestSupport.layout(plan);
        Document doc = ExportTestSupport.parseXml(ExportTestSupport.export(new SvgExporter(), plan, layout,
                ExportOptions.defaults().withScale(2).withTheme(Theme.dark())));
        DiagramRenderer.Frame f = DiagramRenderer.frame(plan, layout, ExportOptions.defaults());
        assertEquals(SvgCanvas.num(f.width() * 2), doc.getDocumentElement().getAttribute("width"));
        assertEquals("0 0 " + SvgCanvas.num(f.width()) + " " + SvgCanvas.num(f.height()),
                doc.getDocumentElement().getAttribute("viewBox"));
        assertTrue(new String(ExportTestSupport.export(new SvgExporter(), plan, layout,
                ExportOptions.defaults().withTheme(Theme.dark())), java.nio.charset.StandardCharsets.UTF_8)
                .contains(Theme.dark().background().hex()));
    }

    @Test
    void noHeaderWithAnEmptyTitleAndNoLegendWhenOff() throws Exception {
        Plan plan = PlanFixture.chain();
        Layout layout = ExportTestSupport.layout(plan);
        DiagramRenderer.Frame f = DiagramRenderer.frame(plan, layout,
                ExportOptions.defaults().withTitle("").withLegend(false));
        assertEquals(0, f.headerHeight());
        assertEquals(0, f.legendHeight());
        assertEquals(Math.ceil(layout.height()), f.height());
    }

    private static List<String> texts(Document doc, String tag) {
        NodeList list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }
}
