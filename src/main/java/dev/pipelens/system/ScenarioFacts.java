package dev.pipelens.system;

import java.util.List;
import java.util.Set;

/**
 * The what-if panel's facts for one CI system.
 *
 * @param sources       the build sources the system knows, most common first (the source field's choices)
 * @param factVariables the variables the fact fields (branch, tag, message, source, pull request, default
 *                      branch) already set, so the panel does not offer them again as free variables
 */
public record ScenarioFacts(List<String> sources, Set<String> factVariables) {

    public ScenarioFacts {
        sources = List.copyOf(sources);
        factVariables = Set.copyOf(factVariables);
    }
}
