package dev.pipelens.execute;

import dev.pipelens.model.CommandStep;
import dev.pipelens.model.MatrixJob;
import dev.pipelens.model.Scenario;
import dev.pipelens.simulate.JobResult;
import dev.pipelens.simulate.JobRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link JobRunner} that really runs command steps: every job of the step (parallel jobs, matrix
 * combinations) in turn, in {@code /bin/sh -e -c}, in one working directory. The step's result is the
 * first non-zero exit status (so the step's soft_fail rules apply to it); when every failing job is a
 * matrix combination adjusted with {@code soft_fail}, the step soft-fails. A result the user set
 * beforehand wins: that job is not executed. Trigger steps are never executed (the triggered build is
 * assumed to pass unless a result was set). {@link #cancel()} kills the running job's process tree and
 * skips the step's remaining jobs; the step is then canceled.
 *
 * <p>A job's process gets no more of Pipelens's own environment than {@link #BASE_ENVIRONMENT} and the
 * names passed with {@code --pass-env}; on top come the scenario's, the pipeline's and the step's
 * variables and the CI system's predefined ones ({@link BuildkiteEnvironment}). Secrets in the user's
 * shell (tokens, cloud keys) stay out unless passed by name.
 */
public final class ExecutingJobRunner implements JobRunner {

    /** The variables of Pipelens's own environment that every job gets (when set). */
    public static final List<String> BASE_ENVIRONMENT = List.of("PATH", "HOME", "LANG", "TMPDIR", "USER", "SHELL", "TERM");

    private final Path workdir;
    private final Map<String, String> inherited;
    private final Map<String, List<String>> tails = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final BuildkiteEnvironment environment;
    private final OutputListener output;
    private final ShellExecutor executor = new ShellExecutor();
    private volatile boolean canceled;

    /**
     * @param workdir     where commands run
     * @param timeout     per job; null for none
     * @param scenario    the scenario (branch, tag, variables)
     * @param pipelineEnv the pipeline's top-level env
     * @param output      receives the output lines
     */
    public ExecutingJobRunner(Path workdir, Duration timeout, Scenario scenario, Map<String, String> pipelineEnv,
                              OutputListener output) {
        this(workdir, timeout, scenario, pipelineEnv, output, List.of(), System.getenv());
    }

    /**
     * @param passEnv    names of more variables of {@code environment} that jobs get ({@code --pass-env})
     * @param environment Pipelens's own environment, from which only the base names and {@code passEnv} are taken
     */
    public ExecutingJobRunner(Path workdir, Duration timeout, Scenario scenario, Map<String, String> pipelineEnv,
                              OutputListener output, List<String> passEnv, Map<String, String> environment) {
        Set<String> names = new LinkedHashSet<>(BASE_ENVIRONMENT);
        names.addAll(passEnv);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            String value = environment.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        this.inherited = kept;
        this.workdir = Objects.requireNonNull(workdir, "workdir");
        this.timeout = timeout;
        this.environment = new BuildkiteEnvironment(scenario, pipelineEnv);
        this.output = output == null ? OutputListener.NONE : output;
    }

    /** The requests a step would execute (for a confirmation dialog that lists the commands). */
    public List<ExecutionRequest> requests(JobRunner.Job job) {
        List<ExecutionRequest> out = new ArrayList<>();
        if (!(job.model() instanceof CommandStep c) || c.commands().isEmpty()) {
            return out;
        }
        String key = c.info().key() != null ? c.info().key() : job.id();
        if (c.matrixJobs().isEmpty()) {
            int n = Math.max(1, c.parallelism());
            for (int i = 0; i < n; i++) {
                out.add(new ExecutionRequest(job.id(), i, c.commands(),
                        withInherited(environment.forJob(key, c.displayLabel(), c, i, null)), workdir, timeout));
            }
        } else {
            for (int i = 0; i < c.matrixJobs().size(); i++) {
                MatrixJob m = c.matrixJobs().get(i);
                List<String> commands = c.commands().stream().map(s -> Matrix.substitute(s, m)).toList();
                out.add(new ExecutionRequest(job.id(), i, commands,
                        withInherited(environment.forJob(key, m.label() != null ? m.label() : c.displayLabel(), c, i, m)),
                        workdir, timeout));
            }
        }
        return out;
    }

    private Map<String, String> withInherited(Map<String, String> job) {
        Map<String, String> env = new LinkedHashMap<>(inherited);
        env.putAll(job);
        return env;
    }

    /** The last lines the step's last executed job wrote (bounded), empty when it has not run. */
    public List<String> outputTail(String stepId) {
        return tails.getOrDefault(stepId, List.of());
    }

    @Override
    public JobResult run(JobRunner.Job job) {
        if (job.preset() != null) {
            return job.preset().withNote(join(job.preset().note(), "result set by the user; not executed"));
        }
        if (!(job.model() instanceof CommandStep c)) {
            return JobResult.pass().withNote("not executed: only command steps run for real; assumed to pass");
        }
        List<ExecutionRequest> requests = requests(job);
        if (requests.isEmpty()) {
            return JobResult.pass().withNote("no commands to run (plugins are not executed)");
        }
        canceled = false;
        int firstFailure = 0;
        boolean allFailuresSoft = true;
        List<String> notes = new ArrayList<>();
        for (ExecutionRequest r : requests) {
            if (canceled) {
                return JobResult.cancel().withNote(join(String.join("; ", notes), "canceled while running"));
            }
            ExecutionResult res;
            try {
                res = executor.run(r, output);
            } catch (IOException e) {
                return JobResult.fail(127).withNote("could not start /bin/sh in " + workdir + ": " + e.getMessage());
            }
            tails.put(r.stepId(), res.tail());
            if (!res.outputNote().isEmpty()) {
                notes.add((requests.size() > 1 ? "job " + r.job() + ": " : "") + res.outputNote());
            }
            if (res.canceled() || canceled) {
                return JobResult.cancel().withNote("canceled while running; its process tree was killed");
            }
            if (!res.passed()) {
                int status = res.exitStatus() == 0 ? 1 : res.exitStatus();
                String who = requests.size() > 1 ? "job " + r.job() + ": " : "";
                notes.add(who + (res.timedOut() ? "timed out after " + timeout.toSeconds() + " s; its process tree was killed"
                        : "exited with " + status));
                if (firstFailure == 0) {
                    firstFailure = status;
                }
                boolean soft = !c.matrixJobs().isEmpty() && c.matrixJobs().get(r.job()).softFail();
                allFailuresSoft &= soft;
            }
        }
        if (firstFailure == 0) {
            return JobResult.pass().withNote(join("executed" + (requests.size() > 1 ? " " + requests.size() + " jobs" : ""),
                    String.join("; ", notes)));
        }
        if (allFailuresSoft) {
            return new JobResult(JobResult.Kind.SOFT_FAIL, firstFailure,
                    "matrix jobs adjusted with soft_fail failed: " + String.join("; ", notes));
        }
        return JobResult.fail(firstFailure).withNote(String.join("; ", notes));
    }

    /** Cancels the running job (any thread): kills its process tree; the step ends canceled. */
    public void cancel() {
        canceled = true;
        executor.cancel();
    }

    /** Kills the running job, waits until its processes are gone, and runs nothing after it (shutdown). */
    public void close() {
        canceled = true;
        executor.close();
    }

    private static String join(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }
}
