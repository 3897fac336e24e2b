package dev.pipelens.buildkite;

import java.util.Map;

/**
 * The {@link TextInterpolator} of {@code buildkite-agent pipeline upload}: {@link Interpolation} over
 * the upload job's environment, with the file's top-level {@code env:} on top (it wins by default,
 * spec section 7).
 */
public final class AgentInterpolator implements TextInterpolator {

    private final Map<String, String> runtime;
    private final Map<String, String> topLevel;

    public AgentInterpolator(Map<String, String> runtime, Map<String, String> topLevel) {
        this.runtime = runtime;
        this.topLevel = topLevel;
    }

    @Override
    public String apply(String text) throws Failure {
        if (text.indexOf('$') < 0) {
            return text;
        }
        try {
            return Interpolation.expand(text, name -> topLevel.containsKey(name) ? topLevel.get(name) : runtime.get(name));
        } catch (InterpolationException e) {
            throw new Failure(e.getMessage(), e.offset());
        }
    }
}
