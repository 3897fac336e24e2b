/**
 * Step-through simulation of a build on a {@link dev.pipelens.plan.Plan}: job and build states, the
 * event log, and the user actions of the runner (step, run to the next gate, run all, unblock, set a
 * job's result, cancel, reset). Headless and deterministic; executes nothing unless a
 * {@link dev.pipelens.simulate.JobRunner} from {@code execute} is plugged in. Entry point:
 * {@link dev.pipelens.simulate.Simulation}. The loop is system-neutral and reads only the plan; each CI
 * system's rules come in as a {@link dev.pipelens.simulate.Semantics} (its {@code run} package).
 */
package dev.pipelens.simulate;
