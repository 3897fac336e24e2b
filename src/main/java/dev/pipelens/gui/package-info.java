/**
 * The window (OpenJFX): the only package that imports JavaFX. View models (plain classes over
 * {@code javafx.beans}, unit-tested without a toolkit) hold each panel's state: the main view model loads
 * and re-plans files, {@link dev.pipelens.gui.ScenarioViewModel} the what-if panel,
 * {@link dev.pipelens.gui.RunnerViewModel} the step-through runner, {@link dev.pipelens.gui.StepExplainer} the
 * why panel's content. Views bind to them; {@link dev.pipelens.gui.PipelensApp} and
 * {@link dev.pipelens.gui.MainWindow} wire the window. Like {@code cli}, it asks the planner and the system
 * registry ({@link dev.pipelens.system.Systems}: presets, build sources, fact variables, run rules) and never
 * names a CI system.
 */
package dev.pipelens.gui;
