/**
 * The scenario matrix: {@link dev.pipelens.gui.matrix.MatrixTable} holds every step's outcome in the presets and the
 * scenarios that add an outcome (as {@code plan --scenarios auto}) and {@link dev.pipelens.gui.matrix.MatrixPanel} shows the outcomes as a table.
 */
package dev.pipelens.gui.matrix;
