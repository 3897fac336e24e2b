package dev.pipelens.expr;

import java.util.List;

/**
 * A variable an expression reads, with the literal values it is compared to.
 *
 * @param name         {@code build.branch} for a build variable; the environment name ({@code NIGHTLY}) for
 *                     {@code build.env("NIGHTLY")}, {@code env("NIGHTLY")}, {@code $NIGHTLY} or {@code ${NIGHTLY...}}
 * @param kind         whether it is a build variable or an environment variable
 * @param comparedWith string literals (and regex literals rendered as {@code /src/flags}) this variable is
 *                     compared with, in source order, without duplicates
 * @param offset       0-based offset of the first use in the expression source
 */
public record VariableUse(String name, Kind kind, List<String> comparedWith, int offset) {

    public VariableUse {
        comparedWith = List.copyOf(comparedWith);
    }

    /** Where a variable comes from. */
    public enum Kind {
        /** A build/pipeline/organization variable such as {@code build.branch}. */
        BUILD_VARIABLE,
        /** An environment variable. */
        ENV
    }
}
