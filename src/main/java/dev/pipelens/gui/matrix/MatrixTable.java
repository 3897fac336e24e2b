package dev.pipelens.gui.matrix;

import dev.pipelens.gui.why.StepExplainer;

import dev.pipelens.model.Scenario;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.ScenarioMatrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Matrix tab's table: one row per step, one column per scenario of
 * {@link ScenarioMatrix#covering(PipelinePlanner, Scenario)} (the presets, then the scenarios that add an
 * outcome), each cell the step's outcome there (null: the step is not in that scenario's plan). The same
 * table as {@code pipelens plan FILE --scenarios auto}.
 */
public record MatrixTable(List<NamedScenario> columns, List<Row> rows) {

    /** One step: its id, what to show, how deep it is nested in groups, and an outcome per column. */
    public record Row(String id, String label, int depth, List<Outcome> outcomes) {

        public Outcome outcome(int column) {
            return outcomes.get(column);
        }
    }

    public MatrixTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Plans every covering scenario of {@code planner} (from {@code base}) and tabulates the outcomes. */
    public static MatrixTable build(PipelinePlanner planner, Scenario base) {
        List<NamedScenario> columns = ScenarioMatrix.covering(planner, base);
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Map<String, PlannedStep>> plans = new ArrayList<>();
        for (NamedScenario c : columns) {
            Plan p = planner.plan(c.scenario());
            plans.add(p.stepsById());
            for (PlannedStep s : p.steps()) {
                rows.computeIfAbsent(s.id(), id -> new Row(id, StepExplainer.display(s), depth(p, s), List.of()));
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows.values()) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Map<String, PlannedStep> p : plans) {
                PlannedStep s = p.get(r.id());
                outcomes.add(s == null ? null : s.outcome());
            }
            out.add(new Row(r.id(), r.label(), r.depth(), java.util.Collections.unmodifiableList(outcomes)));
        }
        return new MatrixTable(columns, out);
    }

    private static int depth(Plan p, PlannedStep s) {
        int d = 0;
        PlannedStep cur = s;
        while (cur != null && cur.group() != null && d < 8) {
            cur = p.step(cur.group()).orElse(null);
            d++;
        }
        return d;
    }

    public Optional<Row> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The column with this name. */
    public int column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
