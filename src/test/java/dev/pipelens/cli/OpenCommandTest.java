package dev.pipelens.cli;

import dev.pipelens.gui.WindowRequest;
import dev.pipelens.model.CiSystem;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code pipelens open} hands the window what {@code plan} would use to read the file (issue 14 item 3). */
class OpenCommandTest {

    private static WindowRequest request(String... args) {
        OpenCommand open = new OpenCommand();
        new CommandLine(open).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args); // as Cli configures it
        return open.request();
    }

    @Test
    void projectRootAndIncludeMapGoToTheWindow() {
        WindowRequest r = request("p/.gitlab-ci.yml", "--project-root", "p", "--include-map",
                "project:group/ci=vendor/ci", "--include-map", "template:=vendor/templates", "--system", "gitlab",
                "--branch", "dev");
        assertEquals(Path.of("p"), r.options().projectRoot());
        assertEquals(List.of("project:group/ci=vendor/ci", "template:=vendor/templates"), r.options().includeMap());
        assertEquals(CiSystem.GITLAB, r.system());
        assertEquals("dev", r.scenario().branch());
    }

    @Test
    void withoutThemTheWindowUsesTheDefaults() {
        WindowRequest r = request("x.yml");
        assertNull(r.options().projectRoot());
        assertEquals(List.of(), r.options().includeMap());
    }
}
