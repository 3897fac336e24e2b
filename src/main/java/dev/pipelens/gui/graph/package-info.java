/**
 * The graph: {@link dev.pipelens.gui.graph.GraphView} draws a computed layout through
 * {@link dev.pipelens.gui.graph.FxCanvas} (the exporters' renderer on a JavaFX canvas, so window and PNG/SVG look
 * alike), {@link dev.pipelens.gui.graph.Glyphs} the outcome icons and {@link dev.pipelens.gui.graph.Overview}
 * the minimap. Zoomed out below {@link dev.pipelens.gui.graph.GraphView#SUMMARY_TEXT_PX} the view draws a
 * {@code Summary} of the layout instead (groups as boxes with their names and counts, other steps as marks,
 * merged edges) with {@code SummaryPainter}, in screen pixels so its text stays readable; exports never do.
 */
package dev.pipelens.gui.graph;
