package dev.pipelens.gitlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code changes} and {@code exists} clauses look at, for one scenario. Changed files come from the
 * scenario variable {@value #CHANGED_FILES} (comma-separated paths); when it is absent, or the pipeline has no
 * push event to compare (tag, schedule, web, api, trigger... pipelines), {@code changes} is true as GitLab
 * treats it then, and the reason says so. Existing files come from {@value #EXISTING_FILES} when given,
 * otherwise from the project directory on disk.
 */
public final class FileFacts {

    /** Scenario variable: comma-separated changed paths ({@code src/a.c,README.md}). */
    public static final String CHANGED_FILES = "PIPELENS_CHANGED_FILES";
    /** Scenario variable: comma-separated paths that exist, instead of the project directory. */
    public static final String EXISTING_FILES = "PIPELENS_EXISTING_FILES";

    private final List<String> changed;
    private final List<String> existing;
    private final ProjectFiles project;
    private final String noPushReason;

    private FileFacts(List<String> changed, List<String> existing, ProjectFiles project, String noPushReason) {
        this.changed = changed;
        this.existing = existing;
        this.project = project;
        this.noPushReason = noPushReason;
    }

    /** Facts for a scenario whose variables (predefined and user) are {@code variables}. */
    public static FileFacts of(Map<String, String> variables, ProjectFiles project) {
        String source = variables.getOrDefault("CI_PIPELINE_SOURCE", "push");
        String noPush = null;
        if (variables.get("CI_COMMIT_TAG") != null) {
            noPush = "tag pipelines have no push diff";
        } else if (!source.equals("push") && !source.equals("merge_request_event")
                && !source.equals("external_pull_request_event")) {
            noPush = source + " pipelines have no push event";
        }
        return new FileFacts(split(variables.get(CHANGED_FILES)), split(variables.get(EXISTING_FILES)), project, noPush);
    }

    /** Whether any changed file matches any glob; null-safe. {@code reason} receives why. */
    public boolean changes(List<String> globs, StringBuilder reason) {
        return changes(globs, null, reason);
    }

    /**
     * {@code changes} with {@code compare_to}: GitLab then takes the files changed since that ref in every
     * pipeline type (Clause::Changes#find_modified_paths uses modified_paths_since(compare_to_sha) whenever
     * compare_to is given), so tag, schedule and other pipelines compare too; the changed files are the list
     * given in {@value #CHANGED_FILES}.
     */
    public boolean changes(List<String> globs, String compareTo, StringBuilder reason) {
        if (noPushReason != null && compareTo == null) {
            reason.append("true (").append(noPushReason).append(", so GitLab treats changes as true)");
            return true;
        }
        if (changed == null) {
            reason.append("assumed true (no changed-file list").append(compareTo == null ? "" : " for the comparison with "
                    + compareTo).append("; set ").append(CHANGED_FILES).append(")");
            return true;
        }
        if (compareTo != null) {
            reason.append("compared with ").append(compareTo).append(": ");
        }
        for (String g : globs) {
            Glob glob = Glob.compile(strip(g), Glob.Mode.FNMATCH);
            for (String f : changed) {
                if (glob.matches(strip(f))) {
                    reason.append("true (").append(f).append(" changed)");
                    return true;
                }
            }
        }
        reason.append("false (no changed file matches)");
        return false;
    }

    /** Whether any glob matches an existing file. */
    public boolean exists(List<String> globs, StringBuilder reason) {
        for (String g : globs) {
            if (g.isEmpty()) {
                continue;
            }
            if (existing != null) {
                Glob glob = Glob.compile(strip(g), Glob.Mode.FNMATCH);
                for (String f : existing) {
                    if (glob.matches(strip(f))) {
                        reason.append("true (").append(f).append(" exists)");
                        return true;
                    }
                }
            } else if (!Glob.hasWildcards(g) && project.outside(strip(g)) != null) {
                reason.append("false (").append(project.outside(strip(g))).append(": not looked at) ");
            } else if (project.anyMatches(g)) {
                reason.append("true (").append(g).append(" found in ").append(project.root()).append(")");
                return true;
            }
        }
        reason.append(existing != null ? "false (no listed file matches)"
                : "false (nothing matches in " + project.root() + ")");
        return false;
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path.startsWith("./") ? path.substring(2) : path;
    }

    private static List<String> split(String value) {
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
