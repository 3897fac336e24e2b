package dev.pipelens.corpus;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.system.Systems;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workflow of {@code ../shared/corpus/github}: detected as GitHub Actions, loaded, planned in each
 * of its presets (the dispatch per input value included) and played out by the runner, with no exception; every file that is not one of
 * actionlint's deliberately broken examples loads without errors.
 */
class GitHubCorpusTest {

    @Test
    void everyWorkflowLoadsPlansAndRuns() throws Exception {
        List<Path> files = Corpus.files("github");
        assertFalse(files.isEmpty());
        List<String> problems = new ArrayList<>();
        int created = 0;
        for (Path f : files) {
            PipelinePlanner planner = Pipelines.open(f, null, YamlLimits.DEFAULT);
            assertEquals(CiSystem.GITHUB, planner.system(), f + " detected as " + planner.system());
            boolean brokenOnPurpose = f.getFileName().toString().contains("__testdata__err__");
            if (!brokenOnPurpose && planner.loadDiagnostics().stream().anyMatch(d -> d.isError())) {
                problems.add(f.getFileName() + ": " + planner.loadDiagnostics());
            }
            List<NamedScenario> scenarios = new ArrayList<>(planner.presets(Scenario.DEFAULT_BRANCH));
            for (NamedScenario s : scenarios) {
                Plan plan = planner.plan(s.scenario());
                if (plan.created()) {
                    created++;
                }
                assertTrue(plan.steps().size() >= 1 || plan.diagnostics().stream().anyMatch(d -> d.isError()), f.toString());
                Systems.simulation(plan).runAll();
            }
            planner.variables();
            planner.lint();
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(created > files.size(), "most workflows run in some preset: " + created);
    }
}
