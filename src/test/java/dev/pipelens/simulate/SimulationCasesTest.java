package dev.pipelens.simulate;

import dev.pipelens.system.Systems;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.plan.Plan;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLimits;
import dev.pipelens.yaml.YamlLoader;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run-time worked examples of the Buildkite spec (E8–E19, E25, E27), the release sample and the
 * GitLab spec's run-time examples (E19–E21; {@code system: gitlab}), one
 * folder each under {@code src/test/resources/simulate}: {@code pipeline.yml} (or {@code pipeline:} naming
 * a file relative to the project) plus {@code expected.yml}, whose {@code runs} each give a scenario, a
 * script of user actions, and the expected event log ({@code "TICK STEP STATE"}, in order, tick 0
 * included), final states, build state and note fragments.
 *
 * <p>Script lines: {@code run} (run all), {@code gate} (run to next gate), {@code step},
 * {@code unblock ID|all}, {@code fail ID [STATUS]}, {@code pass ID}, {@code soft-fail ID},
 * {@code cancel ID}, {@code cancel-build}, {@code reset}; a map {@code {build: B, states: {...}}} checks the
 * state at that point. Without a script the run is {@code [run]}.
 */
class SimulationCasesTest {

    private static final Path ROOT = Path.of("src/test/resources/simulate");

    @TestFactory
    Stream<DynamicNode> runTimeExamples() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(ROOT)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 15, "expected E8-E19, E25, E27 and the release sample, found " + dirs.size());
        return dirs.stream().map(SimulationCasesTest::caseOf);
    }

    private static DynamicNode caseOf(Path dir) {
        YamlDocument expected = new YamlLoader().load(dir.resolve("expected.yml"));
        assertTrue(expected.diagnostics().isEmpty(), () -> dir + ": " + expected.diagnostics());
        YamlMap root = (YamlMap) expected.root();
        Path pipeline = root.text("pipeline") != null ? Path.of(root.text("pipeline")) : dir.resolve("pipeline.yml");
        CiSystem system = root.text("system") == null ? null : CiSystem.valueOf(root.text("system").toUpperCase(Locale.ROOT));
        PipelinePlanner planner = Pipelines.open(pipeline, system, YamlLimits.DEFAULT);
        List<DynamicTest> tests = new ArrayList<>();
        for (YamlNode n : ((YamlSeq) root.get("runs")).items()) {
            YamlMap run = (YamlMap) n;
            tests.add(DynamicTest.dynamicTest(run.text("name"), () -> check(planner, run)));
        }
        return DynamicContainer.dynamicContainer(dir.getFileName().toString(), tests);
    }

    private static void check(PipelinePlanner planner, YamlMap run) {
        Scenario scenario = scenario(run.get("scenario"));
        Plan plan = planner.plan(scenario);
        Simulation sim = Systems.simulation(plan);
        List<SimEvent> heard = new ArrayList<>();
        sim.addListener(heard::add);
        List<YamlNode> script = run.get("script") instanceof YamlSeq s ? s.items() : List.of(new YamlScalar("run",
                YamlScalar.Kind.STRING, false, null, null));
        for (YamlNode line : script) {
            if (line instanceof YamlMap checkpoint) {
                expectState(sim, checkpoint);
            } else {
                act(sim, ((YamlScalar) line).value());
            }
        }
        String log = "\n" + render(sim);
        if (run.get("events") instanceof YamlSeq events) {
            List<String> want = events.items().stream().map(y -> ((YamlScalar) y).value().trim().replaceAll("\\s+", " "))
                    .toList();
            List<String> got = sim.events().stream().map(e -> e.tick() + " " + e.stepId() + " " + e.state().id()).toList();
            assertEquals(String.join("\n", want), String.join("\n", got), "event log" + log);
        }
        expectState(sim, run);
        if (run.get("notes") instanceof YamlMap notes) {
            for (YamlMap.Entry e : notes.entries()) {
                String fragment = ((YamlScalar) e.value()).value();
                boolean found = e.name().equals("build")
                        ? sim.buildNotes().stream().anyMatch(n -> n.contains(fragment))
                        : sim.events().stream().anyMatch(ev -> ev.stepId().equals(e.name()) && ev.note() != null
                        && ev.note().contains(fragment));
                assertTrue(found, "a note of " + e.name() + " mentions \"" + fragment + "\"" + log);
            }
        }
        boolean reset = script.stream().anyMatch(y -> y instanceof YamlScalar s && s.value().equals("reset"));
        if (!reset) {
            assertEquals(sim.events().stream().filter(e -> e.tick() > 0).toList(), heard,
                    "listeners hear every event after tick 0, in log order");
        }
    }

    private static void expectState(Simulation sim, YamlMap m) {
        String log = "\n" + render(sim);
        if (m.text("build") != null) {
            assertEquals(m.text("build"), sim.buildState().id(), "build state" + log);
        }
        YamlNode states = m.get("final") != null ? m.get("final") : m.get("states");
        for (Map.Entry<String, String> e : map(states).entrySet()) {
            assertEquals(e.getValue(), sim.state(e.getKey()).id(), "state of " + e.getKey() + log);
        }
        if (m.text("tick") != null) {
            assertEquals(Integer.parseInt(m.text("tick")), sim.tick(), "tick" + log);
        }
        if (m.get("gates") instanceof YamlSeq gates) {
            assertEquals(gates.items().stream().map(y -> ((YamlScalar) y).value()).toList(), sim.awaitingGates(),
                    "gates waiting" + log);
        }
    }

    private static void act(Simulation sim, String line) {
        String[] w = line.trim().split("\\s+");
        switch (w[0]) {
            case "run" -> sim.runAll();
            case "gate" -> sim.runToNextGate();
            case "step" -> sim.step();
            case "unblock" -> {
                if (w[1].equals("all")) {
                    sim.unblockAll();
                } else {
                    sim.unblock(w[1]);
                }
            }
            case "fail" -> sim.setResult(w[1], w.length > 2 ? JobResult.fail(Integer.parseInt(w[2])) : JobResult.fail());
            case "pass" -> sim.setResult(w[1], JobResult.pass());
            case "soft-fail" -> sim.setResult(w[1], JobResult.softFail());
            case "cancel" -> sim.setResult(w[1], JobResult.cancel());
            case "cancel-build" -> sim.cancelBuild();
            case "reset" -> sim.reset();
            default -> throw new IllegalArgumentException("unknown script line: " + line);
        }
    }

    static String render(Simulation sim) {
        String events = sim.events().stream().map(SimEvent::toString).collect(Collectors.joining("\n  "));
        return "  " + events + "\n  build: " + sim.buildState().id() + " " + sim.buildNotes();
    }

    private static Map<String, String> map(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                out.put(e.name(), ((YamlScalar) e.value()).value());
            }
        }
        return out;
    }

    private static Scenario scenario(YamlNode node) {
        if (!(node instanceof YamlMap m)) {
            return Scenario.defaults();
        }
        return new Scenario(m.text("branch"), m.text("tag"), m.text("message"), m.text("source"),
                m.text("pullRequest"), m.text("defaultBranch"), map(m.get("variables")));
    }
}
