package dev.pipelens.cli;

import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.VariableInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pipelens vars FILE}: the variables the file's conditions read and the values they are compared with. */
@Command(name = "vars", mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  pipelens vars .buildkite/pipeline.yml", "  pipelens vars .gitlab-ci.yml --format json"}, description = "List the variables the file's conditions read, with the values they are compared with.")
final class VarsCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    OutputFormat format;

    @Override
    public Integer call() {
        PipelinePlanner planner = open(file);
        if (planner.unusable()) {
            printErrors(planner.loadDiagnostics());
            if (format == OutputFormat.json) {
                out().print(Json.write(document(planner, List.of())));
                out().flush();
            }
            return ExitCodes.BAD_INPUT;
        }
        List<VariableInfo> vars = planner.variables();
        if (format == OutputFormat.json) {
            out().print(Json.write(document(planner, vars)));
        } else {
            int width = 8;
            for (VariableInfo v : vars) {
                width = Math.max(width, v.name().length());
            }
            if (vars.isEmpty()) {
                out().println("no conditions read any variable");
            }
            for (VariableInfo v : vars) {
                out().printf("%-" + width + "s  %-5s  %s%n", v.name(), v.kind(),
                        v.values().isEmpty() ? "(no literal compared)" : String.join("  ", quoted(v.values())));
                out().printf("%-" + width + "s         used by: %s%n", "", String.join(", ", v.usedBy()));
            }
        }
        out().flush();
        // located input errors (a refused tag...) still make it exit 2, as plan does
        return printErrors(planner.loadDiagnostics()) > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private static List<String> quoted(List<String> values) {
        return values.stream().map(v -> v.startsWith("/") ? v : "\"" + v + "\"").toList();
    }

    private Map<String, Object> document(PipelinePlanner planner, List<VariableInfo> vars) {
        Map<String, Object> root = Json.object();
        root.put("file", planner.file());
        root.put("system", planner.system().id());
        root.put("variables", PlanJson.variables(vars));
        root.put("diagnostics", PlanJson.diagnostics(planner.loadDiagnostics()));
        return root;
    }
}
