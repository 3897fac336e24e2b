package dev.pipelens.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folder a pipeline may read files from on its own behalf (includes, {@code rules:exists}, uploaded and
 * child pipelines): the one given with {@code --project-root}, otherwise the git repository that holds the
 * pipeline file (the nearest folder upwards with a {@code .git} entry), otherwise the file's own folder.
 * GitLab resolves local includes inside the project's repository only; Buildkite's agent uploads files of the
 * checked-out repository. {@link #check} answers, after resolving symlinks, whether a path stays inside.
 * Immutable and thread-safe.
 */
public final class ProjectRoot {

    private final Path root;
    private final Path real;

    private ProjectRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path r;
        try {
            r = this.root.toRealPath();
        } catch (IOException | SecurityException e) {
            r = this.root;
        }
        this.real = r;
    }

    /** A root given by the user ({@code --project-root}). */
    public static ProjectRoot of(Path dir) {
        return new ProjectRoot(dir);
    }

    /** The root for {@code file}: {@code explicit} when given, else its git repository, else its folder. */
    public static ProjectRoot forFile(Path file, Path explicit) {
        if (explicit != null) {
            return new ProjectRoot(explicit);
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (dir == null) {
            return new ProjectRoot(Path.of("."));
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return new ProjectRoot(d);
            }
        }
        return new ProjectRoot(dir);
    }

    /** The root as given (absolute, normalised). */
    public Path path() {
        return root;
    }

    /** Whether {@code dir} (absolute or relative to the working directory) lies inside this root. */
    public boolean contains(Path dir) {
        return check(dir) == null;
    }

    /**
     * Null when {@code target} stays inside the root, both as written and after resolving symlinks (a path
     * that does not exist yet is judged by its nearest existing parent); otherwise why not, as a sentence
     * fragment ("is outside the project root /p", "is a symlink to /etc/x, outside the project root /p").
     */
    public String check(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (!abs.startsWith(root) && !abs.startsWith(real)) {
            return "is outside the project root " + root;
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return null;
        }
        Path resolved;
        try {
            resolved = existing.toRealPath();
        } catch (IOException | SecurityException e) {
            // a dangling or looping symlink: nothing readable behind it, but say where it points
            return Files.isSymbolicLink(existing) ? "is a symlink that cannot be resolved" : null;
        }
        if (!resolved.startsWith(real)) {
            return "resolves (through a symlink) to " + resolved + ", outside the project root " + root;
        }
        return null;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
