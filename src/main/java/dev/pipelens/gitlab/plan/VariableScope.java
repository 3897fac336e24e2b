package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.expr.VariableLookup;

import java.util.Map;

/**
 * Variable lookup through layers, highest precedence first (spec 5.3): pipeline (scenario) variables,
 * {@code rules:variables}, matrix values, job {@code variables:}, {@code workflow:rules:variables},
 * top-level {@code variables:} (as inherited), predefined. Layers are shared maps, so building a scope per
 * job costs nothing.
 */
final class VariableScope implements VariableLookup {

    private final Map<String, String> layer;
    private final VariableScope parent;

    private VariableScope(Map<String, String> layer, VariableScope parent) {
        this.layer = layer;
        this.parent = parent;
    }

    static VariableScope of(Map<String, String> layer) {
        return new VariableScope(layer, null);
    }

    /** A scope where {@code layer} is looked at after this one's higher layers... i.e. beneath {@code this}. */
    VariableScope under(Map<String, String> higher) {
        return higher.isEmpty() ? this : new VariableScope(higher, this);
    }

    @Override
    public String get(String name) {
        for (VariableScope s = this; s != null; s = s.parent) {
            String v = s.layer.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
