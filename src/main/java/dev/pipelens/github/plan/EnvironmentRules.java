package dev.pipelens.github.plan;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * An environment's deployment protection, as the scenario declares it (rules live in repository
 * settings, not in the file; spec 5.6): required reviewers, a wait timer, and deployment branch and tag
 * patterns ({@code File.fnmatch}: {@code *} does not match {@code /}). Written
 * {@code reviewers;wait:15;branches:main,release/*;tags:v*}. Unknown words are kept in {@link #unknown()}.
 */
record EnvironmentRules(boolean reviewers, int waitMinutes, List<String> branches, List<String> tags,
                        List<String> unknown) {

    static EnvironmentRules parse(String spec) {
        boolean reviewers = false;
        int wait = 0;
        List<String> branches = null;
        List<String> tags = null;
        List<String> unknown = new ArrayList<>();
        for (String part : spec == null ? new String[0] : spec.split(";")) {
            String p = part.strip();
            if (p.isEmpty() || p.equals("none")) {
                continue;
            }
            if (p.equals("reviewers") || p.equals("reviewer")) {
                reviewers = true;
            } else if (p.startsWith("wait:")) {
                try {
                    wait = Integer.parseInt(p.substring(5).strip());
                } catch (NumberFormatException e) {
                    unknown.add(p);
                }
            } else if (p.startsWith("branches:")) {
                branches = branches == null ? new ArrayList<>() : branches;
                branches.addAll(GitHubScenario.split(p.substring(9)));
            } else if (p.startsWith("tags:")) {
                tags = tags == null ? new ArrayList<>() : tags;
                tags.addAll(GitHubScenario.split(p.substring(5)));
            } else {
                unknown.add(p);
            }
        }
        return new EnvironmentRules(reviewers, wait, branches, tags, unknown);
    }

    /** Whether deployments are limited to selected branches and tags. */
    boolean restricted() {
        return branches != null || tags != null;
    }

    /** Null when the ref may deploy, else why not. */
    String refusal(EventContext ctx) {
        if (!restricted()) {
            return null;
        }
        boolean tag = ctx.refType.equals("tag");
        List<String> patterns = tag ? tags : branches;
        String kind = tag ? "tag" : "branch";
        if (patterns == null || patterns.isEmpty()) {
            return "only " + (tag ? "branch" : "tag") + " rules are set, so " + kind + " " + ctx.refName
                    + " may not deploy to it";
        }
        for (String p : patterns) {
            if (fnmatch(p, ctx.refName) || fnmatch(p, ctx.ref)) {
                return null;
            }
        }
        return "its deployment " + kind + " rules " + patterns + " do not match " + ctx.ref;
    }

    static boolean fnmatch(String pattern, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), name);
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        if (reviewers) {
            parts.add("required reviewers");
        }
        if (waitMinutes > 0) {
            parts.add("a wait timer of " + waitMinutes + " min");
        }
        if (branches != null) {
            parts.add("deployment branches " + branches);
        }
        if (tags != null) {
            parts.add("deployment tags " + tags);
        }
        return parts.isEmpty() ? "no protection rules" : String.join(", ", parts);
    }
}
