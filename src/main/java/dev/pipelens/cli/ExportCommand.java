package dev.pipelens.cli;

import dev.pipelens.export.ExportFormat;
import dev.pipelens.export.ExportOptions;
import dev.pipelens.export.ImageTooLargeException;
import dev.pipelens.export.Theme;
import dev.pipelens.layout.LayeredLayout;
import dev.pipelens.layout.Layout;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code pipelens export FILE -o OUT.(png|svg|dot|graphml|mmd) [scenario]}: the graph, coloured for the
 * scenario, with no display needed. Writes to a temporary file first, so a failed export never leaves a
 * half-written image behind.
 */
@Command(name = "export", description = "Export the pipeline graph for a scenario as PNG, SVG, DOT, GraphML or Mermaid.")
final class ExportCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output file; its extension picks the format unless --format is given.")
    Path output;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--format", paramLabel = "F", description = "png, svg, dot, graphml or mmd (default: from the output file name).")
    String format;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1", description = "PNG scale factor, e.g. 2 for high-DPI (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light", description = "light or dark (default: ${DEFAULT-VALUE}).")
    String theme;

    @Override
    public Integer call() throws IOException {
        ExportFormat chosen = (format != null ? ExportFormat.fromId(format) : ExportFormat.fromFileName(output.toString()))
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "cannot tell the export format of \"" + output
                        + "\": use .png, .svg, .dot, .graphml or .mmd, or --format"));
        if (scale <= 0 || scale > 8) {
            throw new ParameterException(spec.commandLine(), "--scale must be between 0 and 8");
        }
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new ParameterException(spec.commandLine(), "--theme must be light or dark");
        }
        if (chosen == ExportFormat.PNG) {
            System.setProperty("java.awt.headless", "true"); // export needs no display
        }
        PipelinePlanner planner = open(file);
        if (planner.unusable()) {
            printErrors(planner.loadDiagnostics());
            return ExitCodes.BAD_INPUT;
        }
        Plan plan = planner.plan(scenario.toScenario());
        Layout layout = chosen.needsLayout() ? new LayeredLayout().layout(plan) : null;
        ExportOptions options = ExportOptions.defaults().withScale(scale).withTheme(Theme.named(theme));
        Path parent = output.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".pipelens-export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                chosen.exporter().export(plan, layout, out, options);
            }
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
        } catch (ImageTooLargeException e) {
            err().println(output + ": " + e.getMessage());
            err().flush();
            return ExitCodes.BAD_INPUT;
        } finally {
            Files.deleteIfExists(temp);
        }
        out().println("wrote " + output + " (" + chosen.id() + ", " + plan.steps().size() + " steps)");
        out().flush();
        return ExitCodes.OK;
    }
}
