package dev.pipelens.gitlab;

import dev.pipelens.corpus.Corpus;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code rules:changes:compare_to} and the empty-regex {@code only:} ref (issue 14, item 5). Expected answers:
 * gitlabhq lib/gitlab/ci/build/rules/rule/clause/changes.rb ({@code find_modified_paths}: with compare_to,
 * {@code pipeline.modified_paths_since(compare_to_sha)} in every pipeline type);
 * lib/gitlab/ci/build/policy/refs.rb ({@code matches_pattern?} fabricates the pattern with
 * {@code UntrustedRegexp::RubySyntax}, whose PATTERN {@code %r{^/(?<regexp>.*)/(?<flags>[ismU]*)$}} reads
 * {@code //} as the empty regexp, which matches every ref).
 */
class CompareToAndProjectRefTest {

    @TempDir
    Path dir;

    private static final String COMPARE = """
            docs:
              script: [x]
              rules:
                - changes:
                    paths: [docs/**/*]
                    compare_to: refs/heads/main
            plain:
              script: [x]
              rules:
                - changes: [docs/**/*]
            """;

    private Plan plan(String yaml, Scenario s) throws IOException {
        Path file = Files.writeString(dir.resolve(".gitlab-ci.yml"), yaml);
        return Pipelines.open(file, null, YamlLimits.DEFAULT).plan(s);
    }

    private static PlannedStep step(Plan p, String id) {
        return p.step(id).orElseThrow();
    }

    @Test
    void compareToComparesEvenInTagPipelines() throws IOException {
        Scenario tag = Scenario.defaults().withTag("v1.0").withVariable(FileFacts.CHANGED_FILES, "src/main.c");
        Plan p = plan(COMPARE, tag);
        assertEquals(Outcome.SKIPPED, step(p, "docs").outcome(), step(p, "docs").reasons().toString());
        assertTrue(step(p, "docs").reasons().toString().contains("compared with refs/heads/main"));
        assertEquals(Outcome.RUNS, step(p, "plain").outcome(), "without compare_to a tag pipeline has no push diff");
        Plan changed = plan(COMPARE, tag.withVariable(FileFacts.CHANGED_FILES, "docs/index.md"));
        assertEquals(Outcome.RUNS, step(changed, "docs").outcome());
    }

    @Test
    void emptyRegexRefMatchesEveryRefOfTheProject() throws IOException {
        String yaml = "qa:\n  script: [x]\n  only:\n    - //@gitlab-org/gitlab-ce\n";
        assertEquals(Outcome.RUNS, step(plan(yaml, Scenario.defaults().withBranch("feature-x")
                .withVariable("CI_PROJECT_PATH", "gitlab-org/gitlab-ce")), "qa").outcome());
        assertEquals(Outcome.SKIPPED, step(plan(yaml, Scenario.defaults()
                .withVariable("CI_PROJECT_PATH", "someone/fork")), "qa").outcome(), "another project: no match");
    }

    @Test
    void corpusPackageAndQa() {
        Path root = Corpus.root();
        assumeTrue(root != null, "corpus ../shared/corpus absent: skipped");
        Plan p = Pipelines.open(root.resolve("gitlab/gitlabhq__gitlabhq__.gitlab-ci.yml"), null, YamlLimits.DEFAULT)
                .plan(Scenario.defaults().withVariable("CI_PROJECT_PATH", "gitlab-org/gitlab-ce"));
        PlannedStep qa = step(p, "package-and-qa");
        assertNotEquals(Outcome.SKIPPED, qa.outcome(), qa.reasons().toString());
    }
}
