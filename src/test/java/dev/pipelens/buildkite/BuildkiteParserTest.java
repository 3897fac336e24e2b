package dev.pipelens.buildkite;

import dev.pipelens.model.BlockStep;
import dev.pipelens.model.CommandStep;
import dev.pipelens.model.Dependency;
import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.GroupStep;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.MatrixJob;
import dev.pipelens.model.Pipeline;
import dev.pipelens.model.Step;
import dev.pipelens.model.TriggerStep;
import dev.pipelens.model.UnknownStep;
import dev.pipelens.model.WaitStep;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildkiteParserTest {

    private static BuildkiteParser.Result parse(String yaml) {
        return parse(yaml, Map.of());
    }

    private static BuildkiteParser.Result parse(String yaml, Map<String, String> env) {
        return BuildkiteParser.parse("p.yml", new YamlLoader().parse(yaml, "p.yml").root(),
                top -> new AgentInterpolator(env, top));
    }

    private static List<Step> steps(String yaml) {
        return parse(yaml).pipeline().steps();
    }

    @Test
    void stringShorthandsAndTypeInference() {
        List<Step> s = steps("steps:\n  - wait\n  - block\n  - input\n  - waiter\n  - manual\n"
                + "  - command: a\n  - commands: [b, c]\n  - script: d\n  - plugins: [docker#v1: {}]\n"
                + "  - trigger: other\n  - group: g\n    steps: [{command: x}]\n  - type: script\n    label: typed\n"
                + "  - block: ok\n  - input: name\n  - wait: ~\n    continue_on_failure: true\n");
        assertInstanceOf(WaitStep.class, s.get(0));
        assertInstanceOf(BlockStep.class, s.get(1));
        assertInstanceOf(InputStep.class, s.get(2));
        assertInstanceOf(WaitStep.class, s.get(3));
        assertInstanceOf(BlockStep.class, s.get(4));
        assertEquals(List.of("a"), ((CommandStep) s.get(5)).commands());
        assertEquals(List.of("b", "c"), ((CommandStep) s.get(6)).commands());
        assertEquals(List.of("d"), ((CommandStep) s.get(7)).commands());
        assertInstanceOf(CommandStep.class, s.get(8));
        assertEquals("other", ((TriggerStep) s.get(9)).pipeline());
        assertEquals(1, ((GroupStep) s.get(10)).steps().size());
        assertInstanceOf(CommandStep.class, s.get(11));
        assertEquals("ok", s.get(12).info().label());
        assertEquals("name", s.get(13).info().label());
        assertTrue(((WaitStep) s.get(14)).continueOnFailure());
    }

    @Test
    void keyAliasesAndLabelAliases() {
        List<Step> s = steps("steps:\n  - command: a\n    id: by-id\n    name: Named\n"
                + "  - command: b\n    identifier: by-identifier\n  - command: c\n    key: k\n    label: L\n");
        assertEquals("by-id", s.get(0).info().key());
        assertEquals("Named", s.get(0).info().label());
        assertEquals("by-identifier", s.get(1).id());
        assertEquals("k", s.get(2).id());
    }

    @Test
    void dependsOnInEveryForm() {
        List<Step> s = steps("steps:\n  - command: a\n    depends_on: x\n"
                + "  - command: b\n    depends_on: [x, y]\n"
                + "  - command: c\n    depends_on:\n      - step: x\n        allow_failure: true\n      - y\n"
                + "  - command: d\n    depends_on: ~\n  - command: e\n    depends_on: []\n  - command: f\n");
        assertEquals(List.of(new Dependency("x", false, s.get(0).info().dependsOn().get(0).span())),
                s.get(0).info().dependsOn());
        assertEquals(2, s.get(1).info().dependsOn().size());
        assertTrue(s.get(2).info().dependsOn().get(0).allowFailure());
        assertFalse(s.get(2).info().dependsOn().get(1).allowFailure());
        assertEquals(List.of(), s.get(3).info().dependsOn());
        assertTrue(s.get(3).info().hasExplicitDependencies());
        assertEquals(List.of(), s.get(4).info().dependsOn());
        assertNull(s.get(5).info().dependsOn());
        assertFalse(s.get(5).info().hasExplicitDependencies());
    }

    @Test
    void softFailSkipBranchesAndFlags() {
        List<Step> s = steps("steps:\n  - command: a\n    soft_fail: true\n    skip: \"flaky on arm\"\n"
                + "    branches: \"main release/*\"\n    allow_dependency_failure: true\n"
                + "  - command: b\n    soft_fail:\n      - exit_status: 1\n      - exit_status: 42\n    skip: false\n"
                + "    branches: [main, \"!wip\"]\n  - command: c\n    soft_fail:\n      - exit_status: \"*\"\n    skip: true\n");
        CommandStep a = (CommandStep) s.get(0);
        assertTrue(a.softFail().all());
        assertEquals("flaky on arm", a.info().skip());
        assertEquals(List.of("main", "release/*"), a.info().branches());
        assertTrue(a.info().allowDependencyFailure());
        CommandStep b = (CommandStep) s.get(1);
        assertTrue(b.softFail().softFails(42));
        assertFalse(b.softFail().softFails(2));
        assertNull(b.info().skip());
        assertEquals(List.of("main", "!wip"), b.info().branches());
        assertTrue(((CommandStep) s.get(2)).softFail().all());
        assertEquals("true", s.get(2).info().skip());
    }

    @Test
    void matrixListAndSetupFormsExpandWithLabels() {
        List<Step> s = steps("steps:\n  - label: \"test {{matrix}}\"\n    command: t\n    matrix: [a, b, c]\n"
                + "  - label: \"{{ matrix.os }}-{{matrix.arch}}\"\n    command: t\n    matrix:\n      setup:\n"
                + "        os: [linux, windows]\n        arch: [amd64, arm64]\n      adjustments:\n"
                + "        - with: {os: linux, arch: arm64}\n          skip: true\n"
                + "        - with: {os: plan9, arch: arm64}\n");
        CommandStep list = (CommandStep) s.get(0);
        assertEquals(3, list.jobCount());
        assertEquals("test b", list.matrixJobs().get(1).label());
        CommandStep setup = (CommandStep) s.get(1);
        assertEquals(List.of("linux-amd64", "windows-amd64", "windows-arm64", "plan9-arm64"),
                setup.matrixJobs().stream().map(MatrixJob::label).toList());
    }

    @Test
    void parallelismTriggerBuildBlockFieldsAndEnv() {
        List<Step> s = steps("env:\n  A: one\nsteps:\n  - command: t\n    parallelism: 5\n    env:\n      X: \"$A\"\n"
                + "  - trigger: deploy\n    async: true\n    build:\n      branch: main\n      env: {K: v}\n"
                + "  - block: Release?\n    blocked_state: running\n    fields:\n      - select: Env\n        key: env\n"
                + "        options:\n          - {label: Prod, value: prod}\n      - text: Notes\n        key: notes\n"
                + "        required: false\n");
        assertEquals(5, s.get(0).jobCount());
        assertEquals(Map.of("X", "one"), ((CommandStep) s.get(0)).env());
        TriggerStep t = (TriggerStep) s.get(1);
        assertTrue(t.async());
        assertEquals("main", t.buildBranch());
        BlockStep b = (BlockStep) s.get(2);
        assertEquals("running", b.blockedState());
        assertEquals("select", b.fields().get(0).kind());
        assertEquals(List.of("prod"), b.fields().get(0).options());
        assertFalse(b.fields().get(1).required());
    }

    @Test
    void unknownKeysAreKeptAndFlagged() {
        BuildkiteParser.Result r = parse("steps:\n  - command: t\n    depend_on: typo\n    agents: {queue: q}\n");
        CommandStep c = (CommandStep) r.pipeline().steps().get(0);
        assertEquals(List.of("depend_on", "agents"), c.info().extras().stream().map(e -> e.name()).toList());
        Diagnostic d = r.diagnostics().stream().filter(x -> x.code().equals(BuildkiteCodes.UNKNOWN_KEY)).findFirst()
                .orElseThrow();
        assertEquals(3, d.span().line());
    }

    @Test
    void unknownStepTypesAreKeptWithALocatedError() {
        BuildkiteParser.Result r = parse("steps:\n  - command: a\n  - frobnicate: 1\n  - sleep\n");
        assertInstanceOf(UnknownStep.class, r.pipeline().steps().get(1));
        assertInstanceOf(UnknownStep.class, r.pipeline().steps().get(2));
        assertEquals(2, r.diagnostics().stream().filter(d -> d.code().equals(BuildkiteCodes.UNKNOWN_STEP)).count());
    }

    @Test
    void interpolationUsesTopLevelEnvInOrderAndReportsRequiredVariables() {
        BuildkiteParser.Result r = parse("env:\n  A: x\n  B: \"$A-y\"\nsteps:\n  - command: \"echo $B\"\n"
                + "  - command: \"${MISSING?needed}\"\n", Map.of());
        assertEquals("echo x-y", ((CommandStep) r.pipeline().steps().get(0)).commands().get(0));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(BuildkiteCodes.INTERPOLATION, d.code());
        assertEquals(6, d.span().line());
        assertTrue(d.message().contains("needed"), d.message());
        Pipeline ok = parse("steps:\n  - command: \"${MISSING?needed}\"\n", Map.of("MISSING", "")).pipeline();
        assertEquals("", ((CommandStep) ok.steps().get(0)).commands().get(0));
    }

    @Test
    void generatedIdsAreStableSlugsAndUnique() {
        List<Step> s = steps("steps:\n  - label: \":docker: Build image\"\n    command: a\n"
                + "  - label: \":docker: Build image\"\n    command: b\n  - wait\n  - wait\n  - command: make test\n");
        assertEquals(List.of("build-image", "build-image-2", "wait", "wait-2", "make-test"),
                s.stream().map(Step::id).toList());
    }

    @Test
    void topLevelListIsAPipelineToo() {
        assertEquals(2, steps("- command: a\n- wait\n").size());
    }

    @Test
    void generatedIdsDoNotDependOnInterpolatedValues() {
        String yaml = "steps:\n  - label: \"Deploy to $TARGET\"\n    command: deploy.sh\n  - command: \"make $GOAL\"\n";
        List<Step> a = parse(yaml, Map.of("TARGET", "staging", "GOAL", "test")).pipeline().steps();
        List<Step> b = parse(yaml, Map.of("TARGET", "production", "GOAL", "lint")).pipeline().steps();
        assertEquals(a.stream().map(Step::id).toList(), b.stream().map(Step::id).toList());
        assertEquals("Deploy to staging", a.get(0).info().label(), "the label shown is interpolated");
    }
}
