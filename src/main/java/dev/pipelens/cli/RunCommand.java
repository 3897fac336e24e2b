package dev.pipelens.cli;

import dev.pipelens.execute.ExecutingJobRunner;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.simulate.JobResult;
import dev.pipelens.simulate.RunReport;
import dev.pipelens.simulate.Simulation;
import dev.pipelens.system.Systems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pipelens run FILE [scenario] [--unblock ID|all]... [--fail ID[=STATUS]]... [--soft-fail ID]...
 * [--cancel ID]... [--format text|json] [--execute [--workdir DIR] [--timeout SECONDS] [--pass-env NAME]...]}: simulates the
 * build to the end and prints its log. Nothing is executed without {@code --execute}.
 * Exit codes: 0 when the simulation ran, whatever the build's state (with {@code --exit-code}: 1 when the build
 * ends failed or blocked); 2 when the input is unusable (as
 * {@code plan}); 64 for usage errors (including a step id that the plan does not have).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  pipelens run .buildkite/pipeline.yml --unblock all", "  pipelens run .buildkite/pipeline.yml --fail tests=2 --exit-code", "  pipelens run .gitlab-ci.yml --source schedule --format json"}, description = {"Step through a simulated build to its end: which steps pass, fail, wait at a gate or never run.",
        "Nothing is executed unless --execute is given."})
