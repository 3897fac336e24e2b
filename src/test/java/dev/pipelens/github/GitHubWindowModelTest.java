package dev.pipelens.github;

import dev.pipelens.gui.MainViewModel;
import dev.pipelens.gui.scenario.VariableModel;
import dev.pipelens.model.CiSystem;
import dev.pipelens.plan.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's model on the GitHub sample (no toolkit): it opens the workflow as GitHub Actions, offers its
 * dispatch inputs and its environment as controls and a preset per input value, and toggling them re-plans.
 */
class GitHubWindowModelTest {

    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private VariableModel control(String name) {
        return vm.scenario().variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private Outcome outcome(String id) {
        return vm.getPlan().step(id).orElseThrow().outcome();
    }

    @Test
    void opensTheReleaseWorkflowAndTogglesItsInputsAndEnvironment() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.scenario().sourceProperty().set("workflow_dispatch");
        vm.open(Path.of("samples/github/release.yml"));
        vm.awaitIdle(20, TimeUnit.SECONDS);
        assertEquals(CiSystem.GITHUB, vm.getPlan().system());
        assertTrue(vm.scenario().presets().stream().anyMatch(p -> p.name().equals("dispatch publish_images=false")),
                "the planner's dispatch preset per input value is a button: " + vm.scenario().presets());
        assertEquals(Outcome.RUNS, outcome("release-images"));
        assertTrue(control("environment.production").isToggle());
        control("environment.production").setOn(true);
        vm.awaitIdle(20, TimeUnit.SECONDS);
        assertEquals(Outcome.BLOCKED, outcome("release-images"));
        assertEquals(Outcome.GATED, outcome("publish-manifest"));
        control("inputs.publish_images").setValue("false");
        vm.awaitIdle(20, TimeUnit.SECONDS);
        assertEquals(Outcome.SKIPPED, outcome("release-images"));
        assertEquals(Outcome.SKIPPED, outcome("publish-manifest"));
    }
}
