package dev.pipelens.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes an output file without harming what is already there: the bytes go to a new file (created
 * exclusively, so with the user's umask) in the target's folder, which then replaces the target by a
 * rename. Only a regular file is ever replaced; a symbolic link, directory, device node, FIFO or socket
 * at the target is refused before anything is written, and checked again just before the rename. Every
 * export goes through it: {@code pipelens export} and the window's Export.
 */
public final class SafeOutput {

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The target is something other than a regular file (or nothing): it is left alone. */
    public static final class RefusedTarget extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedTarget(String message) {
            super(message, null, false, false);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private SafeOutput() {
    }

    /** Why {@code target} may not be replaced, or empty when it is a regular file or does not exist. */
    public static Optional<String> refusal(Path target) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot inspect the output path: " + e.getMessage());
        }
        if (a.isSymbolicLink()) {
            return Optional.of("is a symbolic link; Pipelens replaces only regular files (give the file it points to, or remove the link)");
        }
        if (a.isDirectory()) {
            return Optional.of("is a directory; give a file name");
        }
        if (a.isOther()) {
            return Optional.of("is a device, FIFO or socket, not a regular file; Pipelens does not replace it");
        }
        return Optional.empty();
    }

    /**
     * Writes through a temporary file next to {@code target} and renames it over the target.
     *
     * @throws RefusedTarget when something other than a regular file is at the target
     * @throws IOException   when the folder cannot be written; the target is then unchanged
     */
    public static void write(Path target, Writer writer) throws IOException, RefusedTarget {
        Path absolute = target.toAbsolutePath();
        Optional<String> refused = refusal(absolute);
        if (refused.isPresent()) {
            throw new RefusedTarget(refused.get());
        }
        Path dir = absolute.getParent();
        Path tmp = createTemp(dir, absolute.getFileName().toString());
        try {
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                writer.write(os);
            }
            refused = refusal(absolute); // again: something may have appeared meanwhile
            if (refused.isPresent()) {
                throw new RefusedTarget(refused.get());
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new, empty file with an unguessable name, created exclusively (permissions: 0666 less the umask). */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] id = new byte[8];
            RANDOM.nextBytes(id);
            Path tmp = dir.resolve("." + name + "." + HexFormat.of().formatHex(id) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }
}
