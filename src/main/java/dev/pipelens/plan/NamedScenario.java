package dev.pipelens.plan;

import dev.pipelens.model.Scenario;

/** A scenario with a name a person reads in one glance: "tag v1.2.0", "nightly (NIGHTLY=1)". */
public record NamedScenario(String name, Scenario scenario) {
}
