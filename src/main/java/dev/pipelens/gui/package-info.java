/**
 * The window (OpenJFX): the only package (with its subpackages) that imports JavaFX. This package wires the
 * window: {@link dev.pipelens.gui.PipelensApp} starts it, {@link dev.pipelens.gui.MainWindow} lays out the
 * panels and {@link dev.pipelens.gui.MainViewModel} loads, watches and re-plans files and feeds every panel.
 * Each panel is one subpackage with its view model (plain classes over {@code javafx.beans}, unit-tested
 * without a toolkit): {@code scenario} (what-if), {@code why} (step explanation), {@code runner} (step-through
 * run), {@code matrix}, {@code changes} (compare), {@code problems} and {@code graph} (the drawing). Like
 * {@code cli}, it asks the planner and the system registry ({@link dev.pipelens.system.Systems}: presets,
 * build sources, fact variables, run rules) and never names a CI system.
 */
package dev.pipelens.gui;
