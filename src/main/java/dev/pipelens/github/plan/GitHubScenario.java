package dev.pipelens.github.plan;

import dev.pipelens.github.expr.GhValue;
import dev.pipelens.github.expr.Json;
import dev.pipelens.model.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitHub facts of a {@link Scenario}. The build facts map onto the event (spec 4.2): {@code source} is
 * the event name (default {@code push}), {@code branch}/{@code tag} the pushed ref, {@code pullRequest} a
 * pull request from {@code branch} into the default branch. GitHub's other inputs travel in the
 * scenario's variables under reserved names, so the CLI, the window and saved scenarios carry them alike:
 * <ul>
 * <li>{@code inputs.NAME}: a {@code workflow_dispatch}/{@code workflow_call} input ({@code --input});</li>
 * <li>{@code environment.NAME}: that environment's protection, rules joined by {@code ;}: {@code reviewers},
 *     {@code wait:MINUTES}, {@code branches:P1,P2}, {@code tags:P1,P2} ({@code --environment});</li>
 * <li>{@code needs.JOB.outputs.NAME}: a job output's value, unknown to a static plan otherwise;</li>
 * <li>{@value #CHANGED_FILES}: comma-separated changed paths ({@code --changed-files});</li>
 * <li>{@value #EVENT}: JSON merged over the generated event payload ({@code --event FILE});</li>
 * <li>{@value #REPOSITORY}: the repository {@code owner/name} (default {@code owner/repo}), for conditions
 *     such as {@code github.repository == 'numpy/numpy'} that keep forks from running a job;</li>
 * <li>any other name without a dot: the configuration variable {@code vars.NAME} ({@code --var}).</li>
 * </ul>
 */
public final class GitHubScenario {

    /** Variable holding comma-separated changed paths (shared with GitLab). */
    public static final String CHANGED_FILES = "PIPELENS_CHANGED_FILES";
    /** Variable holding an event payload (JSON) to merge over the generated one. */
    public static final String EVENT = "PIPELENS_EVENT";
    public static final String INPUT_PREFIX = "inputs.";
    /** Variable naming the repository ({@code github.repository}). */
    public static final String REPOSITORY = "github.repository";
    public static final String ENVIRONMENT_PREFIX = "environment.";

    final Scenario scenario;
    final String event;
    final String defaultBranch;
    final Map<String, String> inputs = new LinkedHashMap<>();
    final Map<String, String> vars = new LinkedHashMap<>();
    final Map<String, String> environments = new LinkedHashMap<>();
    final Map<String, String> outputs = new LinkedHashMap<>();
    final List<String> changedFiles;
    final GhValue.Obj eventOverlay;
    final String eventError;
    final String repository;

    GitHubScenario(Scenario s) {
        this.scenario = s;
        this.event = s.source() == null || s.source().isBlank() ? (s.pullRequest() != null ? "pull_request" : "push")
                : s.source().strip();
        this.defaultBranch = s.effectiveDefaultBranch();
        String changed = null;
        String eventJson = null;
        String repo = "owner/repo";
        for (Map.Entry<String, String> e : s.variables().entrySet()) {
            String k = e.getKey();
            if (k.startsWith(INPUT_PREFIX)) {
                inputs.put(k.substring(INPUT_PREFIX.length()), e.getValue());
            } else if (k.startsWith(ENVIRONMENT_PREFIX)) {
                environments.put(k.substring(ENVIRONMENT_PREFIX.length()), e.getValue());
            } else if (k.startsWith("needs.")) {
                outputs.put(k, e.getValue());
            } else if (k.equals(CHANGED_FILES)) {
                changed = e.getValue();
            } else if (k.equals(REPOSITORY)) {
                repo = e.getValue();
            } else if (k.equals(EVENT)) {
                eventJson = e.getValue();
            } else if (k.startsWith("vars.")) {
                vars.put(k.substring(5), e.getValue());
            } else if (!k.contains(".")) {
                vars.put(k, e.getValue());
            }
        }
        this.repository = repo;
        this.changedFiles = changed == null ? null : split(changed);
        GhValue.Obj overlay = null;
        String error = null;
        if (eventJson != null && !eventJson.isBlank()) {
            try {
                GhValue v = Json.parse(eventJson);
                if (v instanceof GhValue.Obj o) {
                    overlay = o;
                } else {
                    error = "the event payload is not a JSON object";
                }
            } catch (IllegalArgumentException ex) {
                error = "the event payload is not JSON: " + ex.getMessage();
            }
        }
        this.eventOverlay = overlay;
        this.eventError = error;
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("[,\n]")) {
            String t = p.strip();
            if (!t.isEmpty()) {
                out.add(t.startsWith("./") ? t.substring(2) : t);
            }
        }
        return out;
    }

    /** The pull request number, when the event is a pull request. */
    String pullRequestNumber() {
        return scenario.pullRequest() == null || scenario.pullRequest().isBlank() ? "1" : scenario.pullRequest().strip();
    }

    boolean isPullRequest() {
        return event.equals("pull_request") || event.equals("pull_request_target");
    }
}
