package dev.pipelens.cli;

/** Builds and runs the picocli command line. */
public final class Cli {

    /** Returned when the window was opened and the process must stay alive. */
    public static final int STAY_OPEN = -1;

    private Cli() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
