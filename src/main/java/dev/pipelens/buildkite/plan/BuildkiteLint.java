package dev.pipelens.buildkite.plan;

import dev.pipelens.buildkite.Interpolation;

import dev.pipelens.model.BlockStep;
import dev.pipelens.model.CommandStep;
import dev.pipelens.model.Condition;
import dev.pipelens.model.Dependency;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.GroupStep;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.Step;
import dev.pipelens.model.WaitStep;
import dev.pipelens.plan.PlanEdge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static checks for gating mistakes in a Buildkite pipeline (issue 6), on the pipeline as written
 * (every step present). Each finding has a code, the step's location and a one-line fix.
 */
final class BuildkiteLint {

    static final String BYPASSES_GATE = "bk-lint-bypasses-gate";
    static final String NO_EFFECT = "bk-lint-no-effect";
    static final String VANISHING_BARRIER = "bk-lint-vanishing-barrier";
    static final String INTERPOLATED_IF = "bk-lint-interpolated-if";
    static final String CONSTANT_CONDITION = "bk-lint-constant-condition";
    static final String INPUT_HOLDS_NOTHING = "bk-lint-input-holds-nothing";

    private final Pipeline pipeline;
    private final java.util.function.BiFunction<String, String, String> coexist;
    private final List<Diagnostic> out = new ArrayList<>();
    private final Map<String, Step> byKey = new HashMap<>();
    private final Map<String, List<String>> successors = new HashMap<>();

    private BuildkiteLint(Pipeline pipeline, java.util.function.BiFunction<String, String, String> coexist) {
        this.pipeline = pipeline;
        this.coexist = coexist;
    }

    static List<Diagnostic> check(Pipeline pipeline) {
        return check(pipeline, (a, b) -> "");
    }

    /**
     * The findings; {@code coexist} names a scenario in which two steps (by id) are both in the build ("" for
     * an unnamed one, null for none), so that a warning about one bypassing the other names a build that can
     * really happen.
     */
    static List<Diagnostic> check(Pipeline pipeline, java.util.function.BiFunction<String, String, String> coexist) {
        BuildkiteLint lint = new BuildkiteLint(pipeline, coexist);
        lint.run();
        return lint.out;
    }

