package dev.pipelens.execute;

import dev.pipelens.model.CommandStep;
import dev.pipelens.model.MatrixJob;
import dev.pipelens.model.Scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a Buildkite job sees, for one scenario (D-ENV "Job environment"): the scenario's
 * variables, then the pipeline's top-level {@code env}, then the step's {@code env}, then the agent's
 * predefined {@code BUILDKITE_*} variables and {@code CI=true}, which the YAML cannot override. Under
 * all of these the process gets only a few of Pipelens's own variables (PATH, HOME..., see
 * {@link ExecutingJobRunner#BASE_ENVIRONMENT}) and those passed by name with {@code --pass-env}.
 */
public final class BuildkiteEnvironment {

    /** The commit a simulated build has: no real repository is involved. */
    public static final String COMMIT = "0000000000000000000000000000000000000000";

    private final Scenario scenario;
    private final Map<String, String> pipelineEnv;

    public BuildkiteEnvironment(Scenario scenario, Map<String, String> pipelineEnv) {
        this.scenario = scenario;
        this.pipelineEnv = pipelineEnv == null ? Map.of() : pipelineEnv;
    }

    /** The branch the build runs on: the scenario's, else the tag (tag push), else the default branch. */
    public String branch() {
        if (scenario.branch() != null && !scenario.branch().isBlank()) {
            return scenario.branch();
        }
        return blank(scenario.tag()) ? scenario.effectiveDefaultBranch() : scenario.tag();
    }

    /**
     * The variables of one job of a step.
     *
     * @param stepKey   the step's key (or id)
     * @param label     the step's label
     * @param step      the command step, or null
     * @param job       the job's index (parallel job number or matrix position)
     * @param matrixJob the matrix combination of this job, or null
     */
    public Map<String, String> forJob(String stepKey, String label, CommandStep step, int job, MatrixJob matrixJob) {
        Map<String, String> env = new LinkedHashMap<>();
        scenario.variables().forEach((k, v) -> {
            if (k.indexOf('.') < 0) {
                env.put(k, v);
            }
        });
        env.putAll(pipelineEnv);
        if (step != null) {
            step.env().forEach((k, v) -> env.put(k, matrixJob == null ? v : Matrix.substitute(v, matrixJob)));
        }
        env.put("CI", "true");
        env.put("BUILDKITE", "true");
        env.put("BUILDKITE_BRANCH", branch());
        env.put("BUILDKITE_TAG", blank(scenario.tag()) ? "" : scenario.tag());
        env.put("BUILDKITE_COMMIT", COMMIT);
        env.put("BUILDKITE_MESSAGE", scenario.message() == null ? "" : scenario.message());
        env.put("BUILDKITE_SOURCE", blank(scenario.source()) ? "webhook" : scenario.source());
        env.put("BUILDKITE_PULL_REQUEST", blank(scenario.pullRequest()) ? "false" : scenario.pullRequest());
        env.put("BUILDKITE_PULL_REQUEST_BASE_BRANCH", blank(scenario.pullRequest()) ? "" : scenario.effectiveDefaultBranch());
        env.put("BUILDKITE_PIPELINE_DEFAULT_BRANCH", scenario.effectiveDefaultBranch());
        env.put("BUILDKITE_PIPELINE_SLUG", "pipeline");
        env.put("BUILDKITE_ORGANIZATION_SLUG", "organization");
        env.put("BUILDKITE_BUILD_NUMBER", "1");
        env.put("BUILDKITE_STEP_KEY", stepKey == null ? "" : stepKey);
        env.put("BUILDKITE_LABEL", label == null ? "" : label);
        int count = step == null ? 1 : step.jobCount();
        if (step != null && step.matrixJobs().isEmpty() && step.parallelism() > 1) {
            env.put("BUILDKITE_PARALLEL_JOB", Integer.toString(job));
            env.put("BUILDKITE_PARALLEL_JOB_COUNT", Integer.toString(count));
        }
        return env;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
