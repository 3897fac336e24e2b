package dev.pipelens.github.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a parsed expression against named contexts, exactly as C-EXPR evaluator.ts: {@code &&} and
 * {@code ||} return the deciding operand, comparisons coerce loosely ({@link Compare}), missing
 * properties are null, {@code .*} filters objects and arrays. Records each context value and function
 * result it read (outermost paths only), in reading order, for the reasons a plan shows.
 */
public final class Evaluator {

    /** Answers the functions that are not built in (status functions, {@code hashFiles}). */
    public interface Host {
        /** The result of {@code name(args)} ({@code name} lower-case); may throw {@link GhExpressionException}. */
        GhValue call(String name, List<GhValue> args);
    }

    /** One value read while evaluating: the sub-expression's text and what it was. */
    public record Read(String text, GhValue value) {
    }

    private final String source;
    private final GhValue.Obj contexts;
    private final Host host;
    private final List<Read> reads = new ArrayList<>();

    public Evaluator(String source, GhValue.Obj contexts, Host host) {
        this.source = source;
        this.contexts = contexts;
        this.host = host;
    }

    /** What was read, in order (a path read twice is listed once). */
    public List<Read> reads() {
        return List.copyOf(reads);
    }

    public GhValue evaluate(Expr e) {
        return eval(e, true);
    }

    private GhValue eval(Expr e, boolean record) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Grouping g) {
            return eval(g.expr(), true);
        }
        if (e instanceof Expr.Not n) {
            return GhValue.of(GhValue.falsy(eval(n.expr(), true)));
        }
        if (e instanceof Expr.Logical l) {
            GhValue result = GhValue.NULL;
            for (Expr arg : l.args()) {
                result = eval(arg, true);
                if (l.and() ? GhValue.falsy(result) : GhValue.truthy(result)) {
                    break;
                }
            }
            return result;
        }
        if (e instanceof Expr.Binary b) {
            GhValue left = eval(b.left(), true);
            GhValue right = eval(b.right(), true);
            boolean r;
            switch (b.operator()) {
                case "==" -> r = Compare.equal(left, right);
                case "!=" -> r = !Compare.equal(left, right);
                case ">" -> r = Compare.greater(left, right);
                case ">=" -> r = Compare.equal(left, right) || Compare.greater(left, right);
                case "<" -> r = Compare.less(left, right);
                default -> r = Compare.equal(left, right) || Compare.less(left, right);
            }
            return GhValue.of(r);
        }
        if (e instanceof Expr.ContextAccess c) {
            GhValue v = contexts.get(c.name());
            v = v == null ? GhValue.NULL : v;
            return record ? read(e, v) : v;
        }
        if (e instanceof Expr.IndexAccess ia) {
            GhValue v = index(ia);
            return record ? read(e, v) : v;
        }
        Expr.Call call = (Expr.Call) e;
        List<GhValue> args = new ArrayList<>();
        for (Expr a : call.args()) {
            args.add(eval(a, true));
        }
        String name = call.name().toLowerCase(Locale.ROOT);
        GhValue v = Builtins.isBuiltIn(name) ? Builtins.call(name, args) : host.call(name, args);
        if (Functions.STATUS.contains(name)) {
            read(e, v);
        }
        return v;
    }

    private GhValue read(Expr e, GhValue v) {
        String text = source.substring(e.start(), Math.min(source.length(), e.end()));
        for (Read r : reads) {
            if (r.text().equals(text)) {
                return v;
            }
        }
        reads.add(new Read(text, v));
        return v;
    }

    private GhValue index(Expr.IndexAccess ia) {
        boolean star = ia.star();
        GhValue idx = star ? null : eval(ia.index(), !(ia.index() instanceof Expr.Literal));
        GhValue obj = eval(ia.object(), false);
        String str = null;
        Integer num = null;
        if (!star) {
            if (idx.primitive()) {
                str = idx.coerceString();
            }
            double f = idx.number();
            if (!Double.isNaN(f) && !Double.isInfinite(f) && f >= 0) {
                num = (int) Math.min(Integer.MAX_VALUE, Math.floor(f));
            }
        }
        if (obj instanceof GhValue.Arr a) {
            if (a.filtered()) {
                return filtered(a, star, str, num);
            }
            if (star) {
                return new GhValue.Arr(a.items(), true);
            }
            return num != null && num < a.items().size() ? a.items().get(num) : GhValue.NULL;
        }
        if (obj instanceof GhValue.Obj o) {
            if (star) {
                return new GhValue.Arr(o.values(), true);
            }
            GhValue v = str == null ? null : o.get(str);
            return v == null ? GhValue.NULL : v;
        }
        return star ? new GhValue.Arr(List.of(), true) : GhValue.NULL;
    }

    private static GhValue filtered(GhValue.Arr fa, boolean star, String str, Integer num) {
        List<GhValue> out = new ArrayList<>();
        for (GhValue item : fa.items()) {
            if (item instanceof GhValue.Obj o) {
                if (star) {
                    out.addAll(o.values());
                } else if (str != null) {
                    GhValue v = o.get(str);
                    if (v != null) {
                        out.add(v);
                    }
                }
            } else if (item instanceof GhValue.Arr a) {
                if (star) {
                    out.addAll(a.items());
                } else if (num != null && num < a.items().size()) {
                    out.add(a.items().get(num));
                }
            }
        }
        return new GhValue.Arr(out, true);
    }
}
