package dev.pipelens.cli;

/** Text for people, JSON for scripts. */
public enum OutputFormat {
    text, json
}
