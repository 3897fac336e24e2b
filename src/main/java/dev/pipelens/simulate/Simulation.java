package dev.pipelens.simulate;

import dev.pipelens.model.InputField;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlanEdge;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.plan.Reason;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A step-through build on a {@link Plan}: deterministic, headless, and driven by user actions, so the
 * CLI ({@code pipelens run}) and the window's runner bar share it.
 *
 * <h2>Ticks</h2>
 * Tick 0 logs what is known before anything runs (skipped steps). Each {@link #step()} is one tick: every
 * waiting step whose dependencies were satisfied <em>at the start of the tick</em> is released and, in
 * the same tick, finishes: a command or trigger job ends with the result set beforehand
 * ({@link #setResult}, default pass) or, with an executing {@link JobRunner}, with its real exit status;
 * a wait passes; a block or input step becomes {@code blocked} (and at once {@code unblocked} if the user
 * unblocked it in advance). A waiting step that can no longer run (a dependency failed, was canceled or
 * never ran, without an allowed failure) becomes {@code not-run} in the tick after the cause. The
 * dependency rules are those of the plan's CI system ({@link Semantics}, given by the caller from the system registry:
 * each system's {@code run} package). For GitLab, the gates are manual jobs: reached,
 * they are {@code manual}; {@link #unblock} plays one, and it then runs with its set result.
 *
 * <h2>Settling</h2>
 * When a tick would change nothing the build settles: if gates wait for a person and nothing failed, the
 * build is {@link BuildState#BLOCKED} and an unblock resumes it; if something failed, the waiting gates
 * and steps become {@code not-run} ({@code blocked_failed}/{@code waiting_failed}); with no gate left,
 * steps that can never start (a {@code depends_on} key that does not exist, a cycle) become
 * {@code not-run} and the build fails "once everything else has settled" (D-DEP) — after which steps that
 * allowed their failure run. The final build state follows spec 8.2: canceled, failed (any hard failure,
 * a cancellation without soft_fail, a step that never ran), blocked, else passed.
 *
 * <h2>Choices where the spec is UNCONFIRMED (each also appears as an event note)</h2>
 * <ul>
 * <li>All steps skipped: Buildkite's build state is {@code not_run}, which the run schema lacks; the
 *     build is reported {@code passed} with a build note saying so.</li>
 * <li>A gate can be unblocked at any time, also before it is reached (spec 5.1); it then shows
 *     {@code blocked} and {@code unblocked} in the tick it is reached, and its dependents still need the
 *     steps before it to pass. A gate reached after a failure never runs, even if unblocked in advance.</li>
 * <li>An unanswered input step keeps the build {@code blocked} (spec 8.2 rule 4, 11.13).</li>
 * <li>Matrix/parallel steps are one unit (spec 4.4, 11.8); see Buildkite's run rules for the
 *     soft_fail, cancel and trigger choices.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * Not thread-safe: confine an instance to one thread (a view model runs it on a background task and
 * forwards listener calls to the UI thread). With an executing runner, {@link #step()} blocks while the
 * tick's jobs run; cancel them through the runner.
 */
public final class Simulation {

    private final Plan plan;
    private final Semantics semantics;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Node> jobs = new ArrayList<>();
    private final List<Node> groups = new ArrayList<>();
    private final List<SimEvent> events = new ArrayList<>();
    private final List<SimulationListener> listeners = new CopyOnWriteArrayList<>();
    private JobRunner runner = JobRunner.SIMULATED;
    private int tick;
    private boolean quiescent;
    private boolean canceled;
    private boolean autoUnblock;
    private BuildState lastBuildState;
    // Incremental bookkeeping that keeps a run linear in steps and edges (issue 15: a chain was quadratic):
    // a waiting step is judged again only when a step it depends on changed state (where the system's
    // rules look at direct dependencies only), the failing steps are counted as they change, and each
    // group remembers how far its children have finished.
    private final Map<Node, Integer> position = new IdentityHashMap<>();
    private final Map<Node, List<Node>> dependents = new IdentityHashMap<>();
    private final Map<Node, Integer> groupCursor = new IdentityHashMap<>();
    private final BitSet dirty = new BitSet();
    private final List<Integer> dirtyList = new ArrayList<>();
    private boolean allDirty = true;
    /** Steps whose rule reads more than their direct dependencies (GitLab stage jobs): judged every tick. */
    private final List<Integer> everyTick = new ArrayList<>();
    private final List<Integer> everyTickLeft = new ArrayList<>();
    private int failingCount;

    /**
     * @param plan      the plan to run; its steps' {@link dev.pipelens.plan.RunSettings} say how each behaves
     *                  (soft_fail, continue_on_failure, async, allow_failure, fields, commands)
     * @param semantics the run rules of the plan's CI system (one instance per simulation)
     */
    public Simulation(Plan plan, Semantics semantics) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.semantics = Objects.requireNonNull(semantics, "semantics");
        for (PlannedStep p : plan.steps()) {
            Node n = new Node(p);
            nodes.put(p.id(), n);
            (n.isGroup() ? groups : jobs).add(n);
        }
        for (Node n : nodes.values()) {
            if (n.planned.group() != null && nodes.get(n.planned.group()) != null) {
                nodes.get(n.planned.group()).children.add(n);
            }
        }
        wire();
        semantics.learn(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            Node n = jobs.get(i);
            position.put(n, i);
            if (!semantics.decidesFromIncoming(n)) {
                everyTick.add(i);
            }
            for (Node.In in : n.incoming) {
                dependents.computeIfAbsent(in.from(), k -> new ArrayList<>()).add(n);
            }
        }
        recount();
        start();
        lastBuildState = buildState();
    }

    /** Turns plan edges into per-job dependencies: group edges reach every child. */
    private void wire() {
        Map<String, List<PlanEdge>> into = new HashMap<>();
        for (PlanEdge e : plan.edges()) {
            into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        for (Node n : jobs) {
            List<PlanEdge> edges = new ArrayList<>(into.getOrDefault(n.id(), List.of()));
            if (n.planned.group() != null) {
                edges.addAll(into.getOrDefault(n.planned.group(), List.of()));
            }
            boolean cofWait = n.type() == StepType.WAIT && n.planned.run().continueOnFailure()
                    && !n.planned.run().allowDependencyFailure();
            for (PlanEdge e : edges) {
                Node from = nodes.get(e.from());
                if (from == null) {
                    continue;
                }
                boolean cof = cofWait && e.allowFailure() && e.to().equals(n.id())
                        && e.kind() == EdgeKind.IMPLICIT;
                if (from.isGroup()) {
                    for (Node c : from.children) {
                        if (!c.isGroup()) {
                            n.incoming.add(new Node.In(c, e.allowFailure(), cof, e.kind() == EdgeKind.EXPLICIT));
                        }
                    }
                } else {
                    n.incoming.add(new Node.In(from, e.allowFailure(), cof, e.kind() == EdgeKind.EXPLICIT));
                }
            }
        }
    }

    private void start() {
        for (Node n : nodes.values()) {
            if (n.state == JobState.SKIPPED) {
                n.note = n.planned.why().stream().filter(r -> r.kind() != Reason.Kind.STAGE).map(Reason::text)
                        .findFirst().orElse("not part of this build");
                if (plan.created()) {
                    emit(new SimEvent(0, n.id(), JobState.SKIPPED, n.note));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------ configuration

    public Plan plan() {
        return plan;
    }

    /** How released jobs end: {@link JobRunner#SIMULATED} (the default) or a runner that executes them. */
    public void setRunner(JobRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    public void addListener(SimulationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(SimulationListener listener) {
        listeners.remove(listener);
    }

    /**
     * Sets how a command or trigger job ends when it runs (null: back to the default, pass). For a
     * trigger step the result is the triggered build's. Kept across {@link #reset()}.
     *
     * @throws IllegalArgumentException for an unknown id or a step that is not a job (wait, block, group)
     * @throws IllegalStateException    when the step already ran
     */
    public void setResult(String id, JobResult result) {
        Node n = node(id);
        if (!isJob(n)) {
            throw new IllegalArgumentException("\"" + id + "\" is a " + n.type().id()
                    + " step; only command and trigger steps take a result");
        }
        if (n.state.isFinished() && n.state != JobState.SKIPPED) {
            throw new IllegalStateException("\"" + id + "\" already finished as " + n.state.id());
        }
        n.preset = result;
    }

    /** The result set for a job, if any. */
    public Optional<JobResult> presetResult(String id) {
        return Optional.ofNullable(node(id).preset);
    }

    /** Forgets every preset result. */
    public void clearResults() {
        for (Node n : jobs) {
            n.preset = null;
        }
    }

    private static boolean isJob(Node n) {
        return n.type() == StepType.COMMAND || n.type() == StepType.TRIGGER || n.type() == StepType.JOB;
    }

    // ------------------------------------------------------------------------------------ actions

    /** Runs one tick; returns its events (empty when nothing could happen: the build is settled). */
    public List<SimEvent> step() {
        if (buildState().isSettled()) {
            return List.of();
        }
        int before = events.size();
        tick++;
        List<Node> released = new ArrayList<>();
        List<Semantics.Decision> decisions = new ArrayList<>();
        for (Node n : candidates()) {
            if (n.state == JobState.WAITING) {
                Semantics.Decision d = semantics.decide(n);
                if (d.kind() != Semantics.Decision.Kind.WAIT) {
                    released.add(n);
                    decisions.add(d);
                }
            }
        }
        for (int i = 0; i < released.size(); i++) {
            apply(released.get(i), decisions.get(i));
        }
        groupEvents();
        if (events.size() == before) {
            settle();
            groupEvents();
        }
        if (events.size() == before) {
            tick--;
            quiescent = true;
        }
        fireBuildState();
        return List.copyOf(events.subList(before, events.size()));
    }

    /** Runs ticks until a gate is reached (and still waits for a person) or nothing more can happen. */
    public List<SimEvent> runToNextGate() {
        List<SimEvent> out = new ArrayList<>();
        int guard = limit();
        while (guard-- > 0) {
            List<SimEvent> t = step();
            if (t.isEmpty()) {
                break;
            }
            out.addAll(t);
            boolean gate = t.stream().anyMatch(e -> awaiting(nodes.get(e.stepId()))
                    && e.state() == nodes.get(e.stepId()).state);
            if (gate) {
                break;
            }
        }
        return out;
    }

    /** Runs ticks until nothing more can happen without a user action (the build is settled). */
    public List<SimEvent> runAll() {
        List<SimEvent> out = new ArrayList<>();
        int guard = limit();
        while (guard-- > 0) {
            List<SimEvent> t = step();
            if (t.isEmpty()) {
                break;
            }
            out.addAll(t);
        }
        return out;
    }

    private int limit() {
        return 4 * nodes.size() + 16;
    }

    /** {@link #unblock(String, Map)} with no field values (defaults apply). */
    public boolean unblock(String id) {
        return unblock(id, Map.of());
    }

    /**
     * Unblocks a block or input step with the given field values (unset fields take their defaults). A
     * gate that is {@code blocked} becomes {@code unblocked} now, in the current tick; a gate not reached
     * yet is unblocked in advance and passes when reached (spec 5.1: allowed at any time, UNCONFIRMED).
     *
     * @return whether anything changed (false for a gate that is skipped, already unblocked or not-run)
     * @throws IllegalArgumentException for an unknown id or a step that is not a gate
     */
    public boolean unblock(String id, Map<String, String> fieldValues) {
        Node n = node(id);
        if (!semantics.isGate(n)) {
            throw new IllegalArgumentException("\"" + id + "\" is a " + n.type().id() + " step, not a "
                    + semantics.gateNoun());
        }
        if (awaiting(n)) {
            n.fieldValues.putAll(fieldValues);
            doUnblock(n, "unblocked");
            quiescent = false;
            fireBuildState();
            return true;
        }
        if (n.state == JobState.WAITING && !n.approved) {
            n.fieldValues.putAll(fieldValues);
            n.approved = true;
            return true;
        }
        return false;
    }

    /** Unblocks every gate that waits now, and every gate reached from now on (until {@link #reset()}). */
    public void unblockAll() {
        autoUnblock = true;
        for (Node n : jobs) {
            if (awaiting(n)) {
                doUnblock(n, "unblocked (unblock all)");
                quiescent = false;
            }
        }
        fireBuildState();
    }

    /** Cancels the build: every step not finished yet becomes canceled; the build is canceled. */
    public void cancelBuild() {
        if (!plan.created() || canceled) {
            return;
        }
        canceled = true;
        for (Node n : jobs) {
            if (!n.state.isFinished()) {
                finishNode(n, JobState.CANCELED, "the build was canceled");
            }
        }
        groupEvents();
        fireBuildState();
    }

    /**
     * Back to tick 0: clears the log, unblocks and states; keeps the results set with {@link #setResult}
     * and the runner.
     */
    public void reset() {
        tick = 0;
        events.clear();
        quiescent = false;
        canceled = false;
        autoUnblock = false;
        for (Node n : nodes.values()) {
            n.clear();
        }
        recount();
        for (SimulationListener l : listeners) {
            l.onReset();
        }
        start();
        fireBuildState();
    }

    // ------------------------------------------------------------------------------------ observation

    /** The last tick run (0 before the first step). */
    public int tick() {
        return tick;
    }

    /** The whole event log so far. */
    public List<SimEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** A step's state; a group's is derived from its children. */
    public JobState state(String id) {
        return displayState(node(id));
    }

    /** The note of the step's latest event, or null. */
    public String note(String id) {
        return node(id).note;
    }

    /** Every step's state, groups included, in source order. */
    public Map<String, JobState> states() {
        Map<String, JobState> out = new LinkedHashMap<>();
        for (Node n : nodes.values()) {
            out.put(n.id(), displayState(n));
        }
        return out;
    }

    /** The ids of the gates waiting for a person now. */
    public List<String> awaitingGates() {
        List<String> out = new ArrayList<>();
        for (Node n : jobs) {
            if (awaiting(n)) {
                out.add(n.id());
            }
        }
        return out;
    }

    /** Whether a gate waits for a person now. */
    private boolean awaiting(Node n) {
        return semantics.isGate(n) && (n.state == JobState.BLOCKED || n.state == JobState.MANUAL);
    }

    /** The fields a block or input step asks for (empty for other steps or when the plan does not say). */
    public List<InputField> fields(String id) {
        return node(id).planned.run().fields();
    }

    /** The field values a gate was unblocked with (defaults filled in). */
    public Map<String, String> fieldValues(String id) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(node(id).fieldValues));
    }

    /** Whether another {@link #step()} can change anything. */
    public boolean canStep() {
        return !buildState().isSettled();
    }

    /** The build state now (in-progress states while ticks can still change something). */
    public BuildState buildState() {
        if (!plan.created()) {
            return BuildState.NOT_CREATED;
        }
        if (canceled) {
            return BuildState.CANCELED;
        }
        if (!quiescent) {
            return failingCount > 0 ? BuildState.FAILING : BuildState.RUNNING;
        }
        if (allSkipped()) {
            return BuildState.NOT_RUN;
        }
        return semantics.settledState(jobs);
    }

    private boolean allSkipped() {
        return !jobs.isEmpty() && jobs.stream().allMatch(n -> n.planned.outcome() == dev.pipelens.plan.Outcome.SKIPPED);
    }

    /** Build-level notes: why the build was not created, how not_run is reported, what an open gate means. */
    public List<String> buildNotes() {
        List<String> out = new ArrayList<>();
        if (!plan.created()) {
            out.addAll(plan.pipelineReasons());
            return out;
        }
        if (allSkipped()) {
            String note = semantics.allSkippedNote();
            if (note != null) {
                out.add(note);
            }
        }
        if (buildState() == BuildState.BLOCKED) {
            List<String> gates = awaitingGates();
            List<Node> gateNodes = gates.stream().map(nodes::get).toList();
            out.add("waiting for someone to unblock " + String.join(", ", gates) + semantics.awaitingNote(gateNodes));
            out.addAll(semantics.gateNotes(gateNodes));
        }
        return out;
    }

    /** The log, states and build state as they are now. */
    public RunReport report() {
        return new RunReport(events, states(), buildState(), buildNotes());
    }

    // ------------------------------------------------------------------------------------ internals

    private Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no step \"" + id + "\" in this plan");
        }
        return n;
    }

    private void apply(Node n, Semantics.Decision d) {
        if (d.kind() == Semantics.Decision.Kind.NOT_RUN) {
            n.stopped = d.stopped();
            finishNode(n, JobState.NOT_RUN, d.note());
            return;
        }
        if (d.kind() == Semantics.Decision.Kind.SKIP) {
            finishNode(n, JobState.SKIPPED, d.note());
            return;
        }
        n.tainted = d.tainted();
        if (semantics.isGate(n)) {
            n.state = semantics.gateState(n);
            changed(n);
            n.note = semantics.gateNote(n);
            emit(new SimEvent(tick, n.id(), n.state, join(n.note, d.note())));
            if (n.approved || autoUnblock) {
                doUnblock(n, n.approved ? semantics.unblockedInAdvanceNote(n) : "unblocked (unblock all)");
            }
            return;
        }
        if (!isJob(n)) {
            finishNode(n, JobState.PASSED, d.note() != null ? "passes: " + d.note() : null);
            return;
        }
        runJob(n, d.note());
    }

    private void runJob(Node n, String why) {
        for (SimulationListener l : listeners) {
            l.onJobStarted(n.id(), tick);
        }
        JobResult r;
        try {
            r = runner.run(new JobRunner.Job(n.planned, n.model, tick, n.preset));
        } catch (RuntimeException e) {
            r = JobResult.fail(1).withNote("could not run: " + e.getMessage());
        }
        if (r == null) {
            r = JobResult.pass();
        }
        n.result = r;
        Semantics.Finish f = semantics.finish(n, r);
        finishNode(n, f.state(), join(why, f.note()));
    }

    private void doUnblock(Node n, String how) {
        if (semantics.gateRunsWhenUnblocked(n)) {
            runJob(n, how.replace("unblocked", "played"));
            return;
        }
        List<String> missing = new ArrayList<>();
        for (InputField f : fields(n.id())) {
            if (f.key() == null) {
                continue;
            }
            if (!n.fieldValues.containsKey(f.key()) && f.defaultValue() != null) {
                n.fieldValues.put(f.key(), f.defaultValue());
            }
            if (f.required() && (n.fieldValues.get(f.key()) == null || n.fieldValues.get(f.key()).isEmpty())) {
                missing.add(f.key());
            }
        }
        String values = n.fieldValues.isEmpty() ? "" : " with " + n.fieldValues;
        String req = missing.isEmpty() ? "" : "; required field(s) " + missing + " left empty (Buildkite would ask for them)";
        finishNode(n, JobState.UNBLOCKED, how + values + req);
    }

    private void finishNode(Node n, JobState state, String note) {
        n.state = state;
        n.note = note;
        changed(n);
        emit(new SimEvent(tick, n.id(), state, note));
    }

    /** The waiting steps to judge in this tick, in plan order: those whose dependencies changed state. */
    private List<Node> candidates() {
        if (allDirty) {
            allDirty = false;
            clearDirty();
            return jobs;
        }
        everyTickLeft.removeIf(i -> jobs.get(i).state.isFinished());
        for (int i : everyTickLeft) {
            if (!dirty.get(i)) {
                dirty.set(i);
                dirtyList.add(i);
            }
        }
        Collections.sort(dirtyList);
        List<Node> out = new ArrayList<>(dirtyList.size());
        for (int i : dirtyList) {
            out.add(jobs.get(i));
        }
        clearDirty();
        return out;
    }

    private void clearDirty() {
        for (int i : dirtyList) {
            dirty.clear(i);
        }
        dirtyList.clear();
    }

    /** Bookkeeping after {@code n}'s state changed: its dependents are judged again; the failing count follows. */
    private void changed(Node n) {
        List<Node> ds = dependents.get(n);
        if (ds != null) {
            for (Node d : ds) {
                int i = position.get(d);
                if (!dirty.get(i)) {
                    dirty.set(i);
                    dirtyList.add(i);
                }
            }
        }
        if (position.containsKey(n)) {
            boolean failing = n.state.isFinished() && semantics.failsBuild(n);
            if (failing != n.countedFailing) {
                n.countedFailing = failing;
                failingCount += failing ? 1 : -1;
            }
        }
    }

    /** Recomputes the incremental bookkeeping from scratch (start and reset). */
    private void recount() {
        failingCount = 0;
        for (Node n : jobs) {
            n.countedFailing = n.state.isFinished() && semantics.failsBuild(n);
            failingCount += n.countedFailing ? 1 : 0;
        }
        groupCursor.clear();
        clearDirty();
        allDirty = true;
        everyTickLeft.clear();
        everyTickLeft.addAll(everyTick);
    }

    private void settle() {
        boolean gates = false;
        boolean failing = false;
        for (Node n : jobs) {
            gates |= awaiting(n) && semantics.holdsBuild(n);
            failing |= n.state.isFinished() && semantics.failsBuild(n);
        }
        if (gates) {
            if (!failing || !semantics.failureEndsGates()) {
                return;
            }
            for (Node n : jobs) {
                if (awaiting(n)) {
                    n.stopped = true;
                    finishNode(n, JobState.NOT_RUN, "blocked_failed: the build failed while this gate waited");
                } else if (n.state == JobState.WAITING) {
                    n.stopped = true;
                    finishNode(n, JobState.NOT_RUN, "waiting_failed: the build failed before it could start");
                }
            }
            return;
        }
        boolean any = false;
        for (Node n : jobs) {
            if (n.state == JobState.WAITING) {
                Semantics.Finish f = semantics.settleWaiting(n);
                if (f != null) {
                    finishNode(n, f.state(), f.note());
                    any = true;
                }
            }
        }
        if (!any) {
            for (Node n : jobs) {
                if (n.state == JobState.WAITING) {
                    finishNode(n, JobState.NOT_RUN, "never started: nothing it waits for can finish");
                }
            }
        }
    }

    private void groupEvents() {
        for (Node g : groups) {
            if (g.state != JobState.WAITING) {
                continue;
            }
            // children only ever move on to finished (until reset): skip those seen finished before
            int cursor = groupCursor.getOrDefault(g, 0);
            while (cursor < g.children.size() && g.children.get(cursor).state.isFinished()) {
                cursor++;
            }
            groupCursor.put(g, cursor);
            if (cursor < g.children.size()) {
                continue;
            }
            List<Node> active = new ArrayList<>();
            for (Node c : g.children) {
                if (c.state != JobState.SKIPPED) {
                    active.add(c);
                }
            }
            if (active.isEmpty() || !active.stream().allMatch(c -> c.state.isFinished())) {
                continue;
            }
            JobState s;
            String why;
            if (active.stream().anyMatch(c -> c.state == JobState.CANCELED)) {
                s = JobState.CANCELED;
                why = "a step in the group was canceled";
            } else if (active.stream().allMatch(c -> c.state == JobState.NOT_RUN)) {
                s = JobState.NOT_RUN;
                why = "no step in the group ran";
            } else if (active.stream().anyMatch(c -> c.state == JobState.FAILED || c.state == JobState.NOT_RUN)) {
                s = JobState.FAILED;
                why = "steps that failed or did not run: " + String.join(", ", active.stream()
                        .filter(c -> c.state == JobState.FAILED || c.state == JobState.NOT_RUN).map(Node::id).toList());
            } else {
                s = JobState.PASSED;
                why = "every step in the group finished"
                        + (active.stream().anyMatch(c -> c.state == JobState.SOFT_FAILED) ? " (with soft failures)" : "");
            }
            finishNode(g, s, why);
        }
    }

    private JobState displayState(Node n) {
        if (!n.isGroup() || n.state != JobState.WAITING) {
            return n.state;
        }
        for (Node c : n.children) {
            if (awaiting(c)) {
                return JobState.BLOCKED;
            }
        }
        return JobState.WAITING;
    }

    private void emit(SimEvent e) {
        events.add(e);
        for (SimulationListener l : listeners) {
            l.onEvent(e);
        }
    }

    private void fireBuildState() {
        BuildState now = buildState();
        if (now != lastBuildState) {
            lastBuildState = now;
            for (SimulationListener l : listeners) {
                l.onBuildState(now);
            }
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }
}
