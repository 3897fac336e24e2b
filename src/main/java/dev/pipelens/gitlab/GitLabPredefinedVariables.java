package dev.pipelens.gitlab;

import dev.pipelens.model.Scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a {@link Scenario} onto GitLab's predefined variables (spec section 5.2), including which are absent:
 * <ul>
 *   <li>{@code CI_PIPELINE_SOURCE}: the scenario's source; else {@code merge_request_event} when a pull
 *       (merge) request is given; else {@code push}.</li>
 *   <li>Merge request pipeline (also a child pipeline of one, see {@link #mergeRequest}):
 *       {@code CI_COMMIT_REF_NAME} = source branch, {@code CI_MERGE_REQUEST_IID},
 *       {@code _SOURCE_BRANCH_NAME}, {@code _TARGET_BRANCH_NAME} (the default branch), {@code _EVENT_TYPE}
 *       ({@code detached}), {@code _TITLE}; no {@code CI_COMMIT_BRANCH}, no {@code CI_COMMIT_TAG}.</li>
 *   <li>Tag pipeline: {@code CI_COMMIT_TAG} = {@code CI_COMMIT_REF_NAME} = the tag; no {@code CI_COMMIT_BRANCH}.</li>
 *   <li>Branch pipeline (push, schedule, web, api, trigger...): {@code CI_COMMIT_BRANCH} =
 *       {@code CI_COMMIT_REF_NAME} = the branch (the default branch when none is given).</li>
 *   <li>Always: {@code CI}, {@code GITLAB_CI}, {@code CI_DEFAULT_BRANCH}, {@code CI_COMMIT_MESSAGE} /
 *       {@code _TITLE} / {@code _DESCRIPTION} (empty when no message is given), {@code CI_COMMIT_REF_SLUG},
 *       {@code CI_COMMIT_REF_PROTECTED} ("true" for the default branch only), {@code CI_PIPELINE_TRIGGERED}
 *       for trigger/pipeline sources.</li>
 * </ul>
 * The scenario's variables are applied last and override everything (they are pipeline variables); a
 * variable given with an empty name is ignored.
 */
public final class GitLabPredefinedVariables {

    private GitLabPredefinedVariables() {
    }

    /** The pipeline source a scenario stands for. */
    public static String source(Scenario s) {
        if (s.source() != null && !s.source().isEmpty()) {
            return s.source();
        }
        return s.pullRequest() != null && !s.pullRequest().isEmpty() ? "merge_request_event" : "push";
    }

    /**
     * Whether the scenario is a merge request pipeline: {@code merge_request_event}, or a child pipeline
     * ({@code parent_pipeline}) of one. GitLab passes the parent's merge request to its child pipelines, so a
     * child of a merge request pipeline is itself a merge request pipeline with the {@code CI_MERGE_REQUEST_*}
     * variables, while its {@code CI_PIPELINE_SOURCE} stays {@code parent_pipeline} (gitlab-org/gitlab!23884
     * "pass parent_pipeline.merge_request to child pipeline so that child pipelines also are merge request
     * pipelines"; the downstream pipelines docs, "Run child pipelines with merge request pipelines", test
     * {@code $CI_MERGE_REQUEST_ID} in the child for that reason).
     */
    public static boolean mergeRequest(Scenario s) {
        String source = source(s);
        return source.equals("merge_request_event")
                || source.equals("parent_pipeline") && s.pullRequest() != null && !s.pullRequest().isEmpty();
    }

    /**
     * The scenario with GitLab's defaults filled in, as plans report it: the pipeline source ({@code push},
     * or {@code merge_request_event} for a merge request), the branch (none in a tag pipeline; the default
     * branch when not given) and the default branch.
     */
    public static Scenario effective(Scenario s) {
        String source = source(s);
        String branch = s.branch();
        boolean mr = mergeRequest(s);
        boolean tag = s.tag() != null && !s.tag().isEmpty() && !mr;
        if (tag) {
            branch = null;
        } else if (branch == null || branch.isEmpty()) {
            branch = mr ? "feature" : s.effectiveDefaultBranch();
        }
        return new Scenario(branch, tag ? s.tag() : null, s.message(), source, s.pullRequest(),
                s.effectiveDefaultBranch(), s.variables());
    }

    /** Predefined variables for the scenario, then the scenario's own variables over them. */
    public static Map<String, String> of(Scenario s) {
        Map<String, String> v = new LinkedHashMap<>();
        String defaultBranch = s.effectiveDefaultBranch();
        String source = source(s);
        v.put("CI", "true");
        v.put("GITLAB_CI", "true");
        v.put("CI_PIPELINE_SOURCE", source);
        v.put("CI_DEFAULT_BRANCH", defaultBranch);
        String ref;
        if (mergeRequest(s)) {
            ref = s.branch() == null || s.branch().isEmpty() ? "feature" : s.branch();
            String iid = s.pullRequest() == null || s.pullRequest().isEmpty() ? "1" : s.pullRequest();
            v.put("CI_MERGE_REQUEST_IID", iid);
            v.put("CI_MERGE_REQUEST_ID", iid);
            v.put("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", ref);
            v.put("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", defaultBranch);
            v.put("CI_MERGE_REQUEST_EVENT_TYPE", "detached");
            v.put("CI_MERGE_REQUEST_TITLE", title(s.message()));
            v.put("CI_OPEN_MERGE_REQUESTS", "project!" + iid);
        } else if (s.tag() != null && !s.tag().isEmpty()) {
            ref = s.tag();
            v.put("CI_COMMIT_TAG", ref);
        } else {
            ref = s.branch() == null || s.branch().isEmpty() ? defaultBranch : s.branch();
            v.put("CI_COMMIT_BRANCH", ref);
        }
        v.put("CI_COMMIT_REF_NAME", ref);
        v.put("CI_COMMIT_REF_SLUG", slug(ref));
        v.put("CI_COMMIT_REF_PROTECTED", String.valueOf(v.containsKey("CI_COMMIT_BRANCH") && ref.equals(defaultBranch)));
        String message = s.message() == null ? "" : s.message();
        v.put("CI_COMMIT_MESSAGE", message);
        v.put("CI_COMMIT_TITLE", title(message));
        int nl = message.indexOf('\n');
        v.put("CI_COMMIT_DESCRIPTION", nl < 0 ? "" : message.substring(nl + 1).strip());
        if (source.equals("trigger") || source.equals("pipeline")) {
            v.put("CI_PIPELINE_TRIGGERED", "true");
        }
        for (Map.Entry<String, String> e : s.variables().entrySet()) {
            if (!e.getKey().isEmpty()) {
                v.put(e.getKey(), e.getValue());
            }
        }
        return v;
    }

    private static String title(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** GitLab's {@code CI_COMMIT_REF_SLUG}: lower case, [a-z0-9] kept, others become '-', at most 63 chars, trimmed of '-'. */
    static String slug(String ref) {
        StringBuilder sb = new StringBuilder();
        for (char c : ref.toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
        }
        String out = sb.length() > 63 ? sb.substring(0, 63) : sb.toString();
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) == '-') {
            start++;
        }
        while (end > start && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(start, end);
    }
}
