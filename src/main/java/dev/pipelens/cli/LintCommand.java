package dev.pipelens.cli;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PipelinePlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pipelens lint FILE}: every problem in the file, located, with exit code 1 when there are errors. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  pipelens lint .buildkite/pipeline.yml", "  pipelens lint .gitlab-ci.yml --format json"}, description = "Report problems in a pipeline file, each with its line and column.")
final class LintCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    OutputFormat format;

    @Override
    public Integer call() {
        PipelinePlanner planner = open(file);
        List<Diagnostic> diagnostics = planner.review();
        if (format == OutputFormat.json) {
            Map<String, Object> root = Json.object();
            root.put("file", planner.file());
            root.put("system", planner.system().id());
            root.put("diagnostics", PlanJson.diagnostics(diagnostics));
            out().print(Json.write(root));
        } else {
            for (Diagnostic d : diagnostics) {
                out().println(d.span() + ": " + d.severity().label() + ": " + d.message() + " [" + d.code() + "]");
            }
            long errors = diagnostics.stream().filter(Diagnostic::isError).count();
            out().println(diagnostics.isEmpty() ? "no problems found"
                    : errors + " error(s), " + (diagnostics.size() - errors) + " warning(s) or note(s)");
        }
        out().flush();
        if (planner.unusable()) {
            printErrors(planner.loadDiagnostics());
            return ExitCodes.BAD_INPUT;
        }
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
}
