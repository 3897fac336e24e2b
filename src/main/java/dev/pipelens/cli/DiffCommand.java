package dev.pipelens.cli;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.PlanDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pipelens diff OLD NEW [scenario | --scenarios auto]}: in which kinds of build does a change to a
 * pipeline file alter what runs? Lists, per scenario, every step whose outcome changed, with the reasons
 * on both sides.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  pipelens diff old.yml new.yml --branch main", "  pipelens diff old.yml new.yml --scenarios auto", "  pipelens diff old.yml new.yml --scenarios auto --format json --exit-code"}, description = "Compare two versions of a pipeline: which steps change outcome, in which scenarios, and why.")
final class DiffCommand extends PipelineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The old version of the file.")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new version of the file.")
    Path newFile;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--scenarios", paramLabel = "auto", description = "auto: compare in a set of scenarios that covers every distinct outcome of both versions.")
    String scenarios;

    @Option(names = "--exit-code", description = "Exit with 1 when something changed.")
    boolean exitCode;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    OutputFormat format;

    @Override
    public Integer call() {
        if (scenarios != null && !scenarios.equals("auto")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scenarios takes only: auto");
        }
        PipelinePlanner before = open(oldFile);
        PipelinePlanner after = open(newFile);
        Scenario given = scenario.toScenario();
        // an invalid version is unusable input, as for plan: exit 2 with its located errors
        int errors = printErrors(before.unusable() ? before.loadDiagnostics() : before.plan(given).diagnostics())
                + printErrors(after.unusable() ? after.loadDiagnostics() : after.plan(given).diagnostics());
        if (before.unusable() || after.unusable() || errors > 0) {
            return ExitCodes.BAD_INPUT;
        }
        List<NamedScenario> chosen = new ArrayList<>();
        if (scenarios == null) {
            chosen.add(new NamedScenario("given", given));
        } else {
            chosen.addAll(dev.pipelens.plan.DiffScenarios.choose(before, after, given));
        }
        List<Object> rows = Json.array();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        boolean changed = false;
        for (NamedScenario s : chosen) {
            dev.pipelens.plan.Plan a = before.plan(s.scenario());
            dev.pipelens.plan.Plan b = after.plan(s.scenario());
            List<PlanDiff.Change> changes = PlanDiff.compare(a, b);
            changed |= !changes.isEmpty();
            Map<String, Object> row = Json.object();
            row.put("name", s.name());
            row.put("scenario", PlanJson.scenario(b.scenario()));
            List<Object> list = Json.array();
            for (PlanDiff.Change c : changes) {
                Map<String, Object> o = Json.object();
                o.put("id", c.id());
                o.put("label", c.label());
                o.put("old", c.oldOutcome() == null ? null : c.oldOutcome().id());
                o.put("new", c.newOutcome() == null ? null : c.newOutcome().id());
                o.put("oldReasons", c.oldReasons());
                o.put("newReasons", c.newReasons());
                o.put("kinds", c.kinds().stream().map(PlanDiff.Kind::id).toList());
                o.put("oldGates", c.oldGates());
                o.put("newGates", c.newGates());
                o.put("addedDependencies", c.addedDependencies());
                o.put("removedDependencies", c.removedDependencies());
                o.put("why", c.why());
                list.add(o);
            }
            row.put("changes", list);
            rows.add(row);
            groups.computeIfAbsent(render(changes), k -> new ArrayList<>()).add(s.name());
        }
        StringBuilder text = new StringBuilder();
        text.append(oldFile).append(" -> ").append(newFile).append('\n');
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            text.append('\n').append(String.join(", ", g.getValue())).append(": ").append(g.getKey());
        }
        if (format == OutputFormat.json) {
            Map<String, Object> root = Json.object();
            root.put("scenarios", rows);
            out().print(Json.write(root));
        } else {
            out().print(text);
        }
        out().flush();
        return exitCode && changed ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    /** The change list as text: "no change" or a count and one line per step. */
    private static String render(List<PlanDiff.Change> changes) {
        if (changes.isEmpty()) {
            return "no change\n";
        }
        StringBuilder text = new StringBuilder();
        text.append(changes.size()).append(changes.size() == 1 ? " step changes\n" : " steps change\n");
        int w = changes.stream().mapToInt(c -> c.id().length()).max().orElse(10);
        for (PlanDiff.Change c : changes) {
            text.append(String.format("  %-" + w + "s  %-8s -> %-8s", c.id(), name(c.oldOutcome()), name(c.newOutcome())));
            text.append(c.why() == null ? "" : "  " + c.why()).append('\n');
        }
        return text.toString();
    }

    private static String name(Outcome o) {
        return o == null ? "(absent)" : o.id();
    }
}
