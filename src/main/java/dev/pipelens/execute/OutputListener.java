package dev.pipelens.execute;

/** Receives a job's output, line by line, as it is written (stdout and stderr merged). */
@FunctionalInterface
public interface OutputListener {

    /** Discards everything. */
    OutputListener NONE = (stepId, job, line) -> { };

    /**
     * @param stepId the step the job belongs to
     * @param job    the job's index within the step (0 unless parallel or matrix)
     * @param line   one line, without its line terminator
     */
    void line(String stepId, int job, String line);
}
