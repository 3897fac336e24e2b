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
@Command(name = "plan", description = "Show which steps run, wait at a gate or are skipped in a scenario, and why.")
final class PlanCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    OutputFormat format;

    @Override
    public Integer call() {
        PipelinePlanner planner = open(file);
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
}
