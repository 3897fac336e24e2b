/** The JGraphT dependency graph of a pipeline's steps: cycles, topological order, neighbours. */
package dev.pipelens.graph;
