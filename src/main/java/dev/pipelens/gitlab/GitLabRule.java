package dev.pipelens.gitlab;

import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.model.SourceSpan;

import java.util.List;

/**
 * One entry of a {@code rules} list (job, {@code workflow:} or {@code include:}). Clauses: {@code ifExpr},
 * {@code changes}, {@code exists} (each null when absent; a rule matches iff all present clauses hold, so a
 * rule with none always matches). Attributes apply when it matches: {@code when} (null = inherit),
 * {@code allowFailure} (null = not set), {@code variables}, {@code needs} (null = keep the job's), {@code startIn}.
 *
 * @param number 1-based position in the flattened list, as reasons name it
 * @param compareTo {@code changes: compare_to:}, the ref the changes are taken against, or null
 */
public record GitLabRule(int number, GitLabExpression ifExpr, SourceSpan ifSpan, List<String> changes,
                         List<String> exists, String when, Boolean allowFailure, List<GitLabVariable> variables,
                         List<GitLabNeed> needs, String startIn, SourceSpan span, String compareTo) {

    /** A rule without {@code compare_to}. */
    public GitLabRule(int number, GitLabExpression ifExpr, SourceSpan ifSpan, List<String> changes, List<String> exists,
                      String when, Boolean allowFailure, List<GitLabVariable> variables, List<GitLabNeed> needs,
                      String startIn, SourceSpan span) {
        this(number, ifExpr, ifSpan, changes, exists, when, allowFailure, variables, needs, startIn, span, null);
    }

    public GitLabRule {
        changes = changes == null ? null : List.copyOf(changes);
        exists = exists == null ? null : List.copyOf(exists);
        variables = List.copyOf(variables);
        needs = needs == null ? null : List.copyOf(needs);
    }

    /** Whether the rule has no clause and therefore always matches when reached. */
    public boolean unconditional() {
        return ifExpr == null && changes == null && exists == null;
    }
}
