package dev.pipelens.github;

import dev.pipelens.model.SourceSpan;

import java.util.List;

/**
 * One event of {@code on} with its filters; a null list means the filter is not written.
 *
 * @param types     activity types, or null
 * @param workflows {@code workflow_run} workflow names, or null
 */
public record Trigger(String event, List<String> types, List<String> branches, List<String> branchesIgnore,
                      List<String> tags, List<String> tagsIgnore, List<String> paths, List<String> pathsIgnore,
                      List<String> workflows, SourceSpan span) {
}
