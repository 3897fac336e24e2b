package dev.pipelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pipelens export}: headless, format by extension or --format, exit codes of DESIGN.md section 5. */
class ExportCommandTest {

    private static final String RELEASE = "samples/buildkite/release.yml";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(textBlock = """
            g.svg,      <svg
            g.dot,      digraph
            g.graphml,  <graphml
            g.mmd,      flowchart
            """)
    void textAndVectorFormatsByExtension(String name, String start) throws Exception {
        Path out = dir.resolve(name);
        CliRunner.Result r = CliRunner.run("export", RELEASE, "-o", out.toString(), "--var", "NIGHTLY=1");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).contains(start), Files.readString(out));
    }

    @Test
    void pngAtScaleTwoDecodes() throws Exception {
        Path out = dir.resolve("g.png");
        CliRunner.Result r = CliRunner.run("export", RELEASE, "-o", out.toString(), "--tag", "v1.2.0", "--scale", "2");
        assertEquals(0, r.code(), r.err());
        assertNotNull(ImageIO.read(out.toFile()));
    }

    @Test
    void formatOptionWinsOverTheExtension() throws Exception {
        Path out = dir.resolve("graph.txt");
        assertEquals(0, CliRunner.run("export", RELEASE, "-o", out.toString(), "--format", "dot").code());
        assertTrue(Files.readString(out).contains("digraph"));
    }

    @Test
    void unknownExtensionIsAUsageError() {
        CliRunner.Result r = CliRunner.run("export", RELEASE, "-o", dir.resolve("g.xyz").toString());
        assertEquals(64, r.code());
    }

    @Test
    void invalidYamlIsExitTwoWithALocatedLineAndNoOutput() throws Exception {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "steps:\n  - label: \"x\n    command: [\n");
        Path out = dir.resolve("g.svg");
        CliRunner.Result r = CliRunner.run("export", bad.toString(), "-o", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":"), r.err());
        assertFalse(Files.exists(out));
    }
}
