package dev.pipelens.cli;

import dev.pipelens.export.ExportFormat;
import dev.pipelens.export.SafeOutput;
import dev.pipelens.export.ExportOptions;
import dev.pipelens.export.ImageTooLargeException;
import dev.pipelens.export.Theme;
import dev.pipelens.layout.PlanLayouts;
import dev.pipelens.layout.Layout;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code pipelens export FILE -o OUT.(png|svg|dot|graphml|mmd) [scenario] [--format F]}: the graph of one
 * scenario as a file, headless (no display needed). The output is written through {@link SafeOutput}: a
 * temp file in the target's folder moved into place, so a refused or failed export never leaves half a
 * file, and only a regular file is ever replaced (exit 64 for a link, directory, device or FIFO at OUT).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  pipelens export .buildkite/pipeline.yml -o graph.png", "  pipelens export .gitlab-ci.yml -o graph.svg --source merge_request_event"}, description = "Write the graph of a scenario as PNG, SVG, DOT, GraphML or Mermaid.")
final class ExportCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write; its extension picks the format unless --format is given.")
    Path output;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--format", paramLabel = "F", description = "png, svg, dot, graphml or mmd (default: from OUT's extension).")
    String format;

    @Option(names = "--scale", paramLabel = "N", description = "PNG pixel density, e.g. 2 for retina (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    double scale;

    @Option(names = "--theme", paramLabel = "THEME", description = "light or dark (default: ${DEFAULT-VALUE}).", defaultValue = "light")
    String theme;

    @Option(names = "--no-legend", description = "Leave out the legend of PNG and SVG images.")
    boolean noLegend;

    @Option(names = "--title", paramLabel = "TEXT", description = "The image's title (default: the file name; empty for no header).")
    String title;

    /** Most dependency edges an export draws: far above any real pipeline, and layout stays quick below it. */
    static final int MAX_EDGES = 20_000;

    @Override
    public Integer call() {
        ExportFormat fmt = chosenFormat();
        if (fmt == ExportFormat.PNG) {
            System.setProperty("java.awt.headless", "true"); // drawing a PNG needs no display
        }
        ExportOptions options;
        try {
            options = new ExportOptions(scale, Theme.named(theme), title, !noLegend);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PipelinePlanner planner = open(file);
        if (planner.unusable()) {
            printErrors(planner.loadDiagnostics());
            return ExitCodes.BAD_INPUT;
        }
        Plan plan = planner.plan(scenario.toScenario());
        if (!plan.created() && plan.hasErrors()) {
            printErrors(plan.diagnostics());
            return ExitCodes.BAD_INPUT;
        }
        if (plan.edges().size() > MAX_EDGES) {
            err().println(file + ":1:1: the graph has " + plan.edges().size() + " dependency edges; export draws at most "
                    + MAX_EDGES + " (plan and lint still read the file)");
            err().flush();
            return ExitCodes.BAD_INPUT;
        }
        // the window's layout: positions from the union of the presets' edges, so both draw the same picture
        Layout layout = fmt.needsLayout() ? PlanLayouts.drawing(planner, plan) : null;
        try {
            SafeOutput.write(output, os -> fmt.exporter().export(plan, layout, os, options));
        } catch (SafeOutput.RefusedTarget e) {
            err().println(output + ": " + e.getMessage());
            err().flush();
            return ExitCodes.USAGE;
        } catch (ImageTooLargeException e) {
            err().println(output + ": " + e.getMessage());
            err().flush();
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err().println(output + ": cannot write: " + e.getMessage());
            err().flush();
            return ExitCodes.BAD_INPUT;
        }
        // the count the window's status bar and the drawing's header show (group steps are boxes, not steps)
        int steps = plan.countsByOutcome().values().stream().mapToInt(Integer::intValue).sum();
        out().println("wrote " + output + " (" + fmt.id() + ", " + steps + (steps == 1 ? " step)" : " steps)"));
        out().flush();
        return ExitCodes.OK;
    }

    private ExportFormat chosenFormat() {
        if (format != null) {
            return ExportFormat.fromId(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown --format '" + format + "' (expected png, svg, dot, graphml or mmd)"));
        }
        Optional<ExportFormat> byName = ExportFormat.fromFileName(output.getFileName().toString());
        return byName.orElseThrow(() -> new ParameterException(spec.commandLine(),
                "cannot tell the format from '" + output.getFileName() + "': use .png, .svg, .dot, .graphml or .mmd, or --format"));
    }
}
