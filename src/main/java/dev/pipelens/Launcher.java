package dev.pipelens;

import dev.pipelens.cli.Cli;

/**
 * Entry point of {@code pipelens.jar}: with no arguments, or {@code open}, the window; otherwise the
 * command line. The only class that calls {@link System#exit}. A plain class (not a JavaFX
 * {@code Application}) so that the fat jar starts with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = Cli.run(args);
        if (code != Cli.STAY_OPEN) {
            System.exit(code);
        }
    }
}
