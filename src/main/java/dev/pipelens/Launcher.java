package dev.pipelens;

import dev.pipelens.cli.Cli;

import java.util.Set;

/**
 * Entry point of {@code pipelens.jar}: with no arguments the window on the bundled release sample;
 * {@code pipelens FILE} (a first argument that is not a command or option) the window on FILE;
 * otherwise the command line. The only class that calls {@link System#exit}. A plain class (not a
 * JavaFX {@code Application}) so that the fat jar starts with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = Cli.run(windowArgs(args));
        if (code != Cli.STAY_OPEN) {
            System.exit(code);
        }
    }

    /** {@code []} becomes {@code [open]} and {@code [FILE, ...]} becomes {@code [open, FILE, ...]}. */
    static String[] windowArgs(String[] args) {
        if (args.length == 0) {
            return new String[] {"open"};
        }
        Set<String> commands = Cli.commandNames();
        if (args[0].startsWith("-") || commands.contains(args[0])) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "open";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }
}
