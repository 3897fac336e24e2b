package dev.pipelens;

import dev.pipelens.cli.Cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {

    @Test
    void commandNamesFromTheAnnotationsAreTheCommandLinesSubcommands() {
        assertEquals(Cli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().keySet(), Cli.commandNames());
    }

    @Test
    void aFileOpensTheWindowAndACommandOrOptionRunsAsGiven() {
        assertArrayEquals(new String[] {"open"}, Launcher.windowArgs(new String[0]));
        assertArrayEquals(new String[] {"open", "pipeline.yml", "--tag", "v1"},
                Launcher.windowArgs(new String[] {"pipeline.yml", "--tag", "v1"}));
        assertArrayEquals(new String[] {"plan", "pipeline.yml"}, Launcher.windowArgs(new String[] {"plan", "pipeline.yml"}));
        assertArrayEquals(new String[] {"--version"}, Launcher.windowArgs(new String[] {"--version"}));
    }
}
