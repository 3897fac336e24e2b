package dev.pipelens;

import dev.pipelens.buildkite.Interpolation;
import dev.pipelens.buildkite.InterpolationException;
import dev.pipelens.expr.ExpressionException;
import dev.pipelens.buildkite.expr.BuildkiteConditions;
import dev.pipelens.buildkite.expr.CompiledCondition;
import dev.pipelens.buildkite.expr.MapBuildkiteContext;
import dev.pipelens.gitlab.expr.GitLabExpression;
import dev.pipelens.model.CiSystem;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.PipelinePlanner;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlDocument;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 15: a seeded, grammar-aware fuzz of the YAML loader, both expression languages and interpolation.
 * Inputs are built from each language's own tokens (so most get deep into the parser), with nesting and
 * repetition up to thousands, plus random bytes. The property: bad input is reported (a diagnostic, an
 * {@link ExpressionException}, an {@link InterpolationException}, an invalid expression), never thrown as
 * anything else, never a stack overflow. Fixed seeds: a failure names its seed and input to reproduce.
 * Counts keep the whole class well under a minute.
 */
@Timeout(120)
class GrammarFuzzTest {

    private static final long SEED = 0x15_15_15L;

    /** Builds text from {@code tokens}, sometimes wrapping a part in {@code open}/{@code close} up to thousands deep. */
    private static String generate(Random r, String[] tokens, String open, String close) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 25);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(12) == 0) {
                int depth = r.nextInt(10) == 0 ? 1000 + r.nextInt(3000) : r.nextInt(8);
                sb.append(open.repeat(depth)).append(tokens[r.nextInt(tokens.length)]);
                if (r.nextBoolean()) {
                    sb.append(close.repeat(depth - (r.nextInt(5) == 0 ? r.nextInt(depth + 1) : 0)));
                }
            } else {
                sb.append(tokens[r.nextInt(tokens.length)]);
            }
        }
        return sb.toString();
    }

    private static void check(String what, long seed, String input, Runnable action) {
        try {
            action.run();
        } catch (StackOverflowError | OutOfMemoryError e) {
            fail(what + " seed " + seed + ": " + e + " on input of " + input.length() + " chars: " + shorten(input));
        } catch (RuntimeException e) {
            throw new AssertionError(what + " seed " + seed + ": threw " + e + " on: " + shorten(input), e);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    }

    private static final String[] YAML = {"steps:", "\n", "\n  ", "  - ", "- ", ": ", ":", "key: a", "command: x", "depends_on: ",
            "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a", "!!str ", "!!binary ", "!foo ", "!reference [a, b]", "'", "\"",
            "\\", "|\n  ", ">-\n  ", "# c\n", "---\n", "...\n", "%YAML 1.2\n", "? ", "\t", "~", "null", "true", "0x1F", "1e3",
            "\uFEFF", "é", "😀", "\u0000", "\u0085", "label: \"${X:-y}\"", "if: build.branch == \"main\"", "env:\n  A: b\n"};

    @Test
    void yamlLoaderReportsNeverThrows() {
        Random seeds = new Random(SEED);
        YamlLoader loader = new YamlLoader();
        for (int i = 0; i < 1500; i++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            String text = r.nextInt(8) == 0 ? randomBytesAsText(r) : generate(r, YAML, r.nextBoolean() ? "[" : "{", r.nextBoolean() ? "]" : "}");
            check("yaml", seed, text, () -> {
                YamlDocument doc = loader.parse(text.getBytes(StandardCharsets.UTF_8), "fuzz.yml");
                assertNotNull(doc.diagnostics());
                assertTrue(doc.root() != null || doc.diagnostics().stream().anyMatch(Diagnostic::isError),
                        "no root means a located error says why");
            });
        }
    }

    @Test
    void wholePipelinesPlanAndLintWithoutThrowing() {
        Random seeds = new Random(SEED + 1);
        YamlLoader loader = new YamlLoader();
        for (int i = 0; i < 300; i++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            boolean gitlab = r.nextBoolean();
            String text = (gitlab ? "t:\n  script: x\n  " : "steps:\n  - ") + generate(r, YAML, "[", "]");
            check("pipeline", seed, text, () -> {
                YamlDocument doc = loader.parse(text, gitlab ? ".gitlab-ci.yml" : "pipeline.yml");
                PipelinePlanner planner = Pipelines.open(Path.of(doc.file()), doc, gitlab ? CiSystem.GITLAB : CiSystem.BUILDKITE);
                if (!planner.unusable()) {
                    assertNotNull(planner.plan(Scenario.defaults()));
                    assertNotNull(planner.lint());
                }
            });
        }
    }

    private static final String[] CONDITION = {"build.branch", "build.tag", "build.message", "build.pull_request.id",
            "pipeline.default_branch", "build.env(\"X\")", " == ", " != ", " =~ ", " !~ ", " && ", " || ", "!", "(", ")",
            "[", "]", ", ", " includes ", " ? ", " : ", "\"main\"", "'x'", "/^v\\d+/", "/(a+)+$/i", "/[/", "null", "true",
            "false", "42", "0777", "99999999999999999999", "$(echo)", "\"${X}\"", " ", "build.", "..", "\\", "\""};

    @Test
    void buildkiteConditionsCompileOrReportNeverThrowOtherwise() {
        Random seeds = new Random(SEED + 2);
        MapBuildkiteContext context = MapBuildkiteContext.builder().branch("main").tag("v1").message("m").build();
        for (int i = 0; i < 3000; i++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            String text = generate(r, CONDITION, r.nextInt(3) == 0 ? "!" : "(", ")");
            check("buildkite if", seed, text, () -> {
                try {
                    CompiledCondition c = BuildkiteConditions.compile(text);
                    assertNotNull(c.evaluate(context));
                    assertNotNull(c.variables());
                } catch (ExpressionException e) {
                    assertTrue(e.offset() >= 0 && e.offset() <= text.length(), "offset inside the text: " + e.offset());
                }
            });
        }
    }

    private static final String[] GITLAB = {"$CI_COMMIT_BRANCH", "$X", "${X}", "$CI_DEFAULT_BRANCH", " == ", " != ", " =~ ", " !~ ",
            " && ", " || ", "(", ")", "\"main\"", "'x'", "/^v\\d+/i", "/(a+)+$/", "/[/", "null", " ", "!", "1", "\""};

    @Test
    void gitlabExpressionsParseOrCarryAnErrorNeverThrow() {
        Random seeds = new Random(SEED + 3);
        Map<String, String> vars = Map.of("CI_COMMIT_BRANCH", "main", "X", "aaaa", "CI_DEFAULT_BRANCH", "main");
        for (int i = 0; i < 3000; i++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            String text = generate(r, GITLAB, "(", ")");
            check("gitlab if", seed, text, () -> {
                GitLabExpression e = GitLabExpression.parse(text);
                assertNotNull(e.evaluate(vars::get));
                assertTrue(e.isValid() || e.error().offset() >= 0, "an error has a place");
            });
        }
    }

    private static final String[] INTERPOLATION = {"$X", "${X}", "${X:-", "${X-", "${X?", "${X:1}", "${X:1:2}", "${X:-1}",
            "${X%a}", "${X##*}", "}", "$$", "\\$", "$(", "$", "{", "text", " ", "${", "${1}", "${X:a}", "${Y:-${X}}"};

    @Test
    void interpolationExpandsOrReportsNeverThrowsOtherwise() {
        Random seeds = new Random(SEED + 4);
        Map<String, String> vars = Map.of("X", "x".repeat(1000), "Y", "");
        for (int i = 0; i < 3000; i++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            String text = generate(r, INTERPOLATION, "${X:-", "}");
            check("interpolation", seed, text, () -> {
                try {
                    assertNotNull(Interpolation.expand(text, vars::get));
                    assertNotNull(Interpolation.referencedNames(text));
                } catch (InterpolationException e) {
                    assertTrue(e.offset() >= 0 && e.offset() <= text.length(), "offset inside the text: " + e.offset());
                }
            });
        }
    }

    private static String randomBytesAsText(Random r) {
        byte[] b = new byte[r.nextInt(2000)];
        r.nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
