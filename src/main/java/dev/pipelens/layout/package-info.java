/**
 * Layered (Sugiyama) layout of a {@link dev.pipelens.plan.Plan}: which column each step sits in, its box, the
 * group boxes around children and the edge polylines. No UI toolkit; the exporters and the window both draw
 * from the same immutable {@link dev.pipelens.layout.Layout}.
 *
 * <p>{@link dev.pipelens.layout.GraphLayout#standard()} is ELK Layered ({@link dev.pipelens.layout.ElkLayout});
 * {@link dev.pipelens.layout.PlanLayouts} keeps positions still across scenarios. The own
 * {@link dev.pipelens.layout.LayeredLayout} is the fallback for huge graphs; it runs one class per phase over
 * a shared working graph ({@code LayeredGraph}): {@code LayerAssignment} (cycle breaking, columns),
 * {@code DummyNodeInsertion} (fillers, dummy nodes of long edges, routes), {@code CrossingReduction} (order
 * in each column), {@code CoordinateAssignment} (column and vertical positions), {@code EdgePolylines} and
 * {@code LayoutAssembly} (polylines, step and group boxes, the result). {@code LayeredLayoutDump} (tests)
 * writes its coordinates for every sample and corpus file so a change to it can be compared with
 * {@code diff -r}.
 */
package dev.pipelens.layout;
