package dev.pipelens.system;

import dev.pipelens.buildkite.BuildkiteSystem;
import dev.pipelens.github.GitHubSystem;
import dev.pipelens.gitlab.GitLabSystem;
import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.Plan;
import dev.pipelens.simulate.Simulation;
import dev.pipelens.yaml.YamlNode;

import java.nio.file.Path;
import java.util.List;

/**
 * The registry of CI systems: the one place that names them. Adding a system is one line in
 * {@link #ALL}; everything else asks the registry. The first registered system reads files that no system
 * claims.
 */
public final class Systems {

    private static final List<CiSystemSupport> ALL = List.of(
            new BuildkiteSystem(),
            new GitLabSystem(),
            new GitHubSystem());

    private Systems() {
    }

    /** Every registered system, in registration order. */
    public static List<CiSystemSupport> all() {
        return ALL;
    }

    /** The support of {@code system}. */
    public static CiSystemSupport of(CiSystem system) {
        for (CiSystemSupport s : ALL) {
            if (s.system() == system) {
                return s;
            }
        }
        throw new IllegalArgumentException("no support registered for " + system);
    }

    /** A simulation of {@code plan} with the run rules of the system that made it. */
    public static Simulation simulation(Plan plan) {
        return new Simulation(plan, of(plan.system()).semantics());
    }

    /** The system that reads {@code file}: the strongest claim, ties to the first registered. */
    public static CiSystemSupport detect(Path file, YamlNode root) {
        CiSystemSupport best = ALL.get(0);
        int strength = 0;
        for (CiSystemSupport s : ALL) {
            int c = s.claim(file, root);
            if (c > strength) {
                best = s;
                strength = c;
            }
        }
        return best;
    }
}
