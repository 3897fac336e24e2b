package dev.pipelens.buildkite.expr;

import dev.pipelens.expr.Value;

/**
 * What a condition can read: build variables and the environment merged for {@code build.env()},
 * {@code env()} and {@code $VAR} substitution. Implementations should be cheap to query; they are asked
 * once per read during every evaluation.
 */
public interface BuildkiteContext {

    /**
     * Value of a build variable such as {@code build.branch} or {@code pipeline.slug}; {@link Value#NULL}
     * (or Java null) when unset. Only called for names that type-checked.
     */
    Value variable(String name);

    /** Environment value, or null when unset. */
    String env(String name);
}
