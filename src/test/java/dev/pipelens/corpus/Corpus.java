package dev.pipelens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared corpus of real pipeline files ({@code ../shared/corpus}, never copied into the repo).
 * Tests that need it are skipped, with a message saying so, when the folder is absent.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String prop = System.getProperty("pipelens.corpus");
        for (String candidate : new String[] {prop, "../shared/corpus", "/work/shared/corpus"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** Every file of {@code kind} (buildkite, gitlab), or a skipped test when the corpus is absent. */
    public static List<Path> files(String kind) throws IOException {
        Path root = root();
        assumeTrue(root != null && Files.isDirectory(root.resolve(kind)),
                "corpus folder ../shared/corpus/" + kind + " is absent: corpus tests skipped");
        try (Stream<Path> s = Files.list(root.resolve(kind))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
