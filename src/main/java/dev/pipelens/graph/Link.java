package dev.pipelens.graph;

/** A directed dependency between two step ids: {@code to} waits for {@code from}. */
public record Link(String from, String to) {
}
