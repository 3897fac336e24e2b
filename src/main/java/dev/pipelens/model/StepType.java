package dev.pipelens.model;

import java.util.Locale;

/** The kinds of step a plan lists; {@code JOB} is a GitLab job. The lower-case name is the JSON {@code type}. */
public enum StepType {
    COMMAND, WAIT, BLOCK, INPUT, TRIGGER, GROUP, JOB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Block and input steps, GitLab manual jobs: steps that wait for a person. */
    public boolean isGateType() {
        return this == BLOCK || this == INPUT;
    }
}
