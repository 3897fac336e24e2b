package dev.pipelens.execute;

import java.time.Duration;
import java.util.List;

/**
 * How an executed job ended.
 *
 * @param exitStatus  the shell's exit status (after a kill: what the killed process reported)
 * @param timedOut    killed because it ran past its timeout
 * @param canceled    killed because someone canceled it
 * @param elapsed     wall-clock time
 * @param tail        the last lines of its output (at most {@link ShellExecutor#TAIL_LINES})
 * @param outputBytes how many bytes of output it wrote in all
 * @param linesSplit  whether a line longer than {@link ShellExecutor#MAX_LINE_BYTES} was passed on in pieces
 */
public record ExecutionResult(int exitStatus, boolean timedOut, boolean canceled, Duration elapsed,
                              List<String> tail, long outputBytes, boolean linesSplit) {

    public ExecutionResult {
        tail = List.copyOf(tail);
    }

    public ExecutionResult(int exitStatus, boolean timedOut, boolean canceled, Duration elapsed) {
        this(exitStatus, timedOut, canceled, elapsed, List.of(), 0, false);
    }

    public boolean passed() {
        return exitStatus == 0 && !timedOut && !canceled;
    }

    /** A note on the output when not all of it is kept whole: its size and how much is kept; empty otherwise. */
    public String outputNote() {
        if (!linesSplit && tail.size() < ShellExecutor.TAIL_LINES) {
            return "";
        }
        return "wrote " + outputBytes + " bytes of output"
                + (linesSplit ? "; lines longer than " + ShellExecutor.MAX_LINE_BYTES + " bytes were split" : "")
                + "; the last " + tail.size() + " lines are kept";
    }
}
