package dev.pipelens.execute;

import java.time.Duration;

/**
 * How an executed job ended.
 *
 * @param exitStatus the shell's exit status (after a kill: what the killed process reported)
 * @param timedOut   killed because it ran past its timeout
 * @param canceled   killed because someone canceled it
 * @param elapsed    wall-clock time
 */
public record ExecutionResult(int exitStatus, boolean timedOut, boolean canceled, Duration elapsed) {

    public boolean passed() {
        return exitStatus == 0 && !timedOut && !canceled;
    }
}
