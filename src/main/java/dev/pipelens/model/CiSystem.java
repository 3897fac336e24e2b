package dev.pipelens.model;

import java.util.Locale;

/** The CI systems whose pipeline files Pipelens understands. */
public enum CiSystem {
    BUILDKITE, GITLAB, GITHUB;

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
