package dev.pipelens.cli;

import dev.pipelens.model.Scenario;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The what-if options shared by plan, run, export and diff (DESIGN.md section 3). */
public final class ScenarioOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Set an environment variable (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The build's branch (default: the default branch, or the tag on a tag build).")
    String branch;

    @Option(names = "--tag", paramLabel = "TAG", description = "Make it a tag build of TAG.")
    String tag;

    @Option(names = "--message", paramLabel = "TEXT", description = "The commit message.")
    String message;

    @Option(names = "--source", paramLabel = "SOURCE", description = "What started the build (Buildkite: webhook, ui, api, schedule, trigger_job; GitLab: push, web, schedule, merge_request_event, ...).")
    String source;

    @Option(names = "--pull-request", paramLabel = "N", description = "Make it a pull/merge request build of number N.")
    String pullRequest;

    @Option(names = "--default-branch", paramLabel = "BRANCH", description = "The repository's default branch (default: ${DEFAULT-VALUE}).", defaultValue = "main")
    String defaultBranch;

    /** The scenario the options describe. */
    public Scenario toScenario() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String v : vars) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--var needs NAME=VALUE, got \"" + v + "\"");
            }
            variables.put(v.substring(0, eq), v.substring(eq + 1));
        }
        if (pullRequest != null && !pullRequest.matches("[1-9][0-9]{0,17}")) {
            throw new ParameterException(spec.commandLine(), "--pull-request needs a pull/merge request number, got \""
                    + pullRequest + "\"");
        }
        return new Scenario(branch, tag, message, source, pullRequest, defaultBranch, variables);
    }
}
