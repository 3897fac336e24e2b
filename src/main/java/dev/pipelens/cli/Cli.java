package dev.pipelens.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Builds and runs the command line. {@link #newCommandLine} is the single factory used by
 * {@code main} and by tests; exit codes are those of {@link ExitCodes}. Never lets a stack trace out.
 */
public final class Cli {

    /** Returned when the window was opened and the process must stay alive. */
    public static final int STAY_OPEN = -1;

    private Cli() {
    }

    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new PipelensCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("pipelens: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println("pipelens: internal error: " + ex + " (please report this)");
            c.getErr().flush();
            return ExitCodes.INTERNAL;
        });
        return cmd;
    }

    /**
     * The names of the commands, read from the annotations alone: building the whole command line (every option
     * of every command, by reflection) just to ask whether {@code pipelens FILE} names a command cost a cold start
     * the time of a second build.
     */
    public static java.util.Set<String> commandNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Class<?> c : PipelensCommand.class.getAnnotation(picocli.CommandLine.Command.class).subcommands()) {
            picocli.CommandLine.Command command = c.getAnnotation(picocli.CommandLine.Command.class);
            names.add(command.name());
            names.addAll(java.util.List.of(command.aliases()));
        }
        return names;
    }

    /** Runs the command line on the process's own streams. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return newCommandLine(out, err).execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // a last safety net: every input has its own limit, so this is a bug to report, never a trace
            err.println("pipelens: internal error: " + (e instanceof OutOfMemoryError ? "out of memory" : "stack overflow")
                    + " (please report this with the file)");
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }
}
