package dev.pipelens.gitlab.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.plan.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every worked example of spec/gitlab-semantics.md section 8 (E18, the expression truth table, is in
 * {@code gitlab/expressions/cases.tsv}): one folder under {@code gitlab/examples}, one row per scenario.
 */
class GitLabSpecExamplesTest {

    static Stream<Arguments> rows() throws IOException, URISyntaxException {
        Path root = Path.of(GitLabSpecExamplesTest.class.getResource("/gitlab/examples").toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<String> lines = Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8);
                for (String line : lines) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t", -1);
                    out.add(Arguments.of(dir.getFileName().toString(), cols[0], Boolean.parseBoolean(cols[1]),
                            cols.length > 2 ? cols[2] : "", dir));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} [{1}] created={2}: {3}")
    @MethodSource("rows")
    void answersLikeGitLab(String example, String scenario, boolean created, String expectations, Path dir) {
        GitLabPlanner planner = GitLabTestSupport.planner(dir.resolve(".gitlab-ci.yml"), dir);
        List<Diagnostic> errors = planner.loadDiagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), example + ": unexpected load errors " + errors);
        Plan plan = planner.plan(GitLabTestSupport.scenario(scenario));
        String context = example + " [" + scenario + "]";
        assertEquals(created, plan.created(), context + ": created; reasons " + plan.pipelineReasons());
        if (!created) {
            assertTrue(!plan.pipelineReasons().isEmpty(), context + ": a pipeline that is not created says why");
        }
        GitLabTestSupport.check(plan, expectations, context);
    }
}
