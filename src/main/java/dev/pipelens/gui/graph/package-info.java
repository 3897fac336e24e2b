/**
 * The graph: {@link dev.pipelens.gui.graph.GraphView} draws a computed layout through
 * {@link dev.pipelens.gui.graph.FxCanvas} (the exporters' renderer on a JavaFX canvas, so window and PNG/SVG look
 * alike), {@link dev.pipelens.gui.graph.Glyphs} the outcome icons and {@link dev.pipelens.gui.graph.Overview}
 * the minimap.
 */
package dev.pipelens.gui.graph;
