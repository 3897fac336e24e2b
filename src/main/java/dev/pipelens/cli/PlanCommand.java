package dev.pipelens.cli;

import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PipelinePlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pipelens plan FILE [scenario] [--format text|json]}: which steps run, wait or are skipped, and why. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  pipelens plan .buildkite/pipeline.yml --branch main --var NIGHTLY=1", "  pipelens plan .gitlab-ci.yml --tag v1.2.0 --format json", "  pipelens plan .gitlab-ci.yml --scenarios auto"}, description = "Show which steps run, wait at a gate or are skipped in a scenario, and why.")
final class PlanCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    OutputFormat format;

    @Option(names = "--scenarios", paramLabel = "auto", description = "auto: a steps-by-scenarios table over a set of scenarios that covers every distinct outcome.")
    String scenarios;

    @Override
    public Integer call() {
        if (scenarios != null && !scenarios.equals("auto")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scenarios takes only: auto");
        }
        PipelinePlanner planner = open(file);
        if (scenarios != null) {
            return matrix(planner);
        }
        Plan plan = planner.plan(scenario.toScenario());
        boolean unreadable = plan.diagnostics().stream().anyMatch(d -> d.code().equals("file-unreadable"));
        if (format == OutputFormat.json && !unreadable) {
            out().print(Json.write(PlanJson.plan(plan)));
        } else if (!planner.unusable()) {
            out().print(PlanText.plan(plan));
        }
        out().flush();
        int errors = printErrors(plan.diagnostics());
        return errors > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private int matrix(PipelinePlanner planner) {
        if (planner.unusable()) {
            printErrors(planner.loadDiagnostics());
            return ExitCodes.BAD_INPUT;
        }
        dev.pipelens.plan.ScenarioMatrix.Coverage coverage =
                dev.pipelens.plan.ScenarioMatrix.cover(planner, scenario.toScenario());
        java.util.List<dev.pipelens.plan.NamedScenario> chosen = coverage.chosen();
        java.util.List<Plan> plans = new java.util.ArrayList<>();
        for (dev.pipelens.plan.NamedScenario s : chosen) {
            plans.add(planner.plan(s.scenario()));
        }
        if (format == OutputFormat.json) {
            out().print(Json.write(MatrixOutput.json(planner, chosen, plans, coverage.neverRuns())));
        } else {
            out().print(MatrixOutput.text(planner, chosen, plans, coverage.neverRuns(), coverage.candidates()));
        }
        out().flush();
        return ExitCodes.OK;
    }
}
