package dev.pipelens.buildkite.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each lint of issue 6, on a small pipeline where it must fire (with its line) and one where it must not.
 * Rows: code | pipeline (\n escaped) | expected line, or 0 for "must not fire".
 */
class BuildkiteLintTest {

    @ParameterizedTest(name = "{0} line {2}")
    @CsvSource(delimiter = '|', textBlock = """
        bk-lint-bypasses-gate       | steps:\\n  - key: a\\n    command: x\\n  - block: ok\\n  - key: b\\n    command: y\\n    depends_on: a\\n | 5
        bk-lint-bypasses-gate       | steps:\\n  - key: a\\n    command: x\\n  - block: ok\\n    key: gate\\n  - key: b\\n    command: y\\n    depends_on: [a, gate]\\n | 0
        bk-lint-bypasses-gate       | steps:\\n  - block: ok\\n  - key: a\\n    command: x\\n  - key: b\\n    command: y\\n    depends_on: a\\n | 0
        bk-lint-bypasses-gate       | steps:\\n  - command: x\\n  - block: ok\\n  - key: b\\n    command: y\\n    depends_on: ~\\n | 0
        bk-lint-no-effect           | steps:\\n  - key: a\\n    command: x\\n    allow_dependency_failure: true\\n | 2
        bk-lint-no-effect           | steps:\\n  - key: a\\n    command: x\\n  - key: b\\n    command: y\\n    depends_on: a\\n    allow_dependency_failure: true\\n | 0
        bk-lint-no-effect           | steps:\\n  - key: a\\n    command: x\\n    soft_fail: true\\n  - key: b\\n    command: y\\n    depends_on:\\n      - step: a\\n        allow_failure: true\\n | 8
        bk-lint-vanishing-barrier   | steps:\\n  - command: plan\\n  - block: go\\n    if: build.branch == "main"\\n  - wait\\n  - command: apply\\n | 5
        bk-lint-vanishing-barrier   | steps:\\n  - command: plan\\n  - wait\\n    if: build.branch != "main"\\n  - block: go\\n    if: build.branch == "main"\\n  - command: apply\\n | 0
        bk-lint-interpolated-if     | steps:\\n  - command: x\\n    if: $NIGHTLY == "true"\\n | 3
        bk-lint-interpolated-if     | steps:\\n  - command: x\\n    if: build.env("NIGHTLY") == "true"\\n | 0
        bk-lint-constant-condition  | steps:\\n  - command: x\\n    if: build.tag == ""\\n | 3
        bk-lint-constant-condition  | steps:\\n  - command: x\\n    if: build.tag != null\\n | 0
        bk-lint-input-holds-nothing | steps:\\n  - input: who\\n    key: who\\n  - command: x\\n | 2
        bk-lint-input-holds-nothing | steps:\\n  - input: who\\n    key: who\\n  - command: x\\n    depends_on: who\\n | 0
        """)
    void lint(String code, String yaml, int line) {
        String text = yaml.replace("\\n", "\n");
        BuildkitePlanner planner = BuildkitePlanner.load("p.yml", new YamlLoader().parse(text, "p.yml"));
        List<Diagnostic> found = planner.lint().stream().filter(d -> d.code().equals(code)).toList();
        if (line == 0) {
            assertEquals(List.of(), found);
        } else {
            assertEquals(1, found.size(), () -> "expected one " + code + " in " + planner.lint());
            assertEquals(line, found.get(0).span().line(), found.get(0)::toString);
        }
    }
}
