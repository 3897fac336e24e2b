package dev.pipelens.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition as a disjunction of conjunctions of {@link Atom}s (disjunctive normal form), bounded in size
 * so that a long {@code ||} chain cannot explode: past {@link #LIMIT} conjunctions the rest are dropped
 * (scenario discovery then simply tries fewer candidates). An empty conjunction is "always true"; an empty
 * disjunction is "never true" (or: nothing known).
 */
public record Dnf(List<List<Atom>> terms) {

    public static final int LIMIT = 24;

    public static final Dnf TRUE = new Dnf(List.of(List.of()));
    public static final Dnf FALSE = new Dnf(List.of());

    public Dnf {
        List<List<Atom>> copy = new ArrayList<>();
        for (List<Atom> t : terms) {
            if (copy.size() < LIMIT) {
                copy.add(List.copyOf(t));
            }
        }
        terms = List.copyOf(copy);
    }

    public static Dnf of(Atom atom) {
        return new Dnf(List.of(List.of(atom)));
    }

    public Dnf or(Dnf other) {
        List<List<Atom>> out = new ArrayList<>(terms);
        out.addAll(other.terms);
        return new Dnf(out);
    }

    public Dnf and(Dnf other) {
        List<List<Atom>> out = new ArrayList<>();
        for (List<Atom> a : terms) {
            for (List<Atom> b : other.terms) {
                if (out.size() >= LIMIT) {
                    return new Dnf(out);
                }
                List<Atom> t = new ArrayList<>(a);
                t.addAll(b);
                out.add(t);
            }
        }
        return new Dnf(out);
    }

    /** The negation (De Morgan), bounded like the rest. */
    public Dnf not() {
        Dnf out = TRUE;
        for (List<Atom> t : terms) {
            Dnf clause = FALSE;
            for (Atom a : t) {
                clause = clause.or(of(a.negate()));
            }
            out = out.and(clause);
        }
        return out;
    }
}
