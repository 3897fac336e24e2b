package dev.pipelens.execute;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One job to execute: its commands (run as one script, stopping at the first failing line, like the
 * Buildkite agent's default {@code bash -e -c}), the variables to add to the inherited environment,
 * the working directory and the timeout (null: none).
 */
public record ExecutionRequest(String stepId, int job, List<String> commands, Map<String, String> environment,
                               Path workdir, Duration timeout) {

    public ExecutionRequest {
        Objects.requireNonNull(stepId, "stepId");
        commands = List.copyOf(commands);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(workdir, "workdir");
    }

    /** The script given to the shell: the commands, one per line. */
    public String script() {
        return String.join("\n", commands);
    }
}
