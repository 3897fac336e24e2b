package dev.pipelens.cli;

/** The exit codes of DESIGN.md section 5, in one place. */
public final class ExitCodes {
    /** The command ran and found nothing wrong. */
    public static final int OK = 0;
    /** The command ran and found problems (lint errors; diff changes with --exit-code). */
    public static final int PROBLEMS = 1;
    /** The input could not be used (unreadable file, invalid YAML, rejected pipeline). */
    public static final int BAD_INPUT = 2;
    /** Bad command-line usage. */
    public static final int USAGE = 64;
    /** A bug in Pipelens: reported on one line, never as a stack trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
