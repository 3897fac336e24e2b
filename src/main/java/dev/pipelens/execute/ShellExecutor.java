package dev.pipelens.execute;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job's script with {@code /bin/sh -e -c} in a session of its own ({@code setsid}) and streams
 * its output. One job at a time; {@link #cancel()} may be called from any thread and kills the running
 * job's whole session. When the job ends (exit, timeout, cancel) every process left in its session is
 * killed too, so nothing a step started survives it. The process gets exactly the request's
 * environment, nothing inherited. Output is read in chunks; a line longer than {@link #MAX_LINE_BYTES}
 * is passed on in pieces, and only the last {@link #TAIL_LINES} lines are kept in the result.
 */
public final class ShellExecutor {

    /** The longest line passed to the listener in one piece. */
    public static final int MAX_LINE_BYTES = 16 * 1024;
    /** How many lines of output the result keeps (the last ones). */
    public static final int TAIL_LINES = 50;

    private static final long READER_GRACE_MILLIS = 2000;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Object lock = new Object();
    private Process current;
    private boolean currentLeadsSession;
    private boolean cancelRequested;
    private boolean closed;

    /**
     * Runs the request and waits for it to end, time out, or be canceled.
     *
     * @throws IOException when the shell cannot be started (no such directory...)
     */
    public ExecutionResult run(ExecutionRequest request, OutputListener listener) throws IOException {
        List<String> command = new ArrayList<>();
        boolean ownSession = Files.isExecutable(SETSID);
        if (ownSession) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of("/bin/sh", "-e", "-c", request.script()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(request.workdir().toFile());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(request.environment());
        long start = System.nanoTime();
        Process process;
        synchronized (lock) {
            if (closed) {
                throw new IOException("not started: Pipelens is shutting down");
            }
            cancelRequested = false;
            process = pb.start();
            current = process;
            currentLeadsSession = ownSession;
        }
        Output output = new Output(request, listener);
        Thread reader = new Thread(() -> output.pump(process.getInputStream()), "pipelens-output-" + request.stepId());
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = false;
        try {
            if (request.timeout() == null) {
                process.waitFor();
            } else if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // whatever ended the job, nothing it started may outlive it (this also closes the output pipe)
        killAll(process, ownSession);
        try {
            process.waitFor(READER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            reader.join(READER_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean canceled;
        synchronized (lock) {
            canceled = cancelRequested;
            current = null;
        }
        int status = process.isAlive() ? -1 : process.exitValue();
        return new ExecutionResult(status, timedOut && !canceled, canceled, Duration.ofNanos(System.nanoTime() - start),
                output.tail(), output.bytes, output.split);
    }

    /**
     * Kills the running job's process tree, if a job runs, and waits (up to five seconds) until all of
     * it is gone; the job then reports {@code canceled}.
     */
    public void cancel() {
        kill(false);
    }

    /** Kills the running job as {@link #cancel()} does, and starts no job after it (the JVM is shutting down). */
    public void close() {
        kill(true);
    }

    private void kill(boolean close) {
        Process p;
        boolean session;
        synchronized (lock) {
            closed |= close;
            session = currentLeadsSession;
            p = current;
            if (p == null) {
                return;
            }
            cancelRequested = true;
        }
        killAll(p, session);
    }

    /**
     * Kills the job's session when it was started as a session leader (its pid is the session id: also
     * after it ended, its orphans keep it), else the processes that still descend from it.
     */
    private static void killAll(Process process, boolean ownSession) {
        if (ownSession) {
            ProcessTree.killSession(process.toHandle());
        } else {
            ProcessTree.kill(process.toHandle());
        }
    }

    /** Reads the merged output in chunks, splits it into bounded lines and keeps a bounded tail. */
    private static final class Output {
        private final ExecutionRequest request;
        private final OutputListener listener;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final Deque<String> tail = new ArrayDeque<>();
        private volatile long bytes;
        private volatile boolean split;

        Output(ExecutionRequest request, OutputListener listener) {
            this.request = request;
            this.listener = listener;
        }

        void pump(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    bytes += n;
                    int i = 0;
                    while (i < n) {
                        int limit = Math.min(n, i + MAX_LINE_BYTES - line.size());
                        int j = i;
                        while (j < limit && buf[j] != '\n') {
                            j++;
                        }
                        line.write(buf, i, j - i);
                        if (j < n && buf[j] == '\n') {
                            emit(line.toByteArray(), line.size());
                            line.reset();
                            i = j + 1;
                        } else {
                            i = j;
                            if (line.size() >= MAX_LINE_BYTES) {
                                splitLongLine();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed and its pipe closed: nothing more to read
            }
            if (line.size() > 0) {
                emit(line.toByteArray(), line.size());
                line.reset();
            }
        }

        /** Passes on the first piece of an overlong line, cut before a UTF-8 continuation byte. */
        private void splitLongLine() {
            byte[] all = line.toByteArray();
            int cut = all.length;
            while (cut > all.length - 4 && cut > 1 && (all[cut - 1] & 0xC0) == 0x80) {
                cut--;
            }
            if ((all[cut - 1] & 0xC0) == 0xC0) {
                cut--; // the lead byte of a character whose rest is still to come
            }
            if (cut <= 0) {
                cut = all.length;
            }
            split = true;
            emit(all, cut);
            line.reset();
            line.write(all, cut, all.length - cut);
        }

        private void emit(byte[] b, int len) {
            int end = len > 0 && b[len - 1] == '\r' ? len - 1 : len;
            String text = new String(b, 0, end, StandardCharsets.UTF_8);
            synchronized (tail) {
                if (tail.size() == TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(text);
            }
            listener.line(request.stepId(), request.job(), text);
        }

        List<String> tail() {
            synchronized (tail) {
                return List.copyOf(tail);
            }
        }
    }
}
