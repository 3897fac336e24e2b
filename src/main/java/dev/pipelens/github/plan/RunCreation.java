package dev.pipelens.github.plan;

import dev.pipelens.github.FilterPattern;
import dev.pipelens.github.Trigger;
import dev.pipelens.github.Workflow;
import dev.pipelens.github.expr.GhValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether GitHub creates a run of a workflow for the scenario's event (spec 2.12): the event must be in
 * {@code on}; skip instructions in the commit message suppress {@code push}/{@code pull_request} runs;
 * activity types (with {@code pull_request}'s default opened/synchronize/reopened); branch and tag
 * filters of {@code push} (only branches defined: tags never run, and the other way round); the base
 * branch of a pull request; {@code paths} for branch pushes and pull requests, never for tags.
 */
final class RunCreation {

    /** The answer, with one reason a rule. */
    record Decision(boolean created, List<String> reasons) {
    }

    static final List<String> SKIP_MARKERS = List.of("[skip ci]", "[ci skip]", "[no ci]", "[skip actions]", "[actions skip]");
    static final List<String> PR_DEFAULT_TYPES = List.of("opened", "synchronize", "reopened");

    private RunCreation() {
    }

    static Decision decide(Workflow wf, GitHubScenario s, EventContext ctx) {
        List<String> reasons = new ArrayList<>();
        String ev = s.event;
        Trigger t = wf.trigger(ev);
        if (t == null) {
            String events = wf.triggers().stream().map(Trigger::event).collect(Collectors.joining(", "));
            reasons.add("on: " + ev + " is not among the workflow's events (" + (events.isEmpty() ? "none" : events) + ")");
            return new Decision(false, reasons);
        }
        if (ev.equals("push") || ev.equals("pull_request")) {
            String msg = s.scenario.message() == null ? "" : s.scenario.message();
            String lower = msg.toLowerCase(Locale.ROOT);
            for (String m : SKIP_MARKERS) {
                if (lower.contains(m)) {
                    reasons.add("the commit message contains " + m + ": GitHub creates no " + ev + " run");
                    return new Decision(false, reasons);
                }
            }
            if (msg.stripTrailing().matches("(?s).*(^|\\n)skip-checks: ?true")) {
                reasons.add("the commit message ends with the trailer skip-checks: true: GitHub creates no " + ev + " run");
                return new Decision(false, reasons);
            }
        }
        List<String> types = t.types();
        if (types == null && (ev.equals("pull_request") || ev.equals("pull_request_target"))) {
            types = PR_DEFAULT_TYPES;
            if (ctx.action != null && !types.contains(ctx.action)) {
                reasons.add("on." + ev + ": activity " + ctx.action + " is not one of the default types "
                        + String.join(", ", types) + " (no types: given)");
                return new Decision(false, reasons);
            }
        } else if (types != null && ctx.action != null) {
            if (types.stream().noneMatch(x -> x.equals(ctx.action))) {
                reasons.add("on." + ev + ".types: " + types + " does not include " + ctx.action);
                return new Decision(false, reasons);
            }
            reasons.add("on." + ev + ".types: " + types + " includes " + ctx.action);
        }
        if (ev.equals("push")) {
            if (!pushRef(t, ctx, reasons)) {
                return new Decision(false, reasons);
            }
            if (ctx.refType.equals("tag")) {
                if (t.paths() != null || t.pathsIgnore() != null) {
                    reasons.add("paths filters are not evaluated for tag pushes");
                }
                return new Decision(true, reasons);
            }
            return new Decision(paths(t, s, reasons), reasons);
        }
        if (ev.equals("pull_request") || ev.equals("pull_request_target")) {
            if (!names(t.branches(), t.branchesIgnore(), ctx.baseRef, "base branch", "branches", reasons)) {
                return new Decision(false, reasons);
            }
            return new Decision(paths(t, s, reasons), reasons);
        }
        if (ev.equals("workflow_run")) {
            GhValue run = ctx.payload.get("workflow_run");
            String name = run instanceof GhValue.Obj o && o.get("name") != null ? o.get("name").coerceString() : null;
            if (t.workflows() != null && name != null && t.workflows().stream().noneMatch(w -> w.equals(name))) {
                reasons.add("on.workflow_run.workflows: " + t.workflows() + " does not name \"" + name + "\"");
                return new Decision(false, reasons);
            }
            String branch = run instanceof GhValue.Obj o && o.get("head_branch") != null ? o.get("head_branch").coerceString() : "";
            if (!names(t.branches(), t.branchesIgnore(), branch, "triggering run's branch", "branches", reasons)) {
                return new Decision(false, reasons);
            }
        }
        if (ev.equals("schedule") || ev.equals("workflow_run") || ev.equals("repository_dispatch")) {
            reasons.add("on: " + ev + " runs on the default branch " + s.defaultBranch);
        } else {
            reasons.add("on: " + ev);
        }
        return new Decision(true, reasons);
    }

    /** Spec 2.3: the ref must pass its own kind's filter; with only the other kind's filter it never runs. */
    private static boolean pushRef(Trigger t, EventContext ctx, List<String> reasons) {
        boolean tag = ctx.refType.equals("tag");
        boolean branchFilters = t.branches() != null || t.branchesIgnore() != null;
        boolean tagFilters = t.tags() != null || t.tagsIgnore() != null;
        if (tag) {
            if (tagFilters) {
                return names(t.tags(), t.tagsIgnore(), ctx.refName, "tag", "tags", reasons);
            }
            if (branchFilters) {
                reasons.add("on.push defines only branch filters, so tag pushes never run it (tag " + ctx.refName + ")");
                return false;
            }
            reasons.add("on: push (no branch or tag filter)");
            return true;
        }
        if (branchFilters) {
            return names(t.branches(), t.branchesIgnore(), ctx.refName, "branch", "branches", reasons);
        }
        if (tagFilters) {
            reasons.add("on.push defines only tag filters, so branch pushes never run it (branch " + ctx.refName + ")");
            return false;
        }
        reasons.add("on: push (no branch or tag filter)");
        return true;
    }

    private static boolean names(List<String> include, List<String> ignore, String name, String what, String key,
                                 List<String> reasons) {
        if (include != null) {
            String d = FilterPattern.decider(include, name);
            boolean in = d != null && !d.startsWith("!");
            reasons.add(key + ": " + include + (in ? " includes " : " excludes ") + what + " " + name
                    + (d == null ? " (no pattern matches)" : " (last match: " + d + ")"));
            return in;
        }
        if (ignore != null) {
            String d = FilterPattern.decider(ignore, name);
            boolean ignored = d != null && !d.startsWith("!");
            reasons.add(key + "-ignore: " + ignore + (ignored ? " ignores " : " does not ignore ") + what + " " + name
                    + (d == null ? "" : " (last match: " + d + ")"));
            return !ignored;
        }
        return true;
    }

    /** Spec 2.5: paths needs one changed file included; paths-ignore needs one file not ignored. */
    private static boolean paths(Trigger t, GitHubScenario s, List<String> reasons) {
        if (t.paths() == null && t.pathsIgnore() == null) {
            return true;
        }
        boolean ignore = t.paths() == null;
        List<String> patterns = ignore ? t.pathsIgnore() : t.paths();
        String key = ignore ? "paths-ignore" : "paths";
        if (s.changedFiles == null) {
            reasons.add(key + ": " + patterns + " assumed to pass (no changed-file list; give --changed-files)");
            return true;
        }
        if (s.changedFiles.isEmpty()) {
            reasons.add(key + ": no files changed, so the workflow does not run");
            return false;
        }
        for (String f : s.changedFiles) {
            boolean in = FilterPattern.included(patterns, f);
            if (ignore ? !in : in) {
                reasons.add(key + ": " + patterns + (ignore ? " does not ignore " : " includes ") + f);
                return true;
            }
        }
        reasons.add(key + ": " + patterns + (ignore ? " ignores every changed file " : " includes none of the changed files ")
                + s.changedFiles);
        return false;
    }
}
