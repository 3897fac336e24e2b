package dev.pipelens.gui;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;

import java.nio.file.Path;

/**
 * What the command line asks the window to show: a file (null for the bundled release sample), the
 * first scenario, the CI system (null to detect) and the theme (null to use the saved preference).
 * Free of JavaFX types so {@code cli} can build it.
 */
public record WindowRequest(Path file, Scenario scenario, CiSystem system, Boolean dark) {

    public WindowRequest {
        scenario = scenario == null ? Scenario.defaults() : scenario;
    }
}
