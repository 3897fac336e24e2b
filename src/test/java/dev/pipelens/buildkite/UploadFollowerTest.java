package dev.pipelens.buildkite;

import dev.pipelens.buildkite.plan.BuildkitePlanner;
import dev.pipelens.corpus.Corpus;
import dev.pipelens.model.CommandStep;
import dev.pipelens.model.Step;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.Scenario;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;
import dev.pipelens.system.Pipelines;
import dev.pipelens.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Uploaded pipelines (issue 14, item 2). Expected answers: Buildkite docs, Dynamic pipelines ("The generated
 * steps are inserted into the running build immediately after the bootstrap step"); agent CLI reference,
 * pipeline upload ("--replace: Replace the rest of the existing pipeline with the steps uploaded");
 * Defining steps ("The upload command will insert the steps ... immediately after the upload step, which means
 * that if you execute it more than once in a single step you'll get those uploads steps appearing in reverse
 * order", buildkite/docs#2108; JuliaLang's "Launch the whitespace builder first" is about when a batch is
 * created, not where it stands). Uploaded env and uploads from a grouped step:
 * <ul>
 *   <li>env: the agent interpolates an uploaded file with its own top-level env block first, each value seeing
 *       the ones before it, pipeline env over the runtime env (buildkite/go-pipeline pipeline.go,
 *       Pipeline.Interpolate / interpolateEnvBlock); Buildkite sets that env on the upload's jobs below their
 *       step env ("the step environment always takes precedence", Buildkite, "Changes to Environment Variable
 *       Precedence", forum.buildkite.community/t/107).</li>
 *   <li>groups: uploaded steps are inserted "immediately after the upload step" (Buildkite docs, Defining steps;
 *       buildkite/docs#2108); groups do not nest ("Sub-groups and nested groups are not supported", Group step),
 *       and an uploaded first group named like the uploading step's group is merged into it ("Group merging",
 *       buildkite/docs#2705).</li>
 * </ul>
 */
class UploadFollowerTest {

    @TempDir
    Path dir;

    private Path repo() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve(".buildkite"));
        return repo;
    }

    private static Plan plan(Path file, Scenario s) {
        return Pipelines.open(file, null, YamlLimits.DEFAULT).plan(s);
    }

    private static List<String> ids(Plan p) {
        return p.steps().stream().map(PlannedStep::id).toList();
    }

    private static List<String> codes(Plan p) {
        return p.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void uploadedStepsAreInsertedRightAfterTheUploadingStepSoLaterUploadsComeFirst() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".buildkite/a.yml"), "steps:\n  - {key: a1, command: x}\n  - {key: a2, command: x}\n");
        Files.writeString(repo.resolve(".buildkite/b.yml"), "- {key: b1, command: \"echo ${BUILDKITE_BRANCH}\", "
                + "if: build.branch == \"main\"}\n");
        Path file = Files.writeString(repo.resolve(".buildkite/pipeline.yml"), """
                steps:
                  - key: up
                    command: |
                      # comment: buildkite-agent pipeline upload nothing.yml
                      buildkite-agent pipeline upload .buildkite/a.yml
                      buildkite-agent pipeline upload --job "$BUILDKITE_JOB_ID" .buildkite/b.yml
                  - wait
                  - {key: last, command: x}
                """);
        Plan main = plan(file, Scenario.defaults());
        assertEquals(List.of("up", "b1", "a1", "a2", "wait", "last"), ids(main),
                "each upload goes immediately after the upload step: reverse order (buildkite/docs#2108)");
        assertEquals(Outcome.RUNS, main.step("b1").orElseThrow().outcome());
        assertTrue(main.step("wait").orElseThrow().dependsOn().containsAll(List.of("a1", "a2", "b1")),
                "the wait after the uploader waits for the uploaded steps too");
        assertEquals(Outcome.SKIPPED, plan(file, Scenario.defaults().withBranch("dev")).step("b1").orElseThrow().outcome(),
                "uploaded conditions are evaluated in the same scenario");
        assertEquals("echo dev", Pipelines.open(file, null, YamlLimits.DEFAULT) instanceof dev.pipelens.buildkite.plan.BuildkitePlanner bp
                ? ((dev.pipelens.model.CommandStep) bp.pipeline(Scenario.defaults().withBranch("dev")).allSteps().stream()
                        .filter(s -> s.id().equals("b1")).findFirst().orElseThrow()).commands().get(0) : null,
                "uploaded files are interpolated");
    }

    @Test
    void replaceDropsTheRestOfThePipeline() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".buildkite/r.yml"), "steps:\n  - {key: r1, command: x}\n");
        Path file = Files.writeString(repo.resolve(".buildkite/pipeline.yml"),
                "steps:\n  - {key: up, command: buildkite-agent pipeline upload --replace .buildkite/r.yml}\n"
                        + "  - wait\n  - {key: old, command: x}\n");
        assertEquals(List.of("up", "r1"), ids(plan(file, Scenario.defaults())));
    }

    @Test
    void generatedMissingAndOutsideUploadsAreNamedNotFollowed() throws IOException {
        Path repo = repo();
        Files.writeString(dir.resolve("evil.yml"), "steps:\n  - {key: stolen, command: x}\n");
        Files.createSymbolicLink(repo.resolve(".buildkite/link.yml"), dir.resolve("evil.yml"));
        Path file = Files.writeString(repo.resolve(".buildkite/pipeline.yml"), """
                steps:
                  - key: up
                    commands:
                      - ./gen.sh | buildkite-agent pipeline upload
                      - buildkite-agent pipeline upload .buildkite/missing.yml
                      - buildkite-agent pipeline upload ../evil.yml
                      - buildkite-agent pipeline upload .buildkite/link.yml
                """);
        Plan p = plan(file, Scenario.defaults());
        assertEquals(List.of("up"), ids(p));
        assertTrue(codes(p).contains(UploadFollower.DYNAMIC), p.diagnostics().toString());
        assertTrue(codes(p).contains(UploadFollower.NOT_FOUND));
        assertEquals(2, codes(p).stream().filter(UploadFollower.OUTSIDE::equals).count(), p.diagnostics().toString());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().contains("./gen.sh | buildkite-agent pipeline upload")),
                "a dynamic upload names its command");
    }

    @Test
    void uploadLinesAreReadAsTheShellWouldRunThem() {
        assertEquals("x.yml", UploadFollower.upload("buildkite-agent  pipeline upload x.yml && echo done").file());
        assertTrue(UploadFollower.upload("buildkite-agent pipeline upload --replace 'x.yml'").replace());
        assertNull(UploadFollower.upload("# buildkite-agent pipeline upload x.yml"));
        assertNull(UploadFollower.upload("bash .buildkite/platforms.sh tester_linux"));
        assertTrue(UploadFollower.upload("buildkite-agent pipeline upload < gen.yml").dynamic() != null);
    }

    @Test
    void corpusJuliaLaunchFile() {
        Path root = Corpus.root();
        assumeTrue(root != null, "corpus ../shared/corpus absent: skipped");
        Plan p = plan(root.resolve("buildkite/JuliaLang__julia__.buildkite__pipelines__main__launch_unsigned_builders.yml"),
                Scenario.defaults());
        // the corpus keeps the launch file alone: its five uploads are named, in order, as not found
        List<String> missing = p.diagnostics().stream().filter(d -> d.code().equals(UploadFollower.NOT_FOUND))
                .map(Diagnostic::message).toList();
        assertEquals(5, missing.size(), missing.toString());
        assertTrue(missing.get(0).contains("misc/whitespace.yml") && missing.get(4).contains("misc/commit_statuses.yml"));
    }

    private static CommandStep command(Path file, Scenario s, String id) {
        BuildkitePlanner p = (BuildkitePlanner) Pipelines.open(file, null, YamlLimits.DEFAULT);
        Step step = p.pipeline(s).allSteps().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return (CommandStep) step;
    }

    @Test
    void anUploadedFilesEnvInterpolatesItAndSitsUnderItsStepsEnv() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".buildkite/u.yml"), """
                env:
                  TARGET: linux
                  ARCH: "${TARGET}-${TOP}"
                steps:
                  - {key: build, label: "build ${ARCH}", command: "make ${TARGET} on ${BUILDKITE_BRANCH}"}
                  - {key: own, command: "echo $TARGET", env: {TARGET: win}}
                """);
        Path file = Files.writeString(repo.resolve(".buildkite/pipeline.yml"), """
                env:
                  TOP: x64
                  TARGET: mac
                steps:
                  - {key: up, command: "buildkite-agent pipeline upload .buildkite/u.yml"}
                  - {key: mine, command: "make ${TARGET}"}
                """);
        Scenario s = Scenario.defaults().withBranch("dev");
        CommandStep build = command(file, s, "build");
        assertEquals("make linux on dev", build.commands().get(0), "the file's own env first, then the runtime env");
        assertEquals("build linux-x64", build.info().label());
        assertEquals("linux", build.env().get("TARGET"));
        assertEquals("linux-x64", build.env().get("ARCH"));
        assertEquals("win", command(file, s, "own").env().get("TARGET"), "a step's own env wins");
        assertEquals("echo linux", command(file, s, "own").commands().get(0),
                "step env is not interpolation env: the file's env is");
        CommandStep mine = command(file, s, "mine");
        assertEquals("make mac", mine.commands().get(0), "the uploaded env stays with the uploaded steps");
        assertNull(mine.env().get("ARCH"));
    }

    @Test
    void anUploadFromAGroupedStepLandsAfterTheGroupOrMergesIntoIt() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".buildkite/more.yml"), "steps:\n  - {key: extra, command: x}\n");
        Files.writeString(repo.resolve(".buildkite/same.yml"), """
                steps:
                  - group: Tests
                    steps:
                      - {key: merged, command: x}
                  - {key: outside, command: x}
                """);
        Path file = Files.writeString(repo.resolve(".buildkite/pipeline.yml"), """
                steps:
                  - group: Tests
                    key: tests
                    steps:
                      - key: gen
                        commands:
                          - buildkite-agent pipeline upload .buildkite/more.yml
                          - buildkite-agent pipeline upload .buildkite/same.yml
                      - {key: t2, command: x}
                  - wait
                  - {key: deploy, command: x}
                """);
        Plan plan = Pipelines.open(file, null, YamlLimits.DEFAULT).plan(Scenario.defaults());
        List<String> ids = plan.steps().stream().map(PlannedStep::id).toList();
        assertEquals("tests", plan.step("merged").orElseThrow().group(), ids.toString());
        assertEquals("tests", plan.step("gen").orElseThrow().group());
        assertNull(plan.step("extra").orElseThrow().group(), "groups do not nest: the uploaded step is not in Tests");
        assertNull(plan.step("outside").orElseThrow().group());
        assertEquals(List.of("tests", "gen", "merged", "t2", "outside", "extra", "wait", "deploy"), ids);
        assertEquals(true, plan.step("wait").orElseThrow().dependsOn().containsAll(List.of("extra", "outside")),
                "the wait after the group waits for the uploaded steps too");
    }
}
