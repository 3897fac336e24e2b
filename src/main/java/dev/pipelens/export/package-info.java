/**
 * Writes a plan as PNG, SVG, DOT, GraphML or Mermaid. PNG and SVG are drawn from a
 * {@link dev.pipelens.layout.Layout} by one {@link dev.pipelens.export.DiagramRenderer} onto a
 * {@link dev.pipelens.export.Canvas}, with colours and icons from a {@link dev.pipelens.export.Theme},
 * so both images (and the window, which can implement {@code Canvas} too) look the same.
 */
package dev.pipelens.export;
