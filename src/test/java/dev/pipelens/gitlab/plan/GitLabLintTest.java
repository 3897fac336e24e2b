package dev.pipelens.gitlab.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GitLab rules that can never be reached. Rows: code | .gitlab-ci.yml (\n escaped) | line, or 0 for none. */
class GitLabLintTest {

    @ParameterizedTest(name = "{0} line {2}")
    @CsvSource(delimiter = '|', textBlock = """
        gl-lint-unreachable-rule | job:\\n  script: x\\n  rules:\\n    - when: always\\n    - if: $A\\n      when: never\\n | 5
        gl-lint-unreachable-rule | job:\\n  script: x\\n  rules:\\n    - if: $A\\n      when: never\\n    - when: always\\n | 0
        gl-lint-unreachable-rule | workflow:\\n  rules:\\n    - when: always\\n    - if: $CI_COMMIT_TAG\\njob:\\n  script: x\\n | 4
        gl-lint-duplicate-rule   | job:\\n  script: x\\n  rules:\\n    - if: $A == "1"\\n    - if: $A  ==  "1"\\n      when: manual\\n | 5
        gl-lint-duplicate-rule   | job:\\n  script: x\\n  rules:\\n    - if: $A == "1"\\n      changes: [a]\\n    - if: $A == "1"\\n | 0
        """)
    void lint(String code, String yaml, int line) {
        String text = yaml.replace("\\n", "\n");
        GitLabPlanner planner = GitLabPlanner.load(".gitlab-ci.yml", new YamlLoader().parse(text, ".gitlab-ci.yml"), Path.of("."));
        List<Diagnostic> found = planner.lint().stream().filter(d -> d.code().equals(code)).toList();
        if (line == 0) {
            assertEquals(List.of(), found);
        } else {
            assertEquals(1, found.size(), () -> "expected one " + code + " in " + planner.lint());
            assertEquals(line, found.get(0).span().line(), found.get(0)::toString);
        }
    }
}
