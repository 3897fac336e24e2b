package dev.pipelens.system;

import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.simulate.Semantics;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlNode;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything Pipelens needs to know about one CI system, in one place: whether a file is written for
 * it, how to open it for planning, the rules its builds run by, its one-click scenarios and the facts the
 * what-if panel offers. Per-file answers (plan, variables, lint, explain) come from the
 * {@link PipelinePlanner} that {@link #open} returns; nothing outside the system's own package needs to
 * know which system it is talking to.
 *
 * <p>A system registers once, in {@link Systems}. Implementations are stateless and thread-safe.
 */
public interface CiSystemSupport {

    /** A file or folder name the system reserves ({@code .gitlab-ci.yml}, {@code .gitlab/}). */
    int CLAIM_RESERVED_NAME = 110;
    /** A conventional place or name for the system's files ({@code .buildkite/}, {@code buildkite.yml}). */
    int CLAIM_CONVENTIONAL_NAME = 100;
    /** The document's shape is this system's (Buildkite's top-level {@code steps:} list). */
    int CLAIM_BY_SHAPE = 20;
    /** The document uses a key only this system knows, but the shape alone would not tell. */
    int CLAIM_BY_KEY = 10;

    /** Which system this is; its {@link CiSystem#id()} is the name on the command line and in JSON. */
    CiSystem system();

    /**
     * How strongly this system claims {@code file} with document root {@code root} (either may be null): 0
     * not at all, else a strength such as {@link #CLAIM_RESERVED_NAME}; the strongest claim wins, a tie goes to
     * the system registered first, and with no claim at all the first registered system reads the file.
     */
    int claim(Path file, YamlNode root);

    /** Opens an already loaded document for planning, with {@link OpenOptions#DEFAULT}. Never throws for bad input. */
    default PipelinePlanner open(Path file, YamlDocument doc) {
        return open(file, doc, OpenOptions.DEFAULT);
    }

    /**
     * Opens an already loaded document for planning; files read on its behalf stay inside
     * {@code options}' project root. Never throws for bad input.
     */
    PipelinePlanner open(Path file, YamlDocument doc, OpenOptions options);

    /** A fresh set of run rules for one simulation (an instance may learn about its build). */
    Semantics semantics();

    /** The one-click scenarios, for a project whose default branch is {@code defaultBranch}. */
    List<NamedScenario> presets(String defaultBranch);

    /** What the what-if panel offers for this system: build sources, the variables its fact fields set. */
    ScenarioFacts scenarioFacts();
}
