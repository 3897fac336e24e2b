package dev.pipelens.github.plan;

import dev.pipelens.github.WorkflowInput;
import dev.pipelens.github.expr.GhValue;

import java.util.List;

/**
 * The {@code github} context and event payload of a scenario (spec 4.2, 2.2): ref, ref_name, ref_type,
 * head_ref/base_ref per event, a webhook payload with the fields job conditions read, and the event
 * overlay of {@code --event} merged over it (objects merge key by key, anything else replaces).
 */
final class EventContext {

    final String ref;
    final String refName;
    final String refType;
    final String headRef;
    final String baseRef;
    final String action;
    final GhValue.Obj payload;
    final GhValue.Obj github;

    EventContext(GitHubScenario s, List<WorkflowInput> dispatchInputs) {
        String ev = s.event;
        String branch = s.scenario.branch() == null || s.scenario.branch().isBlank() ? null : s.scenario.branch().strip();
        String tag = s.scenario.tag() == null || s.scenario.tag().isBlank() ? null : s.scenario.tag().strip();
        String head = "";
        String base = "";
        GhValue.Obj p = new GhValue.Obj();
        String dflt = s.defaultBranch;
        String act = null;
        switch (ev) {
            case "push" -> {
                if (tag != null) {
                    ref = "refs/tags/" + tag;
                } else {
                    ref = "refs/heads/" + (branch == null ? dflt : branch);
                }
                p.put("ref", GhValue.of(ref)).put("created", GhValue.FALSE).put("deleted", GhValue.FALSE)
                        .put("forced", GhValue.FALSE);
                GhValue.Obj commit = new GhValue.Obj().put("message", GhValue.of(nz(s.scenario.message())));
                p.put("head_commit", commit).put("commits", new GhValue.Arr(List.of(commit)));
            }
            case "pull_request", "pull_request_target" -> {
                String n = s.pullRequestNumber();
                head = branch == null || branch.equals(dflt) ? "feature" : branch;
                base = dflt;
                ref = ev.equals("pull_request") ? "refs/pull/" + n + "/merge" : "refs/heads/" + dflt;
                act = "opened";
                GhValue.Obj pr = new GhValue.Obj().put("number", new GhValue.Num(parse(n)))
                        .put("draft", GhValue.FALSE).put("merged", GhValue.FALSE)
                        .put("title", GhValue.of(nz(s.scenario.message())))
                        .put("labels", new GhValue.Arr(List.of()))
                        .put("head", new GhValue.Obj().put("ref", GhValue.of(head)))
                        .put("base", new GhValue.Obj().put("ref", GhValue.of(base)));
                p.put("number", new GhValue.Num(parse(n))).put("pull_request", pr);
            }
            case "workflow_dispatch" -> {
                ref = tag != null ? "refs/tags/" + tag : "refs/heads/" + (branch == null ? dflt : branch);
                GhValue.Obj in = new GhValue.Obj();
                for (WorkflowInput i : dispatchInputs) {
                    String v = s.inputs.containsKey(i.name()) ? s.inputs.get(i.name()) : i.defaultValue();
                    if (v == null && i.type().equals("boolean")) {
                        v = "false";
                    }
                    in.put(i.name(), GhValue.of(v == null ? "" : v));
                }
                p.put("inputs", in).put("ref", GhValue.of(ref));
            }
            case "release" -> {
                String t = tag != null ? tag : "v1.0.0";
                ref = "refs/tags/" + t;
                act = "published";
                p.put("release", new GhValue.Obj().put("tag_name", GhValue.of(t)).put("draft", GhValue.FALSE)
                        .put("prerelease", GhValue.FALSE));
            }
            case "merge_group" -> {
                ref = "refs/heads/gh-readonly-queue/" + dflt + "/pr-" + s.pullRequestNumber();
                act = "checks_requested";
                p.put("merge_group", new GhValue.Obj().put("base_ref", GhValue.of("refs/heads/" + dflt))
                        .put("head_ref", GhValue.of(ref)));
            }
            case "workflow_run" -> {
                ref = "refs/heads/" + dflt;
                act = "completed";
                p.put("workflow_run", new GhValue.Obj().put("conclusion", GhValue.of("success"))
                        .put("head_branch", GhValue.of(branch == null ? dflt : branch))
                        .put("event", GhValue.of("push")));
            }
            case "issue_comment", "issues", "discussion", "discussion_comment" -> {
                ref = "refs/heads/" + dflt;
                act = ev.equals("issues") ? "opened" : "created";
            }
            default -> ref = tag != null ? "refs/tags/" + tag : "refs/heads/" + (branch == null ? dflt : branch);
        }
        if (act != null) {
            p.put("action", GhValue.of(act));
        }
        GhValue.Obj merged = s.eventOverlay == null ? p : merge(p, s.eventOverlay);
        GhValue a = merged.get("action");
        this.action = a == null || a instanceof GhValue.Null ? null : a.coerceString();
        this.payload = merged;
        this.headRef = head;
        this.baseRef = base;
        this.refType = ref.startsWith("refs/tags/") ? "tag" : "branch";
        this.refName = ref.startsWith("refs/heads/") ? ref.substring(11) : ref.startsWith("refs/tags/") ? ref.substring(10)
                : ref.startsWith("refs/") ? ref.substring(5).replaceFirst("^pull/", "") : ref;
        this.github = new GhValue.Obj()
                .put("event_name", GhValue.of(ev))
                .put("ref", GhValue.of(ref))
                .put("ref_name", GhValue.of(refName))
                .put("ref_type", GhValue.of(refType))
                .put("head_ref", GhValue.of(head))
                .put("base_ref", GhValue.of(base))
                .put("ref_protected", GhValue.FALSE)
                .put("repository", GhValue.of(s.repository))
                .put("repository_owner", GhValue.of(s.repository.contains("/")
                        ? s.repository.substring(0, s.repository.indexOf('/')) : s.repository))
                .put("actor", GhValue.of("octocat"))
                .put("triggering_actor", GhValue.of("octocat"))
                .put("sha", GhValue.of("0000000000000000000000000000000000000000"))
                .put("run_attempt", GhValue.of("1"))
                .put("server_url", GhValue.of("https://github.com"))
                .put("event", merged);
    }

    private static double parse(String n) {
        try {
            return Double.parseDouble(n);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** {@code over} merged into a copy of {@code base}: objects key by key, other values replace. */
    static GhValue.Obj merge(GhValue.Obj base, GhValue.Obj over) {
        GhValue.Obj out = new GhValue.Obj();
        for (String k : base.keys()) {
            out.put(k, base.get(k));
        }
        for (String k : over.keys()) {
            GhValue old = out.get(k);
            GhValue v = over.get(k);
            out.set(k, old instanceof GhValue.Obj oo && v instanceof GhValue.Obj vo ? merge(oo, vo) : v);
        }
        return out;
    }
}
