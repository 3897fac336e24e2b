/**
 * Pure-Java layered (Sugiyama) layout of a {@link dev.pipelens.plan.Plan}: which layer each step sits in,
 * its box, the group boxes around children and the edge polylines. No UI toolkit; the exporters and the
 * window both draw from the same immutable {@link dev.pipelens.layout.Layout}.
 */
package dev.pipelens.layout;
