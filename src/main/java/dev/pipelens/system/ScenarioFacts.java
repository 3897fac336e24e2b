package dev.pipelens.system;

import java.util.List;
import java.util.Set;

/**
 * The what-if panel's facts for one CI system.
 *
 * @param sources           the build sources the system knows, most common first (the source field's choices)
 * @param factVariables     the variables the fact fields (branch, tag, message, source, pull request, default
 *                          branch) already set, so the panel does not offer them again as free variables
 * @param branchVariables   the variables that hold the build's branch ({@code build.branch},
 *                          {@code CI_COMMIT_BRANCH}...): the values a file compares them with are the branch
 *                          field's suggestions
 * @param tagVariables      the variables that hold the build's tag, the tag field's suggestions likewise
 */
public record ScenarioFacts(List<String> sources, Set<String> factVariables,
                            List<String> branchVariables, List<String> tagVariables) {

    public ScenarioFacts {
        sources = List.copyOf(sources);
        factVariables = Set.copyOf(factVariables);
        branchVariables = List.copyOf(branchVariables);
        tagVariables = List.copyOf(tagVariables);
    }

    /** Facts without branch or tag variables: the branch and tag fields suggest nothing. */
    public ScenarioFacts(List<String> sources, Set<String> factVariables) {
        this(sources, factVariables, List.of(), List.of());
    }
}
