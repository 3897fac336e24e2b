package dev.pipelens.github.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a job's {@code success()} and {@code failure()} see: a summary of every job before it (transitively
 * through needs, and the caller's ancestors inside a called workflow), built from its direct needs'
 * summaries in constant time per edge, so long chains stay linear. The full map of ancestors, needed only
 * for {@code success('id')}, is built on demand.
 *
 * @param empty     no job before it
 * @param allOk     every ancestor is planned to succeed
 * @param anyFail   some ancestor is planned to fail
 * @param anyRuns   some ancestor is planned to run (and so could fail)
 * @param badId     the first ancestor that does not succeed, or null
 * @param badWhat   what it does ({@code is skipped}, {@code fails})
 * @param badDirect whether it is a direct need
 */
record Ancestry(boolean empty, boolean allOk, boolean anyFail, boolean anyRuns, String badId, String badWhat,
                boolean badDirect, Supplier<Map<String, JobPlanning.Planned>> all) {

    static final Ancestry NONE = new Ancestry(true, true, false, false, null, null, false, Map::of);

    /** Why {@code success()} is false, or null when it is true. */
    String whyNotSuccess() {
        if (badId == null) {
            return null;
        }
        return badDirect ? "it needs '" + badId + "', which " + badWhat
                : "its ancestor '" + badId + "' " + badWhat + " (success() covers every job before it, not only its needs)";
    }

    /** The ancestry of a job whose direct needs are {@code needs} (with their planned results and ancestries). */
    static Ancestry of(Map<String, JobPlanning.Planned> needs, Map<String, Ancestry> chains, Ancestry outer) {
        boolean allOk = outer.allOk;
        boolean anyFail = outer.anyFail;
        boolean anyRuns = outer.anyRuns;
        String badId = null;
        String badWhat = null;
        boolean badDirect = false;
        for (Map.Entry<String, JobPlanning.Planned> e : needs.entrySet()) {
            JobPlanning.Planned p = e.getValue();
            Ancestry c = chains.getOrDefault(e.getKey(), NONE);
            boolean ok = p.result().equals("success");
            allOk &= ok && c.allOk;
            anyFail |= p.result().equals("failure") || c.anyFail;
            anyRuns |= ok || c.anyRuns;
            if (badId == null && !ok) {
                badId = e.getKey();
                badWhat = p.result().equals("failure") ? "fails" : "is " + p.outcome().id();
                badDirect = true;
            } else if (badId == null && c.badId != null) {
                badId = c.badId;
                badWhat = c.badWhat;
            }
        }
        if (badId == null && outer.badId != null) {
            badId = outer.badId;
            badWhat = outer.badWhat;
        }
        Map<String, JobPlanning.Planned> direct = new LinkedHashMap<>(needs);
        Supplier<Map<String, JobPlanning.Planned>> all = () -> {
            Map<String, JobPlanning.Planned> m = new LinkedHashMap<>(outer.all.get());
            for (Map.Entry<String, JobPlanning.Planned> e : direct.entrySet()) {
                m.putAll(chains.getOrDefault(e.getKey(), NONE).all.get());
                m.put(e.getKey(), e.getValue());
            }
            return m;
        };
        return new Ancestry(needs.isEmpty() && outer.empty, allOk, anyFail, anyRuns, badId, badWhat, badDirect, all);
    }
}
