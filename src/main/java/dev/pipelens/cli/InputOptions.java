package dev.pipelens.cli;

import dev.pipelens.model.CiSystem;
import dev.pipelens.yaml.YamlLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How to read the pipeline file: which CI system, and the size limit. */
public final class InputOptions {

    @Option(names = "--system", paramLabel = "SYSTEM", description = "buildkite, gitlab or github (default: detect from the file name and content).")
    CiSystem system;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Largest file accepted in bytes (default: 16777216).")
    Long maxFileSize;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The limits the options give; a size below one byte is a usage error (exit 64), not a limit. */
    YamlLimits limits() {
        if (maxFileSize != null && maxFileSize < 1) {
            throw new ParameterException(spec.commandLine(), "--max-file-size needs a number of bytes of 1 or more, got " + maxFileSize);
        }
        return maxFileSize == null ? YamlLimits.DEFAULT : YamlLimits.DEFAULT.withMaxFileBytes(maxFileSize);
    }
}
