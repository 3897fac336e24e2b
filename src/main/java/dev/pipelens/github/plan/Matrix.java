package dev.pipelens.github.plan;

import dev.pipelens.github.expr.GhExpression;
import dev.pipelens.github.expr.GhExpressionException;
import dev.pipelens.github.expr.GhValue;
import dev.pipelens.github.expr.Template;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands {@code strategy.matrix} as C-RWP MatrixBuilder.cs (spec 5.5): the cross product with the first
 * key varying slowest, then {@code exclude} (partial, loose matches), then each {@code include} entry
 * added to every combination whose original keys it matches (never overwriting an original value), or
 * appended when it matches none. A matrix built from {@code needs} outputs is dynamic: known only at run time.
 */
final class Matrix {

    /** The legs, or why they are not known. */
    record Result(List<Map<String, GhValue>> legs, String dynamic, String error) {
    }

    /** Beyond this many combinations the legs are counted, not built (GitHub allows 256). */
    static final int MAX_BUILT = 4096;

    private Matrix() {
    }

    static Result expand(YamlNode node, GhValue.Obj contexts) {
        GhValue m;
        try {
            m = value(node, contexts);
        } catch (Dynamic d) {
            return new Result(List.of(), d.getMessage(), null);
        }
        if (!(m instanceof GhValue.Obj obj)) {
            return new Result(List.of(), "the matrix is " + GhValue.show(m) + ", known only at run time", null);
        }
        List<String> keys = new ArrayList<>();
        List<List<GhValue>> vectors = new ArrayList<>();
        for (String k : obj.keys()) {
            if (k.equals("include") || k.equals("exclude")) {
                continue;
            }
            GhValue v = obj.get(k);
            if (!(v instanceof GhValue.Arr a)) {
                return new Result(List.of(), null, "Matrix vector '" + k + "' should be a sequence");
            }
            if (a.items().isEmpty()) {
                return new Result(List.of(), null, "Matrix vector '" + k + "' does not contain any values");
            }
            keys.add(k);
            vectors.add(a.items());
        }
        long product = 1;
        for (List<GhValue> v : vectors) {
            product = Math.min(Long.MAX_VALUE / 2, product * v.size());
        }
        if (product > MAX_BUILT) {
            return new Result(List.of(), "the matrix has " + product + " combinations (GitHub allows 256)", null);
        }
        List<Map<String, GhValue>> combos = new ArrayList<>();
        if (!keys.isEmpty()) {
            cross(keys, vectors, 0, new LinkedHashMap<>(), combos);
        }
        for (GhValue.Obj ex : entries(obj.get("exclude"))) {
            for (String k : ex.keys()) {
                if (keys.stream().noneMatch(x -> x.equalsIgnoreCase(k))) {
                    return new Result(List.of(), null, "Matrix exclude key '" + k + "' does not match any key within the matrix");
                }
            }
            combos.removeIf(c -> matches(c, ex, keys));
        }
        int original = combos.size();
        List<Map<String, GhValue>> added = new ArrayList<>();
        for (GhValue.Obj inc : entries(obj.get("include"))) {
            boolean matched = false;
            for (int i = 0; i < original; i++) {
                Map<String, GhValue> c = combos.get(i);
                if (matches(c, inc, keys)) {
                    matched = true;
                    for (String k : inc.keys()) {
                        if (keys.stream().noneMatch(x -> x.equalsIgnoreCase(k))) {
                            c.put(k, inc.get(k));
                        }
                    }
                }
            }
            if (!matched) {
                Map<String, GhValue> leg = new LinkedHashMap<>();
                for (String k : inc.keys()) {
                    leg.put(k, inc.get(k));
                }
                added.add(leg);
            }
        }
        combos.addAll(added);
        return new Result(combos, null, null);
    }

    private static void cross(List<String> keys, List<List<GhValue>> vectors, int i, Map<String, GhValue> prefix,
                              List<Map<String, GhValue>> out) {
        if (i == keys.size()) {
            out.add(new LinkedHashMap<>(prefix));
            return;
        }
        for (GhValue v : vectors.get(i)) {
            prefix.put(keys.get(i), v);
            cross(keys, vectors, i + 1, prefix, out);
        }
        prefix.remove(keys.get(i));
    }

    /** Every original key of {@code entry} equals the combination's value (loose, case-insensitive). */
    private static boolean matches(Map<String, GhValue> combo, GhValue.Obj entry, List<String> keys) {
        for (String k : entry.keys()) {
            String key = keys.stream().filter(x -> x.equalsIgnoreCase(k)).findFirst().orElse(null);
            if (key == null) {
                continue;
            }
            GhValue have = combo.get(key);
            if (have == null || !GhValue.looseEquals(have, entry.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static List<GhValue.Obj> entries(GhValue v) {
        List<GhValue.Obj> out = new ArrayList<>();
        if (v instanceof GhValue.Arr a) {
            for (GhValue item : a.items()) {
                if (item instanceof GhValue.Obj o) {
                    out.add(o);
                }
            }
        } else if (v instanceof GhValue.Obj o) {
            out.add(o);
        }
        return out;
    }

    /** Thrown when part of the matrix is known only at run time. */
    private static final class Dynamic extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Dynamic(String why) {
            super(why, null, false, false);
        }
    }

    /** A YAML node as a value; {@code ${{ }}} strings are evaluated (needs outputs make it dynamic). */
    private static GhValue value(YamlNode node, GhValue.Obj contexts) {
        if (node instanceof YamlMap map) {
            GhValue.Obj o = new GhValue.Obj();
            for (YamlMap.Entry e : map.entries()) {
                o.put(e.name(), value(e.value(), contexts));
            }
            return o;
        }
        if (node instanceof YamlSeq seq) {
            List<GhValue> items = new ArrayList<>();
            for (YamlNode n : seq.items()) {
                items.add(value(n, contexts));
            }
            return new GhValue.Arr(items);
        }
        YamlScalar s = (YamlScalar) node;
        if (s == null || s.isNull()) {
            return GhValue.NULL;
        }
        if (!s.quoted() && Template.hasExpression(s.value())) {
            return evaluate(s.value(), contexts);
        }
        if (s.quoted() && Template.hasExpression(s.value())) {
            return evaluate(s.value(), contexts);
        }
        switch (s.kind()) {
            case BOOL:
                return GhValue.of("true".equals(s.value()) || "True".equals(s.value()) || "TRUE".equals(s.value()));
            case INT:
            case FLOAT:
                return new GhValue.Num(GhValue.of(s.value()).number());
            default:
                return GhValue.of(s.value());
        }
    }

    private static GhValue evaluate(String text, GhValue.Obj contexts) {
        Template.Converted c;
        try {
            c = Template.convert(text);
        } catch (GhExpressionException e) {
            throw new Dynamic("the matrix expression cannot be read: " + e.getMessage());
        }
        if (!c.expression()) {
            return GhValue.of(c.text());
        }
        if (c.text().toLowerCase(java.util.Locale.ROOT).contains("needs.")) {
            throw new Dynamic("the matrix comes from ${{ " + c.text() + " }}: known only after the jobs it needs have run (dynamic)");
        }
        try {
            return GhExpression.parse(c.text(), Set.of("github", "inputs", "vars", "needs"), Map.of())
                    .evaluate(contexts, (n, a) -> GhValue.NULL).value();
        } catch (GhExpressionException e) {
            throw new Dynamic("the matrix expression ${{ " + c.text() + " }} fails: " + e.getMessage());
        }
    }
}