    private void run() {
        List<Step> all = pipeline.allSteps();
        Map<String, String> keyToId = new HashMap<>();
        for (Step s : all) {
            if (s.info().key() != null) {
                byKey.putIfAbsent(s.info().key(), s);
                keyToId.putIfAbsent(s.info().key(), s.id());
            }
        }
        ImplicitDependencies.Result deps = ImplicitDependencies.build(pipeline, keyToId, Set.of());
        for (PlanEdge e : deps.edges()) {
            successors.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        // group membership: a group's dependencies gate its children
        for (Step s : all) {
            if (s instanceof GroupStep g) {
                for (Step c : g.steps()) {
                    successors.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(c.id());
                }
            }
        }
        bypassedGates(pipeline.steps());
        noEffect(all, deps);
        vanishingBarriers(pipeline.steps());
        for (Step s : all) {
            conditions(s);
        }
        inputsHoldingNothing(all, deps);
    }

    /**
     * A step after a positional block or wait whose explicit depends_on does not lead back to that barrier,
     * when both can be in one build. A block with its own depends_on (even {@code ~}) is written in the
     * explicit style: it gates the steps that name it, and a later step with explicit depends_on that does
     * not name it is not a slip. Nor is a step already held by another gate it depends on.
     */
    private void bypassedGates(List<Step> scope) {
        Step barrier = null;
        for (Step s : scope) {
            if (s instanceof GroupStep g) {
                bypassedGates(g.steps());
            }
            if (s instanceof WaitStep || s instanceof BlockStep) {
                barrier = s.info().hasExplicitDependencies() && s instanceof BlockStep ? null : s;
                continue;
            }
            if (barrier == null || !s.info().hasExplicitDependencies() || s.info().dependsOn().isEmpty()
                    || s instanceof InputStep) {
                continue;
            }
            String together = reaches(barrier.id(), s.id()) || heldByAGate(s.id()) ? null : coexist.apply(barrier.id(), s.id());
            if (together != null) {
                String kind = barrier instanceof BlockStep ? "block step \"" + barrier.displayLabel() + "\""
                        : "the wait step";
                out.add(Diagnostic.warning(BYPASSES_GATE, "this step does not wait for " + kind + " before it"
                        + (together.isEmpty() ? "" : " (both are in the build in \"" + together + "\")") + ": its "
                        + "explicit depends_on replaces the implicit dependency. Fix: add "
                        + (barrier.info().key() != null ? "\"" + barrier.info().key() + "\"" : "a key to the "
                        + (barrier instanceof BlockStep ? "block" : "wait") + " and add it")
                        + " to depends_on if it should wait", s.info().span()).withPath(s.info().path()));
            }
        }
    }

    private boolean heldByAGate(String id) {
        for (Step g : pipeline.allSteps()) {
            if ((g instanceof BlockStep || g instanceof InputStep) && reaches(g.id(), id)) {
                return true;
            }
        }
        return false;
    }

    private boolean reaches(String from, String to) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(from);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(to)) {
                return true;
            }
            if (seen.add(id)) {
                todo.addAll(successors.getOrDefault(id, List.of()));
            }
        }
        return false;
    }

    /** allow_dependency_failure / allow_failure settings that cannot change anything. */
    private void noEffect(List<Step> all, ImplicitDependencies.Result deps) {
        Set<String> hasPredecessor = new HashSet<>();
        for (PlanEdge e : deps.edges()) {
            hasPredecessor.add(e.to());
        }
        Map<String, String> groupOf = new HashMap<>();
        for (Step s : all) {
            if (s instanceof GroupStep g) {
                g.steps().forEach(c -> groupOf.put(c.id(), g.id()));
            }
        }
        for (Step s : all) {
            if (s.info().allowDependencyFailure() && !hasPredecessor.contains(s.id())
                    && (groupOf.get(s.id()) == null || !hasPredecessor.contains(groupOf.get(s.id())))
                    && deps.missing().get(s.id()) == null) {
                out.add(Diagnostic.warning(NO_EFFECT, "allow_dependency_failure has no effect: this step depends on "
                        + "nothing. Fix: remove it, or add the depends_on it was meant for", s.info().span())
                        .withPath(s.info().path()));
            }
            if (!s.info().hasExplicitDependencies()) {
                continue;
            }
            for (Dependency d : s.info().dependsOn()) {
                Step target = byKey.get(d.key());
                boolean allowed = d.allowFailure() || s.info().allowDependencyFailure();
                if (allowed && target instanceof CommandStep c && c.softFail().all()) {
                    out.add(Diagnostic.warning(NO_EFFECT, "allowing the failure of \"" + d.key() + "\" has no effect: it "
                            + "has soft_fail: true, and a soft-failed step already satisfies its dependents. Fix: remove "
                            + "allow_failure", d.span()));
                }
            }
        }
    }

    /** A conditional block directly followed by a wait: when the block is skipped, nothing waits (E16). */
    private void vanishingBarriers(List<Step> scope) {
        for (int i = 0; i + 1 < scope.size(); i++) {
            Step s = scope.get(i);
            if (s instanceof GroupStep g) {
                vanishingBarriers(g.steps());
            }
            boolean conditional = s.info().condition() != null || !s.info().branches().isEmpty();
            if (s instanceof BlockStep && conditional && scope.get(i + 1) instanceof WaitStep w) {
                out.add(Diagnostic.warning(VANISHING_BARRIER, "when this conditional block step is skipped, the wait "
                        + "right after it is ignored too (it is next to a block), so the steps after it no longer wait "
                        + "for the steps before it. Fix: put the wait before the block, with the opposite condition",
                        w.info().span()).withPath(w.info().path()));
            }
        }
    }

    /** {@code $VAR} inside {@code if:} and comparisons that can never (or always) be true. */
    private void conditions(Step s) {
        Condition c = s.info().condition();
        if (c == null) {
            return;
        }
        String text = c.text();
        List<String> refs = Interpolation.referencedNames(text);
        for (String name : refs) {
            int at = Math.max(0, text.indexOf("$" + name) >= 0 ? text.indexOf("$" + name) : text.indexOf("${" + name));
            boolean quoted = insideQuotes(text, at);
            Diagnostic d = new Diagnostic(quoted ? dev.pipelens.model.Severity.INFO : dev.pipelens.model.Severity.WARNING,
                    INTERPOLATED_IF, "$" + name + " in an if: is replaced by the agent before Buildkite parses the "
                    + "condition" + (quoted ? "" : " (an unset or non-string value breaks it)")
                    + ". Fix: use build.env(\"" + name + "\")", c.span().plusColumns(at), s.info().path() + ".if");
            out.add(d);
        }
        String compact = text.replace(" ", "");
        for (String v : new String[] {"build.tag", "build.message", "build.pull_request.id"}) {
            if (compact.contains(v + "==\"\"") || compact.contains(v + "==''")) {
                out.add(Diagnostic.warning(CONSTANT_CONDITION, v + " == \"\" is never true: Buildkite turns a blank "
                        + v.substring(v.lastIndexOf('.') + 1) + " into null. Fix: compare with null", c.span())
                        .withPath(s.info().path() + ".if"));
            }
            if (compact.contains(v + "!=\"\"") || compact.contains(v + "!=''")) {
                out.add(Diagnostic.warning(CONSTANT_CONDITION, v + " != \"\" is always true: a blank value is null, "
                        + "and null != \"\". Fix: compare with null", c.span()).withPath(s.info().path() + ".if"));
            }
        }
        if (compact.contains("build.env(\"BUILDKITE_PULL_REQUEST\")==null")) {
            out.add(Diagnostic.warning(CONSTANT_CONDITION, "build.env(\"BUILDKITE_PULL_REQUEST\") is never null (it is "
                    + "\"false\" on builds that are not pull requests). Fix: compare with \"false\"", c.span()));
        }
    }

    private static boolean insideQuotes(String text, int at) {
        int dq = 0;
        int sq = 0;
        for (int i = 0; i < at && i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && sq % 2 == 0) {
                dq++;
            } else if (ch == '\'' && dq % 2 == 0) {
                sq++;
            }
        }
        return dq % 2 == 1 || sq % 2 == 1;
    }

    /** An input step that no step depends on only keeps the build from finishing. */
    private void inputsHoldingNothing(List<Step> all, ImplicitDependencies.Result deps) {
        Set<String> depended = new HashSet<>();
        for (PlanEdge e : deps.edges()) {
            depended.add(e.from());
        }
        for (Step s : all) {
            if (s instanceof InputStep && !depended.contains(s.id())) {
                out.add(Diagnostic.info(INPUT_HOLDS_NOTHING, "this input step holds nothing back: no step depends_on it, "
                        + "so the build only waits for it to finish. Fix: add its key to the depends_on of the steps "
                        + "that need the answer", s.info().span()).withPath(s.info().path()));
            }
        }
    }
}
