package dev.pipelens.layout;

import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds test plans from records directly. */
public final class PlanFixture {

    private final String file;
    private Scenario scenario = Scenario.defaults();
    private final List<PlannedStep> steps = new ArrayList<>();
    private final List<PlanEdge> edges = new ArrayList<>();
    private String group;

    public PlanFixture(String file) {
        this.file = file;
    }

    public PlanFixture scenario(Scenario value) {
        scenario = value;
        return this;
    }

    /** Following steps go into {@code id} (null: top level). */
    public PlanFixture in(String id) {
        group = id;
        return this;
    }

    public PlanFixture step(String id, String label, StepType type, Outcome outcome) {
        return step(id, label, type, outcome, 1);
    }

    public PlanFixture step(String id, String label, StepType type, Outcome outcome, int jobs) {
        String g = type == StepType.GROUP ? null : group;
        steps.add(new PlannedStep(id, id, label, type, g, outcome, jobs, List.of("because"), List.of(), null, null));
        return this;
    }

    public PlanFixture cmd(String id, String label, Outcome outcome) {
        return step(id, label, StepType.COMMAND, outcome);
    }

    public PlanFixture group(String id, String label, Outcome outcome) {
        step(id, label, StepType.GROUP, outcome);
        group = id;
        return this;
    }

    public PlanFixture edge(String from, String to) {
        edges.add(new PlanEdge(from, to, EdgeKind.EXPLICIT, false));
        return this;
    }

    public PlanFixture implicit(String from, String to) {
        edges.add(new PlanEdge(from, to, EdgeKind.IMPLICIT, false));
        return this;
    }

    public PlanFixture edge(String from, String to, EdgeKind kind, boolean allowFailure) {
        edges.add(new PlanEdge(from, to, kind, allowFailure));
        return this;
    }

    public Plan plan() {
        return new Plan(file, CiSystem.BUILDKITE, scenario, true, List.of(), steps, edges, List.of());
    }

    /** Three plain steps a -> b -> c. */
    public static Plan chain() {
        return new PlanFixture("chain.yml")
                .cmd("a", "Build", Outcome.RUNS)
                .cmd("b", "Test", Outcome.RUNS)
                .cmd("c", "Deploy", Outcome.GATED)
                .edge("a", "b").implicit("b", "c").plan();
    }

    /** A release pipeline of about 15 steps: two groups, a block gate, skipped steps, waits. */
    public static Plan release() {
        PlanFixture f = new PlanFixture(".buildkite/release.yml")
                .scenario(Scenario.defaults().withTag("v1.2.0").withVariable("NIGHTLY", "0"));
        f.cmd("wheel-cuda", ":python: Build wheel - CUDA 12.8", Outcome.RUNS)
                .cmd("wheel-cuda-126", ":python: Build wheel - CUDA 12.6", Outcome.RUNS)
                .cmd("wheel-cpu", ":linux: Build wheel - CPU", Outcome.RUNS)
                .step("upload", ":package: Upload wheels", StepType.COMMAND, Outcome.RUNS)
                .step("input-version", "Provide the release version", StepType.INPUT, Outcome.BLOCKED)
                .step("block-images", ":rocket: Unblock to build release Docker images", StepType.BLOCK,
                        Outcome.BLOCKED)
                .group("images", ":docker: Release images", Outcome.GATED)
                .step("image", ":docker: Build release image {{matrix.arch}}", StepType.COMMAND, Outcome.GATED, 2)
                .cmd("image-cpu", ":docker: Build CPU release image", Outcome.GATED)
                .step("images-wait", "wait", StepType.WAIT, Outcome.GATED)
                .cmd("manifest", ":docker: Publish multi-arch manifest", Outcome.GATED)
                .in(null)
                .cmd("tag-nightly", ":crescent_moon: Tag images as nightly", Outcome.SKIPPED)
                .cmd("benchmark", ":chart_with_upwards_trend: Nightly benchmark", Outcome.SKIPPED)
                .group("docs", ":books: Documentation", Outcome.RUNS)
                .cmd("docs-build", "Build docs <html> & \"api\" reference", Outcome.RUNS)
                .cmd("docs-publish", "Publish docs", Outcome.ON_FAILURE)
                .in(null)
                .cmd("gh-release", ":github: Publish GitHub release", Outcome.GATED)
                .step("wait-2", "wait", StepType.WAIT, Outcome.GATED)
                .cmd("announce", ":mega: Announce", Outcome.GATED)
                .cmd("cleanup", "Clean up caches", Outcome.NEVER);
        f.edge("wheel-cuda", "upload").edge("wheel-cuda-126", "upload").edge("wheel-cpu", "upload")
                .edge("block-images", "images")
                .implicit("image", "images-wait").implicit("image-cpu", "images-wait")
                .implicit("images-wait", "manifest")
                .edge("docs-build", "docs-publish")
                .edge("upload", "gh-release").edge("input-version", "gh-release")
                .implicit("images", "wait-2").implicit("gh-release", "wait-2").implicit("docs", "wait-2")
                .implicit("wait-2", "announce")
                .edge("missing-step", "cleanup");
        return f.plan();
    }

    /**
     * A generated Buildkite-like plan of {@code n} steps: barrier stages separated by waits, some explicit
     * long edges, some groups, some skipped steps. Deterministic for a seed.
     */
    public static Plan generated(int n, long seed) {
        Random r = new Random(seed);
        PlanFixture f = new PlanFixture("generated-" + n + ".yml");
        List<String> stage = new ArrayList<>();
        List<String> all = new ArrayList<>();
        String barrier = null;
        int i = 0;
        while (i < n) {
            int kind = r.nextInt(40);
            if (kind == 0 && i > 0) {
                String w = "wait-" + i;
                f.in(null).step(w, "wait", StepType.WAIT, Outcome.RUNS);
                for (String s : stage) {
                    f.implicit(s, w);
                }
                if (stage.isEmpty() && barrier != null) {
                    f.implicit(barrier, w);
                }
                stage.clear();
                barrier = w;
                i++;
            } else if (kind == 1 && n - i > 6) {
                String g = "group-" + i;
                f.group(g, "Group " + i, Outcome.RUNS);
                i++;
                int size = 2 + r.nextInt(5);
                for (int c = 0; c < size && i < n; c++, i++) {
                    String id = "s" + i;
                    f.cmd(id, "Step " + i + " in group", Outcome.RUNS);
                    all.add(id);
                    if (c > 0 && r.nextBoolean()) {
                        f.edge("s" + (i - 1), id);
                    }
                }
                f.in(null);
                if (barrier != null) {
                    f.implicit(barrier, g);
                }
                stage.add(g);
            } else {
                String id = "s" + i;
                boolean skipped = r.nextInt(10) == 0;
                f.cmd(id, "Step " + i + (r.nextInt(5) == 0 ? " with a rather longer label to wrap" : ""),
                        skipped ? Outcome.SKIPPED : Outcome.RUNS);
                if (!skipped) {
                    if (barrier != null) {
                        f.implicit(barrier, id);
                    }
                    if (!all.isEmpty() && r.nextInt(6) == 0) {
                        f.edge(all.get(r.nextInt(all.size())), id);
                    }
                    stage.add(id);
                    all.add(id);
                }
                i++;
            }
        }
        return f.plan();
    }
}
