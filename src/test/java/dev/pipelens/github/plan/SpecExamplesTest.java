package dev.pipelens.github.plan;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every worked example of github-actions-semantics.md section 8 as data: one folder per example under
 * {@code src/test/resources/github/examples}, with its workflow files and {@code cases.txt}, a line per
 * scenario: {@code FILE | scenario options | created|not-created|invalid:CODE job=outcome jobs:job=N ...}.
 */
class SpecExamplesTest {

    static final Path ROOT = Path.of("src/test/resources/github/examples");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.sorted().toList()) {
                int n = 0;
                for (String line : Files.readAllLines(dir.resolve("cases.txt"))) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\\s*\\|\\s*", -1);
                    out.add(Arguments.of(dir.getFileName() + " #" + (++n), dir.resolve(f[0].strip()), f[1].strip(), f[2].strip()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @MethodSource("cases")
    void planMatchesTheSpec(String name, Path file, String options, String expected) {
        GitHubPlanner planner = GitHubPlanner.load(file.toString(), new YamlLoader().load(file), file);
        Plan plan = planner.plan(scenario(options));
        String[] want = expected.split("\\s+");
        String head = want[0];
        if (head.startsWith("invalid:")) {
            String code = head.substring("invalid:".length());
            assertTrue(plan.diagnostics().stream().anyMatch(d -> d.isError() && d.code().equals(code)),
                    "expected error " + code + ", got " + plan.diagnostics());
            assertEquals(false, plan.created());
        } else {
            assertTrue(plan.diagnostics().stream().noneMatch(Diagnostic::isError), () -> "unexpected errors "
                    + plan.diagnostics());
            assertEquals(head.equals("created"), plan.created(), () -> "created? " + plan.pipelineReasons());
        }
        Map<String, PlannedStep> steps = plan.stepsById();
        for (int i = 1; i < want.length; i++) {
            String w = want[i];
            boolean count = w.startsWith("jobs:");
            String[] kv = (count ? w.substring(5) : w).split("=", 2);
            PlannedStep s = steps.get(kv[0]);
            assertTrue(s != null, "no step " + kv[0] + " in " + steps.keySet());
            if (count) {
                assertEquals(Integer.parseInt(kv[1]), s.jobs(), kv[0] + " jobs; reasons " + s.reasons());
            } else {
                assertEquals(kv[1], s.outcome().id(), kv[0] + ": reasons " + s.reasons());
            }
        }
    }

    /** The CLI's scenario options, in a small form: quotes with '...', {@code --set NAME=VALUE} for any variable. */
    static Scenario scenario(String options) {
        Scenario s = new Scenario(null, null, null, null, null, null, Map.of());
        Map<String, String> vars = new LinkedHashMap<>();
        List<String> t = tokens(options);
        for (int i = 0; i + 1 < t.size(); i += 2) {
            String v = t.get(i + 1);
            switch (t.get(i)) {
                case "--branch" -> s = s.withBranch(v);
                case "--tag" -> s = s.withTag(v);
                case "--source" -> s = s.withSource(v);
                case "--pull-request" -> s = s.withPullRequest(v);
                case "--message" -> s = s.withMessage(v.replace("\\n", "\n"));
                case "--default-branch" -> s = s.withDefaultBranch(v);
                case "--input" -> vars.put("inputs." + v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                case "--var", "--set" -> vars.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                case "--environment" -> vars.merge("environment." + v.substring(0, v.indexOf('=')),
                        v.substring(v.indexOf('=') + 1), (a, b) -> a + ";" + b);
                case "--changed-files" -> vars.put(GitHubScenario.CHANGED_FILES, v);
                case "--event-json" -> vars.put(GitHubScenario.EVENT, v);
                default -> throw new IllegalArgumentException("unknown option " + t.get(i));
            }
        }
        return s.withVariables(vars);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                out.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = text.indexOf(' ', i);
                end = end < 0 ? text.length() : end;
                out.add(text.substring(i, end));
                i = end;
            }
        }
        return out;
    }
}
