package dev.pipelens.gitlab;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.pipelens.yaml.ProjectRoot;

/**
 * The files of the project directory, as paths relative to it with {@code /} separators, listed once on
 * first use (skipping {@code .git} and symlinks; at most {@value #LIMIT} files). Every path read on the
 * pipeline's behalf must stay inside the {@link ProjectRoot} ({@link #outside}). Thread-safe.
 */
public final class ProjectFiles {

    static final int LIMIT = 50_000;

    private final Path root;
    private final ProjectRoot containment;
    private volatile List<String> files;

    /** Files under {@code root}, which is also the folder nothing may be read outside of. */
    public ProjectFiles(Path root) {
        this(root, root == null ? null : ProjectRoot.of(root));
    }

    /** Files under {@code root} (where relative paths start); reads stay inside {@code containment}. */
    public ProjectFiles(Path root, ProjectRoot containment) {
        this.root = root;
        this.containment = containment;
    }

    /** The folder reads must stay inside, or null when there is no project directory. */
    public ProjectRoot containment() {
        return containment;
    }

    /**
     * Null when {@code rel} (relative to {@link #root()}) resolves inside the project root, symlinks followed;
     * otherwise why not ("'../x.yml' is outside the project root /p").
     */
    public String outside(String rel) {
        if (root == null || containment == null) {
            return null;
        }
        String why = containment.check(root.resolve(rel));
        return why == null ? null : "'" + rel + "' " + why;
    }

    public Path root() {
        return root;
    }

    /** Every regular file, sorted. Empty when the directory is unknown or unreadable. */
    public List<String> list() {
        List<String> result = files;
        if (result == null) {
            synchronized (this) {
                if (files == null) {
                    files = walk();
                }
                result = files;
            }
        }
        return result;
    }

    /** Whether any file (or directory, for a literal path) matches the glob. */
    public boolean anyMatches(String glob) {
        if (root != null && !Glob.hasWildcards(glob)) {
            String rel = glob.startsWith("/") ? glob.substring(1) : glob;
            return !rel.isEmpty() && outside(rel) == null && Files.exists(root.resolve(rel));
        }
        Glob g = Glob.compile(glob.startsWith("/") ? glob.substring(1) : glob, Glob.Mode.FNMATCH);
        for (String f : list()) {
            if (g.matches(f)) {
                return true;
            }
        }
        return false;
    }

    private List<String> walk() {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return out.size() >= LIMIT ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        Collections.sort(out);
        return List.copyOf(out);
    }
}
