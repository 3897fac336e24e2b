package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.layout.LayoutNode;
import dev.pipelens.layout.PlanFixture;
import dev.pipelens.plan.Plan;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngExporterTest {

    @Test
    void decodesWithTheExpectedSizeAtScaleOneAndTwo() throws Exception {
        Plan plan = ExportTestSupport.small();
        Layout layout = ExportTestSupport.layout(plan);
        BufferedImage one = decode(plan, layout, ExportOptions.defaults());
        BufferedImage two = decode(plan, layout, ExportOptions.defaults().withScale(2));
        DiagramRenderer.Frame f = DiagramRenderer.frame(plan, layout, ExportOptions.defaults());
        assertEquals((int) Math.ceil(f.width()), one.getWidth());
        assertEquals((int) Math.ceil(f.height()), one.getHeight());
        assertEquals((int) Math.ceil(f.width() * 2), two.getWidth());
        assertEquals((int) Math.ceil(f.height() * 2), two.getHeight());
        assertEquals(PngExporter.imageSize(plan, layout, ExportOptions.defaults().withScale(2))[0], two.getWidth());
    }

    @Test
    void nodeCentresHaveTheirOutcomeColour() throws Exception {
        Plan plan = ExportTestSupport.small();
        Layout layout = ExportTestSupport.layout(plan);
        for (Theme theme : new Theme[] {Theme.light(), Theme.dark()}) {
            for (double scale : new double[] {1, 2}) {
                ExportOptions o = ExportOptions.defaults().withTheme(theme).withScale(scale);
                BufferedImage img = decode(plan, layout, o);
                DiagramRenderer.Frame f = DiagramRenderer.frame(plan, layout, o);
                // "build" is labelled "a": its centre is plain fill, away from icon and text
                LayoutNode n = layout.node("build").orElseThrow();
                int x = (int) Math.floor((f.offsetX() + n.bounds().centerX()) * scale);
                int y = (int) Math.floor((f.offsetY() + n.bounds().centerY()) * scale);
                assertEquals(theme.style(n.outcome()).fill().rgb(), img.getRGB(x, y) & 0xffffff,
                        theme.name() + " at " + scale + "x");
                assertEquals(theme.background().rgb(), img.getRGB(0, img.getHeight() - 1) & 0xffffff);
            }
        }
    }

    @Test
    void refusesGiganticImagesWithAClearMessage() throws Exception {
        Plan plan = PlanFixture.chain();
        Layout layout = ExportTestSupport.layout(plan);
        ImageTooLargeException side = assertThrows(ImageTooLargeException.class,
                () -> new PngExporter(300, Long.MAX_VALUE).render(plan, layout, ExportOptions.defaults()));
        assertTrue(side.getMessage().contains("300 pixels on a side"), side.getMessage());
        assertThrows(ImageTooLargeException.class,
                () -> new PngExporter(100_000, 1000).render(plan, layout, ExportOptions.defaults()));
        // the real limits: a thousand generated steps are far taller than 16k pixels at 2x
        Plan big = PlanFixture.generated(1000, 42);
        Layout bigLayout = ExportTestSupport.layout(big);
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> new PngExporter().export(big, bigLayout, new java.io.ByteArrayOutputStream(),
                        ExportOptions.defaults().withScale(2)));
        assertTrue(e.height() > PngExporter.MAX_SIDE);
        assertTrue(e.getMessage().contains("export SVG instead"), e.getMessage());
    }

    private static BufferedImage decode(Plan plan, Layout layout, ExportOptions o) throws Exception {
        byte[] png = ExportTestSupport.export(new PngExporter(), plan, layout, o);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null, "PNG decodes");
        return img;
    }
}
