package dev.pipelens.buildkite.expr;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link MapBuildkiteContext} from the compact context column of buildkite-conditions.csv:
 * {@code -} is the base context of spec 10.1 (push to main, webhook, build 42, NIGHTLY=true, EMPTY="");
 * otherwise comma-separated overrides such as {@code branch=v1,tag=v1,env.X=1,!env.NIGHTLY}.
 */
final class ContextSpec {

    private ContextSpec() {
    }

    static MapBuildkiteContext parse(String spec) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("branch", "main");
        facts.put("commit", "abc123");
        facts.put("source", "webhook");
        facts.put("number", "42");
        facts.put("message", "Fix bug");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NIGHTLY", "true");
        env.put("EMPTY", "");
        String trimmed = spec.strip();
        if (!trimmed.equals("-")) {
            for (String entry : trimmed.split(",")) {
                if (entry.startsWith("!env.")) {
                    env.remove(entry.substring(5));
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("bad context entry: " + entry);
                }
                String key = entry.substring(0, eq);
                String value = entry.substring(eq + 1);
                if (key.startsWith("env.")) {
                    env.put(key.substring(4), value);
                } else {
                    facts.put(key, value);
                }
            }
        }
        MapBuildkiteContext.Builder builder = MapBuildkiteContext.builder()
                .branch(facts.get("branch"))
                .tag(facts.get("tag"))
                .message(facts.get("message"))
                .commit(facts.get("commit"))
                .source(facts.get("source"))
                .pullRequestId(facts.get("pr"))
                .pullRequestBaseBranch(facts.get("base"))
                .pullRequestDraft(facts.containsKey("draft") ? Boolean.valueOf(facts.get("draft")) : null)
                .pullRequestLabels(facts.containsKey("labels") ? Arrays.asList(facts.get("labels").split(";")) : null)
                .pipelineSlug(facts.get("slug"))
                .defaultBranch(facts.get("default"))
                .organizationSlug(facts.get("org"))
                .buildNumber(facts.containsKey("number") ? Long.valueOf(facts.get("number")) : null)
                .env(env);
        return builder.build();
    }
}
