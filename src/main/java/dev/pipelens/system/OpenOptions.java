package dev.pipelens.system;

import dev.pipelens.yaml.ProjectRoot;

import java.nio.file.Path;
import java.util.List;

/**
 * What a pipeline file is opened with besides its text, the same for every system: which folder the files
 * read on the pipeline's behalf (includes, {@code rules:exists}, child and uploaded pipelines) must stay in,
 * and the user's mapping of includes from elsewhere to local files. Each system uses what applies to it.
 *
 * @param projectRoot the folder given with {@code --project-root}, or null: the file's git repository (else
 *                    its folder) bounds the reads
 * @param includeMap  {@code --include-map KIND:KEY=PATH} options, applied over the project's
 *                    {@code .pipelens.yml} (docs/include-map.md); empty for none
 */
public record OpenOptions(Path projectRoot, List<String> includeMap) {

    /** No {@code --project-root}, no {@code --include-map}: what the window uses. */
    public static final OpenOptions DEFAULT = new OpenOptions(null, List.of());

    public OpenOptions {
        includeMap = includeMap == null ? List.of() : List.copyOf(includeMap);
    }

    /** The folder reads made for {@code file} must stay in: {@link #projectRoot}, else found from the file. */
    public ProjectRoot root(Path file) {
        return ProjectRoot.forFile(file, projectRoot);
    }
}
