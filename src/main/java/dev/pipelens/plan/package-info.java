/**
 * The what-if contract between the CI systems and everything downstream. A system's planner
 * ({@link dev.pipelens.plan.PipelinePlanner}) turns a loaded file and a {@link dev.pipelens.model.Scenario}
 * into a {@link dev.pipelens.plan.Plan}: whether the pipeline is created, one
 * {@link dev.pipelens.plan.PlannedStep} per step with its {@link dev.pipelens.plan.Outcome}, typed
 * {@link dev.pipelens.plan.Reason}s (a kind and the sentence every output shows), {@code when}, the
 * dependency and gate sets and its {@link dev.pipelens.plan.RunSettings}, and the effective edges
 * ({@link dev.pipelens.plan.PlanEdge}). The simulation, the window, the commands and the exporters need
 * nothing else: they never parse reason text or go back to a system's model.
 *
 * <p>Also system-neutral work on plans: {@link dev.pipelens.plan.PlanDiff} (two versions of a file) and
 * {@link dev.pipelens.plan.ScenarioMatrix} (the scenarios that cover every outcome). This package names no
 * CI system (ArchitectureTest).
 */
package dev.pipelens.plan;
