package dev.pipelens.gitlab.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.yaml.YamlLoader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers: scenario notation of the example tables and loading a file as a planner. */
final class GitLabTestSupport {

    private GitLabTestSupport() {
    }

    static GitLabPlanner planner(Path file, Path projectDir) {
        return GitLabPlanner.load(file.getFileName().toString(), new YamlLoader().load(file), projectDir);
    }

    static GitLabPlanner planner(String yaml) {
        return GitLabPlanner.load(".gitlab-ci.yml", new YamlLoader().parse(yaml, ".gitlab-ci.yml"), null);
    }

    /** {@code branch=x;tag=y;mr=z;source=s;default=d;$VAR=value}, or {@code -} for a push to main. */
    static Scenario scenario(String spec) {
        Scenario s = Scenario.defaults();
        if (spec.equals("-")) {
            return s;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String part : spec.split(";")) {
            int eq = part.indexOf('=');
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            if (key.startsWith("$")) {
                vars.put(key.substring(1), value);
            } else if (key.equals("branch")) {
                s = s.withBranch(value);
            } else if (key.equals("tag")) {
                s = s.withTag(value).withBranch(null);
            } else if (key.equals("mr")) {
                s = s.withBranch(value).withPullRequest("1").withSource("merge_request_event");
            } else if (key.equals("source")) {
                s = s.withSource(value);
            } else if (key.equals("default")) {
                s = s.withDefaultBranch(value);
            } else {
                throw new IllegalArgumentException("unknown scenario key " + key);
            }
        }
        return s.withVariables(vars);
    }

    /** Checks {@code job=outcome} and {@code job.deps=a,b} expectations against a plan. */
    static void check(Plan plan, String expectations, String context) {
        for (String e : expectations.trim().split("\\s+")) {
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String left = e.substring(0, eq);
            String right = e.substring(eq + 1);
            if (left.endsWith(".deps")) {
                String job = left.substring(0, left.length() - 5);
                PlannedStep step = step(plan, job, context);
                assertEquals(right.equals("-") ? "" : right, String.join(",", step.dependsOn()),
                        context + ": dependsOn of " + job + "; reasons " + step.reasons());
            } else {
                PlannedStep step = step(plan, left, context);
                assertEquals(right, step.outcome().id(), context + ": outcome of " + left + "; reasons " + step.reasons()
                        + "; pipeline " + plan.pipelineReasons());
            }
        }
    }

    static PlannedStep step(Plan plan, String id, String context) {
        assertTrue(plan.step(id).isPresent(), context + ": no step " + id + " in " + plan.stepsById().keySet());
        return plan.step(id).orElseThrow();
    }
}
