package dev.pipelens.gitlab;

import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.model.SourceSpan;

import java.util.List;

/**
 * An {@code only:} or {@code except:} policy. Each part is null when its key is absent: {@code refs}
 * (branch/tag names, {@code /regex/}, keywords like {@code branches}, {@code tags}, {@code merge_requests}),
 * {@code variables} (expressions), {@code changes} (globs), {@code kubernetes} ({@code active}).
 */
public record RefPolicy(List<String> refs, List<GitLabExpression> variables, List<String> changes, String kubernetes,
                        SourceSpan span) {

    public RefPolicy {
        refs = refs == null ? null : List.copyOf(refs);
        variables = variables == null ? null : List.copyOf(variables);
        changes = changes == null ? null : List.copyOf(changes);
    }

    /** GitLab's implicit {@code only: [branches, tags]} for jobs without rules/only/except. */
    public static final RefPolicy DEFAULT_ONLY = new RefPolicy(List.of("branches", "tags"), null, null, null, SourceSpan.NONE);
}
