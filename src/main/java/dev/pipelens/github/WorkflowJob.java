package dev.pipelens.github;

import dev.pipelens.github.expr.GhExpression;
import dev.pipelens.model.SourceSpan;
import dev.pipelens.yaml.YamlNode;

import java.util.List;
import java.util.Map;

/**
 * One job of a workflow as written.
 *
 * @param ifWritten        the {@code if} as written (null when absent)
 * @param condition        the rewritten condition GitHub evaluates ({@code success() && (...)}), or null when
 *                         the written one does not parse (a diagnostic says why)
 * @param environment      the {@code environment} name as written (may hold {@code ${{ }}}), or null
 * @param continueOnError  {@code continue-on-error} as written, or null
 * @param concurrency      the job's concurrency group as written, or null
 * @param matrix           the {@code strategy.matrix} node, or null
 * @param uses             a reusable workflow reference, or null
 * @param with             inputs passed to a reusable workflow (YAML text)
 * @param called           the local reusable workflow read, or null
 * @param outputs          declared output names
 */
public record WorkflowJob(String id, String name, List<String> needs, String ifWritten, GhExpression condition,
                          String environment, String continueOnError, String concurrency, YamlNode matrix,
                          String uses, Map<String, String> with, Workflow called, List<String> outputs,
                          int stepCount, SourceSpan span) {

    public WorkflowJob {
        needs = List.copyOf(needs);
        with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        outputs = List.copyOf(outputs);
    }

    /** The name to show: {@code name}, else the id. */
    public String label() {
        return name == null || name.isBlank() ? id : name;
    }
}
