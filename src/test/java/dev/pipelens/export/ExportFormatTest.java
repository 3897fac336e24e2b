package dev.pipelens.export;

import dev.pipelens.plan.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportFormatTest {

    @Test
    void formatFromFileName() {
        assertEquals(Optional.of(ExportFormat.PNG), ExportFormat.fromFileName("out/graph.PNG"));
        assertEquals(Optional.of(ExportFormat.SVG), ExportFormat.fromFileName("C:\\tmp\\a.b\\graph.svg"));
        assertEquals(Optional.of(ExportFormat.DOT), ExportFormat.fromFileName("g.gv"));
        assertEquals(Optional.of(ExportFormat.GRAPHML), ExportFormat.fromFileName("g.graphml"));
        assertEquals(Optional.of(ExportFormat.MERMAID), ExportFormat.fromFileName("g.mmd"));
        assertEquals(Optional.of(ExportFormat.MERMAID), ExportFormat.fromFileName("g.mermaid"));
        assertEquals(Optional.empty(), ExportFormat.fromFileName("graph"));
        assertEquals(Optional.empty(), ExportFormat.fromFileName("graph."));
        assertEquals(Optional.empty(), ExportFormat.fromFileName(".png"));
        assertEquals(Optional.empty(), ExportFormat.fromFileName("a.png/graph"));
        assertEquals(Optional.empty(), ExportFormat.fromFileName("graph.jpg"));
        assertEquals(Optional.empty(), ExportFormat.fromFileName(null));
        assertEquals(Optional.of(ExportFormat.MERMAID), ExportFormat.fromId("mmd"));
        assertEquals("png", ExportFormat.PNG.extension());
        assertTrue(ExportFormat.SVG.needsLayout());
        assertTrue(!ExportFormat.DOT.needsLayout());
    }

    @Test
    void themesStyleEveryOutcome() {
        for (Theme t : new Theme[] {Theme.light(), Theme.dark(), Theme.named("DARK")}) {
            for (Outcome o : Outcome.values()) {
                NodeStyle s = t.style(o);
                assertNotEquals(s.fill(), s.text(), "text readable on its fill");
                assertEquals(o == Outcome.SKIPPED, s.dashed());
            }
        }
        assertTrue(Theme.dark().isDark());
        assertThrows(IllegalArgumentException.class, () -> Theme.named("pink"));
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.defaults().withScale(0));
        assertEquals("#1e9a55", Rgb.of("#1E9A55").hex());
    }
}
