package dev.pipelens.execute;

import java.util.List;

/** Kills a process together with everything it started. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Kills {@code root} and all its descendants with SIGKILL, top down: each process's children are
     * listed before it is killed, so that a killed shell cannot start anything new and orphans are
     * still found.
     */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> children = root.children().toList();
        root.destroyForcibly();
        for (ProcessHandle child : children) {
            kill(child);
        }
    }
}
