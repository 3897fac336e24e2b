package dev.pipelens.plan;

import dev.pipelens.model.Scenario;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan --scenarios auto} finds a column where a step needing a conjunction, a build fact or a regex
 * example runs. Rows: file (corpus files under ../shared/corpus, or inline YAML with \n) | step | outcomes
 * that count as "in the build there" (space-separated).
 */
class ScenarioDiscoveryTest {

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = '|', textBlock = """
        gitlab/f-droid__fdroidserver__.gitlab-ci.yml | debian_testing                    | runs
        gitlab/f-droid__fdroidserver__.gitlab-ci.yml | ubuntu_lts_ppa                    | runs
        gitlab/f-droid__fdroidserver__.gitlab-ci.yml | macOS                             | runs
        gitlab/f-droid__fdroidserver__.gitlab-ci.yml | servergitmirrors                  | runs
        gitlab/f-droid__fdroidserver__.gitlab-ci.yml | docker                            | runs
        gitlab/f-droid__fdroidserver__.gitlab-ci.yml | safety                            | runs
        gitlab/GNOME__glib__.gitlab-ci.yml           | check-introspection-fedora-x86_64 | runs delayed
        gitlab/whot__libinput__.gitlab-ci.yml        | wayland-web                       | runs
        bk:steps:\\n  - key: ui\\n    command: x\\n    if: build.source == "ui" && build.env("DEPLOY") == "yes"\\n | ui | runs
        bk:steps:\\n  - key: msg\\n    command: x\\n    if: build.message =~ /\\\\[deploy( prod)?\\\\]/i\\n | msg | runs
        bk:steps:\\n  - key: draft\\n    command: x\\n    if: build.pull_request.draft && build.pull_request.repository.fork\\n | draft | runs
        bk:steps:\\n  - key: rel\\n    command: x\\n    if: build.tag =~ /^v[0-9]+\\\\.[0-9]+$/ && build.branch !~ /^main$/\\n | rel | runs
        gl:a:\\n  script: x\\n  rules:\\n    - if: $CI_COMMIT_BRANCH == "release" && $CHANNEL =~ /^beta-[0-9]+$/\\n | a | runs
        gl:a:\\n  script: x\\n  only:\\n    refs: [/^stable-.*$/]\\n    variables: [$CI_PROJECT_PATH == "g/p"]\\n | a | runs
        """)
    void someColumnRunsTheStep(String file, String step, String outcomes, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path path;
        dev.pipelens.model.CiSystem system = null;
        if (file.startsWith("bk:") || file.startsWith("gl:")) {
            path = dir.resolve(file.startsWith("bk:") ? "pipeline.yml" : ".gitlab-ci.yml");
            Files.writeString(path, file.substring(3).replace("\\n", "\n").replace("\\\\", "\\"));
            system = file.startsWith("bk:") ? dev.pipelens.model.CiSystem.BUILDKITE : dev.pipelens.model.CiSystem.GITLAB;
        } else {
            path = Path.of("../shared/corpus").resolve(file);
            Assumptions.assumeTrue(Files.exists(path), "corpus not present: " + path);
        }
        PipelinePlanner planner = Pipelines.open(path, system, YamlLimits.DEFAULT);
        List<NamedScenario> columns = ScenarioMatrix.covering(planner, Scenario.defaults());
        List<String> seen = new ArrayList<>();
        for (NamedScenario c : columns) {
            Plan plan = planner.plan(c.scenario());
            assertNotNull(plan);
            plan.step(step).ifPresent(s -> seen.add(c.name() + ": " + s.outcome().id()));
            if (plan.created() && plan.step(step).map(s -> List.of(outcomes.split(" ")).contains(s.outcome().id())).orElse(false)) {
                return;
            }
        }
        throw new AssertionError(step + " is never " + outcomes + " in " + seen);
    }
}
