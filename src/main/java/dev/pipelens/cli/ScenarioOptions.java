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

    @Option(names = "--source", paramLabel = "SOURCE", description = "What started the build (Buildkite: webhook, ui, api, schedule, trigger_job; GitLab: push, web, schedule, merge_request_event, ...; GitHub: the event name, push by default).")
    String source;

    @Option(names = "--pull-request", paramLabel = "N", description = "Make it a pull/merge request build of number N.")
    String pullRequest;

    @Option(names = "--default-branch", paramLabel = "BRANCH", description = "The repository's default branch (default: ${DEFAULT-VALUE}).", defaultValue = "main")
    String defaultBranch;

    @Option(names = "--input", paramLabel = "NAME=VALUE", description = "GitHub: a workflow_dispatch or workflow_call input (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--environment", paramLabel = "NAME=RULE", description = "GitHub: an environment's protection, RULE = reviewers, wait:MINUTES, branches:P[,P] or tags:P[,P] (repeatable, combinable).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--changed-files", paramLabel = "PATH[,PATH]", description = "The files the push or pull request changes (GitHub paths filters, GitLab rules:changes).")
    String changedFiles;

    @Option(names = "--event", paramLabel = "FILE", description = "GitHub: a JSON event payload merged over the generated one.")
    java.nio.file.Path event;

    /** The largest event payload read (a payload is a few KiB; a device or FIFO is refused before reading). */
    private static final long MAX_EVENT_BYTES = 16L << 20;

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
        for (String v : inputs) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--input needs NAME=VALUE, got \"" + v + "\"");
            }
            variables.put("inputs." + v.substring(0, eq), v.substring(eq + 1));
        }
        for (String v : environments) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--environment needs NAME=RULE, got \"" + v + "\"");
            }
            variables.merge("environment." + v.substring(0, eq), v.substring(eq + 1), (a, b) -> a + ";" + b);
        }
        if (changedFiles != null) {
            variables.put("PIPELENS_CHANGED_FILES", changedFiles);
        }
        if (event != null) {
            String payload;
            try {
                payload = java.nio.file.Files.isRegularFile(event) && java.nio.file.Files.size(event) <= MAX_EVENT_BYTES
                        ? java.nio.file.Files.readString(event) : null;
            } catch (java.io.IOException | RuntimeException e) {
                throw new ParameterException(spec.commandLine(), "--event: cannot read " + event + ": " + e.getMessage());
            }
            if (payload == null) {
                throw new ParameterException(spec.commandLine(), "--event: " + event
                        + " is not a regular file of at most 16 MiB");
            }
            variables.put("PIPELENS_EVENT", payload);
        }
        if (pullRequest != null && !pullRequest.matches("[1-9][0-9]{0,17}")) {
            throw new ParameterException(spec.commandLine(), "--pull-request needs a pull/merge request number, got \""
                    + pullRequest + "\"");
        }
        return new Scenario(branch, tag, message, source, pullRequest, defaultBranch, variables);
    }
}
