/**
 * The Problems panel: {@link dev.pipelens.gui.problems.DiagnosticsPanel} lists what {@code pipelens lint}
 * reports, located {@code FILE:LINE:COLUMN}, and selects the step a problem is in.
 */
package dev.pipelens.gui.problems;
