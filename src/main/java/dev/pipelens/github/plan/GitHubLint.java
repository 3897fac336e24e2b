package dev.pipelens.github.plan;

import dev.pipelens.github.Workflow;
import dev.pipelens.model.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/** Likely mistakes in a workflow, found once per file (spec section 12). */
final class GitHubLint {

    private GitHubLint() {
    }

    static List<Diagnostic> check(Workflow wf) {
        return new ArrayList<>();
    }
}
