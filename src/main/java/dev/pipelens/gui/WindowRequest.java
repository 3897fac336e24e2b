package dev.pipelens.gui;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;

import java.nio.file.Path;

/**
 * What the command line asks the window to show: a file (null for the bundled release sample), the
 * first scenario, the CI system (null to detect), the theme (null to use the saved preference) and a step
 * to select at start (null for none).
 * Free of JavaFX types so {@code cli} can build it.
 */
public record WindowRequest(Path file, Scenario scenario, CiSystem system, Boolean dark, String select) {

    public WindowRequest {
        scenario = scenario == null ? Scenario.defaults() : scenario;
    }
}
