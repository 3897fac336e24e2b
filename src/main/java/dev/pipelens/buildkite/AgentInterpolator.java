package dev.pipelens.buildkite;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link TextInterpolator} of {@code buildkite-agent pipeline upload}: {@link Interpolation} over
 * the upload job's environment, with the file's top-level {@code env:} on top (it wins by default,
 * spec section 7). Interpolators that share a budget (one file's) stop with a failure once their values
 * have grown by more than {@link #MAX_TOTAL_GROWTH} characters in all, so values that double each other
 * cannot exhaust memory.
 */
public final class AgentInterpolator implements TextInterpolator {

    /** How many characters interpolation may add to one file's values in all. */
    public static final long MAX_TOTAL_GROWTH = 64L << 20;

    private final Map<String, String> runtime;
    private final Map<String, String> topLevel;
    private final AtomicLong budget;

    public AgentInterpolator(Map<String, String> runtime, Map<String, String> topLevel) {
        this(runtime, topLevel, newBudget());
    }

    /** @param budget characters left to add, shared by the interpolators of one file ({@link #newBudget()}) */
    public AgentInterpolator(Map<String, String> runtime, Map<String, String> topLevel, AtomicLong budget) {
        this.runtime = runtime;
        this.topLevel = topLevel;
        this.budget = budget;
    }

    /** A fresh budget of {@link #MAX_TOTAL_GROWTH} characters for one file. */
    public static AtomicLong newBudget() {
        return new AtomicLong(MAX_TOTAL_GROWTH);
    }

    @Override
    public String apply(String text) throws Failure {
        if (text.indexOf('$') < 0) {
            return text;
        }
        try {
            String out = Interpolation.expand(text, name -> topLevel.containsKey(name) ? topLevel.get(name) : runtime.get(name));
            long growth = (long) out.length() - text.length();
            if (growth > 0 && budget.addAndGet(-growth) < 0) {
                throw new Failure("interpolated values grow by more than " + MAX_TOTAL_GROWTH
                        + " characters in all (the limit for one file)", 0);
            }
            return out;
        } catch (InterpolationException e) {
            throw new Failure(e.getMessage(), e.offset());
        }
    }
}
