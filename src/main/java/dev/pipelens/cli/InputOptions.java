package dev.pipelens.cli;

import dev.pipelens.model.CiSystem;
import dev.pipelens.yaml.YamlLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** How to read the pipeline file: which CI system, and the size limit. */
public final class InputOptions {

    @Option(names = "--system", paramLabel = "SYSTEM", description = "buildkite, gitlab or github (default: detect from the file name and content).")
    CiSystem system;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Largest file accepted in bytes (default: 16777216).")
    Long maxFileSize;

    @Option(names = "--project-root", paramLabel = "DIR", description = "Folder that files read on the pipeline's behalf "
            + "(includes, rules:exists, child and uploaded pipelines) must stay in; include paths start here "
            + "(default: the git repository holding the file, else its folder).")
    Path projectRoot;

    @Option(names = "--include-map", paramLabel = "KIND:KEY=PATH", description = "Read a project:, remote:, template: "
            + "or component: include from PATH (a file or folder inside the project root), e.g. "
            + "project:gitlab-org/ci-templates=vendor/ci-templates; repeatable; adds to the includes: of the project's "
            + ".pipelens.yml (docs/include-map.md).")
    java.util.List<String> includeMap = new java.util.ArrayList<>();

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
