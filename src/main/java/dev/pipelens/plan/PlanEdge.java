package dev.pipelens.plan;

/**
 * A dependency in the effective graph: {@code to} waits for {@code from}. {@code allowFailure} is true
 * when a failure of {@code from} does not stop {@code to} ({@code allow_failure} on the dependency,
 * {@code allow_dependency_failure}, or a wait with {@code continue_on_failure}).
 */
public record PlanEdge(String from, String to, EdgeKind kind, boolean allowFailure) {
}
