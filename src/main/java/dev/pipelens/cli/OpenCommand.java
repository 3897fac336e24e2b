package dev.pipelens.cli;

import dev.pipelens.gui.PipelensApp;
import dev.pipelens.gui.WindowRequest;
import dev.pipelens.system.OpenOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pipelens open [FILE] [scenario]}: the window, on FILE or on the bundled release sample. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the window on FILE (default: the bundled release sample), planned for the scenario given.")
final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Mixin
    InputOptions input;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--dark", description = "Start with the dark theme.")
    Boolean dark;

    @Option(names = "--select", paramLabel = "STEP", description = "Select STEP (its id or key) and explain it.")
    String select;

    /** What the window is asked to show, with the files' options ({@code --project-root}, {@code --include-map}). */
    WindowRequest request() {
        return new WindowRequest(file, scenario.toScenario(), input.system, dark, select,
                new OpenOptions(input.projectRoot, input.includeMap));
    }

    @Override
    public Integer call() {
        if (file != null && !Files.isRegularFile(file)) {
            spec.commandLine().getErr().println(file + ": no such file");
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        try {
            PipelensApp.launch(request());
            return ExitCodes.OK;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("pipelens: " + e.getMessage()
                    + " (the window needs a display; the other commands, such as 'pipelens plan', do not)");
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
    }
}
