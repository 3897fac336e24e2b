package dev.pipelens.cli;

import picocli.CommandLine.Command;

/** The root command: {@code pipelens <command>}. */
@Command(name = "pipelens", mixinStandardHelpOptions = true, version = "Pipelens 0.1.0",
        description = "What-if planner, simulator and graph viewer for Buildkite and GitLab CI pipelines.",
        subcommands = {OpenCommand.class, PlanCommand.class, VarsCommand.class, LintCommand.class, DiffCommand.class,
                RunCommand.class, ExportCommand.class, BenchCommand.class})
final class PipelensCommand {
}
