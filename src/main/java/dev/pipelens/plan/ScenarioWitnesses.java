package dev.pipelens.plan;

import dev.pipelens.expr.Atom;
import dev.pipelens.expr.Dnf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a conjunction of {@link Atom}s into variable values that make it true: a literal for {@code ==}, an
 * example string for a regex (from {@link RegexWitness}), the other variable's value for {@code $A == $B},
 * "true" for a presence test, unset for {@code == null}. A conjunction that contradicts itself
 * ({@code $A == "x" && $A == "y"}) has no values. Each system then maps the values onto its scenario facts.
 */
public final class ScenarioWitnesses {

    /** The marker for "must be unset" in an assignment (a map value of null means the same). */
    private ScenarioWitnesses() {
    }

    /** Assignments for each term of {@code dnf} that can be satisfied (null values: unset), in term order. */
    public static List<Map<String, String>> assignments(Dnf dnf, Function<String, String> known) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<Atom> term : dnf.terms()) {
            Map<String, String> a = assign(term, known);
            if (a != null && !a.isEmpty() && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Values that make every atom true, or null when the atoms contradict each other. */
    public static Map<String, String> assign(List<Atom> term, Function<String, String> known) {
        Map<String, String> a = new LinkedHashMap<>();
        // positive facts first, so that negative ones are checked against them
        for (Atom.Op pass : new Atom.Op[] {Atom.Op.EQ, Atom.Op.TRUE, Atom.Op.FALSE, Atom.Op.ABSENT, Atom.Op.PRESENT,
                Atom.Op.MATCH, Atom.Op.SAME, Atom.Op.DIFFERENT, Atom.Op.NE, Atom.Op.NO_MATCH}) {
            for (Atom t : term) {
                if (t.op() != pass) {
                    continue;
                }
                boolean has = a.containsKey(t.name());
                String cur = a.get(t.name());
                switch (t.op()) {
                    case EQ, TRUE, FALSE -> {
                        String want = t.op() == Atom.Op.EQ ? t.value() : t.op() == Atom.Op.TRUE ? "true" : "false";
                        if (has && !want.equals(cur)) {
                            return null;
                        }
                        a.put(t.name(), want);
                    }
                    case ABSENT -> {
                        if (has && cur != null) {
                            return null;
                        }
                        a.put(t.name(), null);
                    }
                    case PRESENT -> {
                        if (has && cur == null) {
                            return null;
                        }
                        if (!has) {
                            // a tag that is just "set" reads better as a version
                            a.put(t.name(), t.name().toLowerCase(java.util.Locale.ROOT).contains("tag") ? "v1.0.0" : "true");
                        }
                    }
                    case MATCH -> {
                        if (has) {
                            if (cur == null || !RegexWitness.find(t.value(), t.flags(), cur)) {
                                return null;
                            }
                        } else {
                            String w = RegexWitness.matching(t.value(), t.flags());
                            if (w == null) {
                                return null;
                            }
                            a.put(t.name(), w);
                        }
                    }
                    case SAME -> {
                        String other = a.containsKey(t.value()) ? a.get(t.value()) : known.apply(t.value());
                        if (has && !java.util.Objects.equals(cur, other)) {
                            return null;
                        }
                        a.put(t.name(), other);
                    }
                    case DIFFERENT -> {
                        String other = a.containsKey(t.value()) ? a.get(t.value()) : known.apply(t.value());
                        if (has && java.util.Objects.equals(cur, other)) {
                            return null;
                        }
                        if (!has) {
                            a.put(t.name(), (other == null ? "" : other) + "-other");
                        }
                    }
                    case NE -> {
                        if (has && t.value().equals(cur)) {
                            return null;
                        }
                    }
                    case NO_MATCH -> {
                        if (has && cur != null && RegexWitness.find(t.value(), t.flags(), cur)) {
                            return null;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return a;
    }

    /** One named candidate per assignment, each mapped onto the system's facts by {@code apply}. */
    public static List<dev.pipelens.plan.NamedScenario> named(java.util.Collection<Map<String, String>> assignments,
                                                              Function<Map<String, String>, dev.pipelens.model.Scenario> apply) {
        List<dev.pipelens.plan.NamedScenario> out = new ArrayList<>();
        for (Map<String, String> a : assignments) {
            out.add(new dev.pipelens.plan.NamedScenario(describe(a), apply.apply(a)));
        }
        return out;
    }

    /** A short name for a candidate built from an assignment: {@code CI_COMMIT_BRANCH=master, X unset}. */
    public static String describe(Map<String, String> a) {
        List<String> parts = new ArrayList<>();
        a.forEach((k, v) -> parts.add(v == null ? k + " unset" : k + "=" + v));
        return String.join(", ", parts);
    }
}
