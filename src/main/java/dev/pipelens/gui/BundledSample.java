package dev.pipelens.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The release sample shipped inside the jar ({@code samples/buildkite/release.yml}), copied to a temp
 * file so the window can open, watch and reload it like any other file.
 */
public final class BundledSample {

    static final String RESOURCE = "release.yml";

    private BundledSample() {
    }

    /** A fresh copy of the bundled sample in a new temp directory. */
    public static Path extract() {
        try (InputStream in = BundledSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled sample missing from the jar: " + RESOURCE);
            }
            Path dir = Files.createTempDirectory("pipelens-sample");
            Path file = dir.resolve("release.yml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
