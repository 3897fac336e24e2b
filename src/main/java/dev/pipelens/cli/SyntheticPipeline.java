package dev.pipelens.cli;

/**
 * Generates a realistic Buildkite pipeline of about {@code n} steps for benchmarks: groups of a dozen
 * steps with waits inside, explicit {@code depends_on} chains, conditions on NIGHTLY, branches and tags,
 * block and input gates, matrix steps, and {@code $VAR} interpolation in commands (so re-planning goes
 * through the interpolating path, the slower one). Deterministic for a given {@code n}.
 */
public final class SyntheticPipeline {

    private SyntheticPipeline() {
    }

    public static String buildkite(int n) {
        StringBuilder sb = new StringBuilder(n * 160);
        sb.append("env:\n  REGISTRY: \"registry.example.com\"\nsteps:\n");
        int made = 0;
        int group = 0;
        while (made + 2 < n) { // room for a group and at least one step in it
            if (group % 5 == 4) {
                sb.append("  - block: \"Approve batch ").append(group).append("\"\n");
                sb.append("    key: approve-").append(group).append('\n');
                sb.append("    if: build.env(\"NIGHTLY\") != \"1\"\n");
                made++;
            } else if (group % 7 == 6) {
                sb.append("  - wait\n");
                made++;
            }
            sb.append("  - group: \":hammer: Batch ").append(group).append("\"\n");
            sb.append("    key: batch-").append(group).append('\n');
            if (group > 0 && group % 3 == 0) {
                sb.append("    depends_on: batch-").append(group - 1).append('\n');
            }
            sb.append("    steps:\n");
            made++;
            for (int i = 0; i < 12 && made < n; i++, made++) {
                String key = "s" + group + "-" + i;
                if (i == 6) {
                    sb.append("      - wait\n");
                    continue;
                }
                sb.append("      - label: \":test_tube: Step ").append(key).append("\"\n");
                sb.append("        key: ").append(key).append('\n');
                sb.append("        command: \"make test-").append(i).append(" IMAGE=$REGISTRY/app:$BUILDKITE_COMMIT\"\n");
                switch (i % 6) {
                    case 1 -> sb.append("        if: build.env(\"NIGHTLY\") == \"1\"\n");
                    case 2 -> sb.append("        if: build.branch == \"main\" || build.tag =~ /^v[0-9]+/\n");
                    case 3 -> sb.append("        depends_on: s").append(group).append("-0\n");
                    case 4 -> sb.append("        branches: \"main release/*\"\n");
                    case 5 -> sb.append("        matrix: [\"linux\", \"macos\"]\n        soft_fail: true\n");
                    default -> sb.append("        agents:\n          queue: default\n");
                }
            }
            group++;
        }
        return sb.toString();
    }

    /**
     * A GitLab CI pipeline of about {@code n} jobs: five stages, a hidden template reached with
     * {@code extends}, workflow rules, first-match rules with {@code when: never}, {@code needs} chains,
     * a blocking manual gate per batch, and parallel jobs. Deterministic for a given {@code n}.
     */
    public static String gitlab(int n) {
        StringBuilder sb = new StringBuilder(n * 200);
        sb.append("stages: [build, test, package, review, deploy]\n");
        sb.append("workflow:\n  rules:\n    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n"
                + "    - if: $CI_COMMIT_BRANCH\n    - if: $CI_COMMIT_TAG\n");
        sb.append(".base:\n  image: alpine\n  before_script: [\"echo setup\"]\n  retry: 1\n");
        String[] stages = {"build", "test", "package", "review", "deploy"};
        for (int i = 0; i < n; i++) {
            int batch = i / 10;
            String stage = stages[(i % 10) / 2];
            sb.append("job-").append(i).append(":\n  extends: .base\n  stage: ").append(stage).append('\n');
            sb.append("  script: [\"make target-").append(i).append("\"]\n");
            switch (i % 10) {
                case 1 -> sb.append("  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n"
                        + "    - if: $SKIP_SLOW == \"true\"\n      when: never\n    - if: $CI_COMMIT_BRANCH\n");
                case 3 -> sb.append("  needs: [job-").append(i - 1).append("]\n");
                case 4 -> sb.append("  parallel: 3\n");
                case 6 -> sb.append("  rules:\n    - if: $NIGHTLY == \"1\"\n    - when: never\n");
                case 7 -> sb.append("  rules:\n    - if: $CI_COMMIT_TAG\n      when: manual\n");
                case 9 -> sb.append("  when: manual\n  allow_failure: true\n");
                default -> {
                    if (batch > 0 && i % 10 == 0) {
                        sb.append("  needs: [job-").append(i - 8).append("]\n");
                    }
                }
            }
        }
        return sb.toString();
    }
}
