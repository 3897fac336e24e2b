package dev.pipelens.corpus;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Inputs the mutation fuzzer found crashing, kept as plain regression tests. */
class FuzzRegressionTest {

    @Test
    void jobWithoutStageWhenTestStageIsNotDeclared() {
        Path f = Path.of("src/test/resources/gitlab/regressions/default-stage-missing.gitlab-ci.yml");
        Plan plan = Pipelines.open(f, null, YamlLimits.DEFAULT).plan(Scenario.defaults());
        assertFalse(plan.created(), "GitLab rejects a job in an undeclared stage");
        assertEquals(2, plan.diagnostics().stream().filter(d -> d.isError()).findFirst().orElseThrow().span().line());
    }
}
