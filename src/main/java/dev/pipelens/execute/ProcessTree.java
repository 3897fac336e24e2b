package dev.pipelens.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kills a process together with everything it started. A job's shell is started as the leader of its
 * own session ({@code setsid}), so every process it starts, also one that double-forks away from its
 * parent ({@code (sleep 300 &)}), keeps that session id: killing the session's members (read from
 * {@code /proc}) reaches all of them. Where there is no {@code /proc}, the descendants are killed.
 */
public final class ProcessTree {

    private static final Path PROC = Path.of("/proc");
    private static final long WAIT_MILLIS = 5000;

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

    /**
     * Kills every process of the session {@code leader} leads (and the leader's descendants), again and
     * again until none is left or five seconds passed; returns whether none is left. Safe to call after
     * the leader has ended: its orphans keep the session id.
     */
    public static boolean killSession(ProcessHandle leader) {
        long sid = leader.pid();
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (true) {
            Set<ProcessHandle> members = new LinkedHashSet<>();
            if (leader.isAlive()) {
                members.add(leader);
                leader.descendants().forEach(members::add);
            }
            members.addAll(sessionMembers(sid));
            if (members.isEmpty()) {
                return true;
            }
            members.forEach(ProcessHandle::destroyForcibly);
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sessionMembers(sid).isEmpty();
            }
        }
    }

    /** The live (not zombie) processes whose session id is {@code sid}; empty without {@code /proc}. */
    static List<ProcessHandle> sessionMembers(long sid) {
        List<ProcessHandle> out = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                Optional<Long> s = session(dir.resolve("stat"));
                if (s.isPresent() && s.get() == sid) {
                    ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(out::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc vanished under us: nothing more to find
        }
        return out;
    }

    /** The session id in a {@code /proc/PID/stat} line, or empty for a zombie or a vanished process. */
    private static Optional<Long> session(Path stat) {
        try {
            String line = new String(Files.readAllBytes(stat), StandardCharsets.US_ASCII);
            int close = line.lastIndexOf(')'); // the command name may contain spaces and parentheses
            String[] f = line.substring(close + 2).split(" ");
            // f[0] state, f[1] ppid, f[2] pgrp, f[3] session
            if (f.length < 4 || f[0].equals("Z")) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(f[3]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
