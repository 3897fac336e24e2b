package dev.pipelens.gui;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches one file through a {@link WatchService} on its directory (editors often save by writing a new
 * file and renaming it over the old one, so the file itself cannot be watched) and calls back once per
 * burst of changes, {@code debounceMillis} after the last one. Runs on its own daemon thread.
 */
public final class FileWatcher implements AutoCloseable {

    private final Path file;
    private final Runnable onChange;
    private final long debounceMillis;
    private final WatchService service;
    private final Thread thread;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;

    private FileWatcher(Path file, long debounceMillis, Runnable onChange) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.onChange = onChange;
        this.debounceMillis = debounceMillis;
        this.service = FileSystems.getDefault().newWatchService();
        Path dir = this.file.getParent();
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pipelens-watch-debounce"));
        this.thread = daemon(this::loop, "pipelens-watch " + this.file.getFileName());
        this.thread.start();
    }

    /** Starts watching {@code file}; {@code onChange} runs on a background thread. */
    public static FileWatcher watch(Path file, long debounceMillis, Runnable onChange) throws IOException {
        return new FileWatcher(file, debounceMillis, onChange);
    }

    public Path file() {
        return file;
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean ours = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    Object ctx = event.context();
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW
                            || ctx instanceof Path p && p.equals(file.getFileName())) {
                        ours = true;
                    }
                }
                if (ours) {
                    schedule();
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!timer.isShutdown()) {
            pending = timer.schedule(onChange, debounceMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        try {
            service.close();
        } catch (IOException e) {
            // nothing to do
        }
        thread.interrupt();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