final class RunCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
    Path file;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--unblock", paramLabel = "ID|all", description = "Unblock this block or input step when it is reached (GitLab: play this manual job); 'all' unblocks every gate (repeatable).")
    List<String> unblock = new ArrayList<>();

    @Option(names = "--fail", paramLabel = "ID[=STATUS]", description = "Make this job fail, with exit status STATUS (default 1); soft_fail rules apply (repeatable).")
    List<String> fail = new ArrayList<>();

    @Option(names = "--soft-fail", paramLabel = "ID", description = "Make this job soft-fail (repeatable).")
    List<String> softFail = new ArrayList<>();

    @Option(names = "--cancel", paramLabel = "ID", description = "Cancel this job while it runs (repeatable).")
    List<String> cancel = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    OutputFormat format;

    @Option(names = "--execute", description = "Really run the command steps' commands with /bin/sh (output goes to stderr).")
    boolean execute;

    @Option(names = "--workdir", paramLabel = "DIR", description = "With --execute: where commands run (default: the current directory).")
    Path workdir;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "With --execute: kill a job after this many seconds (default: ${DEFAULT-VALUE}; 0 for none).", defaultValue = "600")
    long timeoutSeconds;

    @Option(names = "--pass-env", paramLabel = "NAME", description = "With --execute: also give the commands this variable of your environment (repeatable; by default they get only PATH, HOME, LANG, TMPDIR, USER, SHELL and TERM, plus the scenario's and the CI system's variables).")
    List<String> passEnv = new ArrayList<>();

    @Option(names = "--exit-code", description = "Exit with 1 when the build ends failed or blocked.")
    boolean exitCode;

    @Override
    public Integer call() {
        if (!execute && workdir != null) {
            throw new ParameterException(spec.commandLine(), "--workdir needs --execute");
        }
        if (!execute && !passEnv.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--pass-env needs --execute");
        }
        for (String name : passEnv) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ParameterException(spec.commandLine(), "--pass-env needs a variable name, got \"" + name + "\"");
            }
        }
        if (timeoutSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 0 or more seconds");
        }
        if (execute && workdir != null && !Files.isDirectory(workdir)) {
            throw new ParameterException(spec.commandLine(), "--workdir " + workdir + " is not a directory");
        }
        Scenario sc = scenario.toScenario();
        PipelinePlanner planner = open(file);
        Plan plan = planner.plan(sc);
        Pipeline pipeline = planner.pipeline(sc);
        Simulation sim = Systems.simulation(plan);
        boolean usable = !plan.hasErrors();
        if (execute && !usable) {
            // nothing is executed for a file with errors; the errors say why (exit 2, as plan)
            printErrors(plan.diagnostics());
            return ExitCodes.BAD_INPUT;
        }
        if (plan.created()) {
            // a plan with errors (a dependency cycle...) still runs as far as it can, like plan still plans
            // it: steps in the cycle never start; the exit code is 2, as plan's
            configure(sim);
            if (execute) {
                PrintWriter err = err();
                ExecutingJobRunner runner = new ExecutingJobRunner(workdir == null ? Path.of("").toAbsolutePath() : workdir,
                        timeoutSeconds == 0 ? null : Duration.ofSeconds(timeoutSeconds), sc,
                        pipeline == null ? Map.of() : pipeline.env(), (step, job, line) -> {
                            synchronized (err) {
                                err.println("[" + step + (job > 0 ? "#" + job : "") + "] " + line);
                                err.flush();
                            }
                        }, passEnv, System.getenv());
                sim.setRunner(runner);
                // SIGINT/SIGTERM end the JVM through its shutdown hooks: kill the running step's whole
                // session then, and wait for it, so no step process outlives the command
                Thread killer = new Thread(runner::close, "pipelens-kill-steps");
                Runtime.getRuntime().addShutdownHook(killer);
                try {
                    sim.runAll();
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(killer);
                    } catch (IllegalStateException e) {
                        // already shutting down: the hook runs
                    }
                }
            } else {
                sim.runAll();
            }
        }
        RunReport report = withUnreachedUnblocks(sim.report());
        out().print(format == OutputFormat.json ? Json.write(RunJson.report(report)) : RunText.report(plan, report));
        out().flush();
        int errors = printErrors(plan.diagnostics());
        if (errors > 0) {
            return ExitCodes.BAD_INPUT;
        }
        boolean bad = report.build() == dev.pipelens.simulate.BuildState.FAILED
                || report.build() == dev.pipelens.simulate.BuildState.BLOCKED;
        return exitCode && bad ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    /** Adds a note for each {@code --unblock ID} whose gate the build never reached, so it is not silently ignored. */
    private RunReport withUnreachedUnblocks(RunReport report) {
        List<String> notes = new ArrayList<>(report.notes());
        for (String id : unblock) {
            dev.pipelens.simulate.JobState s = report.finalStates().get(id);
            if (s != null && s != dev.pipelens.simulate.JobState.UNBLOCKED && s != dev.pipelens.simulate.JobState.PASSED
                    && s != dev.pipelens.simulate.JobState.FAILED && s != dev.pipelens.simulate.JobState.SOFT_FAILED) {
                notes.add("--unblock " + id + " had no effect: the build never reached it (it ended " + s.id() + ")");
            }
        }
        return new RunReport(report.events(), report.finalStates(), report.build(), notes);
    }

    /** Applies the flags; an id the plan does not have, or of the wrong kind of step, is a usage error. */
    private void configure(Simulation sim) {
        try {
            for (String f : fail) {
                int eq = f.lastIndexOf('=');
                String id = eq > 0 ? f.substring(0, eq) : f;
                int status = 1;
                if (eq > 0) {
                    try {
                        status = Integer.parseInt(f.substring(eq + 1).trim());
                    } catch (NumberFormatException e) {
                        throw new ParameterException(spec.commandLine(), "--fail needs ID or ID=STATUS, got \"" + f + "\"");
                    }
                    if (status == 0) {
                        throw new ParameterException(spec.commandLine(), "--fail " + f + ": exit status 0 is a pass");
                    }
                }
                sim.setResult(id, JobResult.fail(status));
            }
            for (String id : softFail) {
                sim.setResult(id, JobResult.softFail());
            }
            for (String id : cancel) {
                sim.setResult(id, JobResult.cancel());
            }
            for (String id : unblock) {
                if (id.equals("all")) {
                    sim.unblockAll();
                } else {
                    sim.unblock(id);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
