/**
 * The what-if panel: {@link dev.pipelens.gui.scenario.ScenarioViewModel} holds the scenario (build source,
 * branch, tag, message, variables as {@link dev.pipelens.gui.scenario.VariableModel}s, discovered or preset
 * scenarios) and {@link dev.pipelens.gui.scenario.ScenarioPanel} shows it; the view model is tested without a toolkit.
 */
package dev.pipelens.gui.scenario;
