package dev.pipelens.gui;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;
import dev.pipelens.system.OpenOptions;

import java.nio.file.Path;

/**
 * What the command line asks the window to show: a file (null for the bundled release sample), the
 * first scenario, the CI system (null to detect), the theme (null to use the saved preference) and a step
 * to select at start (null for none), and what files are opened with ({@code --project-root},
 * {@code --include-map}).
 * Free of JavaFX types so {@code cli} can build it.
 */
public record WindowRequest(Path file, Scenario scenario, CiSystem system, Boolean dark, String select,
                            OpenOptions options) {

    public WindowRequest {
        scenario = scenario == null ? Scenario.defaults() : scenario;
        options = options == null ? OpenOptions.DEFAULT : options;
    }

    public WindowRequest(Path file, Scenario scenario, CiSystem system, Boolean dark, String select) {
        this(file, scenario, system, dark, select, OpenOptions.DEFAULT);
    }
}
