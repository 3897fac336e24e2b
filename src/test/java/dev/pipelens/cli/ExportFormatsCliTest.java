package dev.pipelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pipelens export} writes every format headless, for the scenario given. */
class ExportFormatsCliTest {

    private static final String RELEASE = "samples/buildkite/release.yml";

    @TempDir
    Path tmp;

    @Test
    void pngAndSvgShowEveryLabelForTheScenario() throws Exception {
        Path png = tmp.resolve("release.png");
        CliRunner.Result r = CliRunner.run("export", RELEASE, "-o", png.toString(), "--tag", "v1.2.0", "--scale", "2");
        assertEquals(0, r.code(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 1000, "2x scale");
        Path svg = tmp.resolve("release.svg");
        assertEquals(0, CliRunner.run("export", RELEASE, "-o", svg.toString(), "--var", "NIGHTLY=1").code());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        String text = Files.readString(svg);
        for (String label : new String[] {"Upload wheels", "Publish multi-arch manifest", "Unblock to build release Docker"}) {
            assertTrue(text.contains(label), label);
        }
        assertTrue(text.contains("NIGHTLY"), "the scenario is in the title");
    }

    @Test
    void textFormatsAndFormatOverride() throws Exception {
        for (String ext : new String[] {"dot", "graphml", "mmd"}) {
            Path out = tmp.resolve("g." + ext);
            assertEquals(0, CliRunner.run("export", RELEASE, "-o", out.toString()).code(), ext);
            assertTrue(Files.readString(out).contains("Upload wheels"), ext);
        }
        Path odd = tmp.resolve("graph.txt");
        assertEquals(0, CliRunner.run("export", RELEASE, "-o", odd.toString(), "--format", "mmd").code());
        assertTrue(Files.readString(odd).startsWith("flowchart") || Files.readString(odd).contains("flowchart"));
    }

    @Test
    void unknownExtensionIsUsageAndBadInputWritesNothing() throws Exception {
        assertEquals(64, CliRunner.run("export", RELEASE, "-o", tmp.resolve("x.jpeg").toString()).code());
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(bad, "steps:\n  - [\n");
        Path out = tmp.resolve("bad.png");
        CliRunner.Result r = CliRunner.run("export", bad.toString(), "-o", out.toString());
        assertEquals(2, r.code());
        assertFalse(Files.exists(out));
        assertTrue(r.err().startsWith(bad + ":"), r.err());
    }
}
