package dev.pipelens.cli;

import dev.pipelens.model.CiSystem;
import dev.pipelens.yaml.YamlLimits;
import picocli.CommandLine.Option;

/** How to read the pipeline file: which CI system, and the size limit. */
public final class InputOptions {

    @Option(names = "--system", paramLabel = "SYSTEM", description = "buildkite, gitlab or github (default: detect from the file name and content).")
    CiSystem system;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Largest file accepted in bytes (default: 16777216).")
    Long maxFileSize;

    YamlLimits limits() {
        return maxFileSize == null ? YamlLimits.DEFAULT : YamlLimits.DEFAULT.withMaxFileBytes(maxFileSize);
    }
}
