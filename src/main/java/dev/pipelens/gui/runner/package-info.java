/**
 * The step-through runner: {@link dev.pipelens.gui.runner.RunnerViewModel} drives the system-neutral
 * simulation of the plan shown step by step (it runs no commands), {@link dev.pipelens.gui.runner.RunnerPanel} shows its events and
 * {@link dev.pipelens.gui.runner.RunStyles} gives each job state its colours and icon, shared with the graph.
 */
package dev.pipelens.gui.runner;
