package dev.pipelens.cli;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.system.OpenOptions;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.PipelinePlanner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What every command that reads one pipeline file shares: input options, output streams, error lines. */
abstract class PipelineCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    PipelinePlanner open(Path file) {
        return Pipelines.open(file, input.system, input.limits(), new OpenOptions(input.projectRoot, input.includeMap));
    }

    /** Prints each error as {@code FILE:LINE:COLUMN: message} on stderr; returns how many. */
    int printErrors(List<Diagnostic> diagnostics) {
        int n = 0;
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                err().println(d.span() + ": " + d.message());
                n++;
            }
        }
        err().flush();
        return n;
    }
}
