package dev.pipelens.execute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job's script with {@code /bin/sh -e -c} and streams its output. One job at a time;
 * {@link #cancel()} may be called from any thread and kills the running job's whole process tree.
 */
public final class ShellExecutor {

    private static final long READER_GRACE_MILLIS = 2000;

    private final Object lock = new Object();
    private Process current;
    private boolean cancelRequested;

    /**
     * Runs the request and waits for it to end, time out, or be canceled.
     *
     * @throws IOException when the shell cannot be started (no such directory...)
     */
    public ExecutionResult run(ExecutionRequest request, OutputListener listener) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-e", "-c", request.script());
        pb.directory(request.workdir().toFile());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(request.environment());
        long start = System.nanoTime();
        Process process;
        synchronized (lock) {
            cancelRequested = false;
            process = pb.start();
            current = process;
        }
        Thread reader = new Thread(() -> pump(process, request, listener), "pipelens-output-" + request.stepId());
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = false;
        try {
            if (request.timeout() == null) {
                process.waitFor();
            } else if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                ProcessTree.kill(process.toHandle());
                process.waitFor();
            }
            reader.join(READER_GRACE_MILLIS);
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
        }
        boolean canceled;
        synchronized (lock) {
            canceled = cancelRequested;
            current = null;
        }
        int status = process.isAlive() ? -1 : process.exitValue();
        return new ExecutionResult(status, timedOut && !canceled, canceled, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Kills the running job's process tree, if a job runs; the job then reports {@code canceled}. */
    public void cancel() {
        synchronized (lock) {
            if (current != null) {
                cancelRequested = true;
                ProcessTree.kill(current.toHandle());
            }
        }
    }

    private static void pump(Process process, ExecutionRequest request, OutputListener listener) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                listener.line(request.stepId(), request.job(), line);
            }
        } catch (IOException e) {
            // the process was killed and its pipe closed: nothing more to read
        }
    }
}
