package dev.pipelens.gitlab;

import dev.pipelens.model.Diagnostic;
import dev.pipelens.model.ExtraField;
import dev.pipelens.model.Scenario;
import dev.pipelens.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** include / extends / !reference / validation on the small files under {@code gitlab/loader}. */
class GitLabLoaderTest {

    private static Path dir(String name) throws URISyntaxException {
        return Path.of(GitLabLoaderTest.class.getResource("/gitlab/loader/" + name).toURI());
    }

    private static GitLabLoader load(String name) throws URISyntaxException {
        Path d = dir(name);
        return GitLabLoader.load(".gitlab-ci.yml", new YamlLoader().load(d.resolve(".gitlab-ci.yml")), d);
    }

    private static GitLabLoader parse(String yaml) {
        return GitLabLoader.load(".gitlab-ci.yml", new YamlLoader().parse(yaml, ".gitlab-ci.yml"), null);
    }

    private static List<String> names(GitLabConfig c) {
        return c.jobs().stream().map(GitLabJob::name).collect(Collectors.toList());
    }

    private static GitLabJob job(GitLabConfig c, String name) {
        return c.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no job " + name + " in " + names(c)));
    }

    private static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::code).collect(Collectors.toList());
    }

    private static String extra(GitLabJob job, String key) {
        return job.extras().stream().filter(e -> e.name().equals(key)).map(ExtraField::value).findFirst().orElse(null);
    }

    private static GitLabConfig configFor(GitLabLoader loader, Scenario s) {
        Map<String, String> vars = GitLabPredefinedVariables.of(s);
        return loader.config(vars::get, FileFacts.of(vars, loader.project()));
    }

    @Test
    void includesLocalFilesNestedAndWildcardsFirstThenMainOnTop() throws Exception {
        GitLabLoader loader = load("include");
        GitLabConfig c = configFor(loader, Scenario.defaults());
        assertEquals(List.of("nested-job", "base-job", "wild-a", "wild-b", "main-job"), names(c), "nested includes first");
        assertEquals("main", c.variables().stream().filter(v -> v.name().equals("FROM")).findFirst().orElseThrow().value());
        assertEquals("yes", c.variables().stream().filter(v -> v.name().equals("BASE_ONLY")).findFirst().orElseThrow().value());
        GitLabJob main = job(c, "main-job");
        assertEquals("build", main.stage(), "extends a template from an included file");
        assertEquals(1, main.rules().size());
        assertTrue(codes(loader.diagnostics()).contains(GitLabCodes.INCLUDE_NOT_FETCHED), "remote/template: warning");
        assertTrue(codes(loader.diagnostics()).contains(GitLabCodes.INCLUDE_MISSING), "missing local: warning");
        assertFalse(loader.diagnostics().stream().anyMatch(Diagnostic::isError), loader.diagnostics().toString());
    }

    @Test
    void includeRulesAreDecidedPerScenario() throws Exception {
        GitLabLoader loader = load("include");
        assertEquals(1, loader.includeConditions().size());
        assertFalse(names(configFor(loader, Scenario.defaults())).contains("release"));
        assertTrue(names(configFor(loader, Scenario.defaults().withTag("v1.0").withBranch(null))).contains("release"));
        assertTrue(names(loader.config()).contains("release"), "config() takes every conditional include");
    }

    @Test
    void extendsMergesHashesReplacesListsAndLaterParentsWin() throws Exception {
        GitLabConfig c = load("extends").config();
        GitLabJob child = job(c, "child");
        assertEquals("build", child.stage());
        assertEquals("A=base B=middle C=other D=child", child.variables().stream()
                .map(v -> v.name() + "=" + v.value()).sorted().collect(Collectors.joining(" ")));
        assertEquals("[middle]", extra(child, "tags"));
        assertEquals("[echo other]", extra(child, "script"));
        assertEquals(Boolean.TRUE, child.allowFailure());
        GitLabJob dropper = job(c, "dropper");
        assertNull(dropper.allowFailure(), "allow_failure: null drops the inherited key");
        assertTrue(dropper.variables().isEmpty(), "variables: null drops inherited variables");
        List<String> codes = codes(c.diagnostics());
        assertTrue(codes.contains(GitLabCodes.EXTENDS_CYCLE), codes.toString());
        assertTrue(codes.contains(GitLabCodes.EXTENDS_UNKNOWN), codes.toString());
        assertTrue(codes.contains(GitLabCodes.EXTENDS_TOO_DEEP), codes.toString());
    }

    @Test
    void referencesResolveNestedInRulesScriptsAndVariables() throws Exception {
        GitLabLoader loader = load("reference");
        assertFalse(loader.diagnostics().stream().anyMatch(Diagnostic::isError), loader.diagnostics().toString());
        GitLabConfig c = loader.config();
        GitLabJob job = job(c, "job");
        assertEquals(3, job.rules().size(), "nested rule references are flattened");
        assertEquals("manual", job.rules().get(0).when());
        assertEquals("$CI_COMMIT_TAG", job.rules().get(1).ifExpr().text());
        assertEquals("never", job.rules().get(2).when());
        assertEquals("[echo one, echo two, echo nested, echo own]", extra(job, "script"));
        assertEquals("from-setup", job.variables().get(0).value());
        assertEquals("from-setup", job(c, "one-var").variables().get(0).value());
    }

    @Test
    void unknownReferenceIsAnError() {
        GitLabLoader loader = parse("job:\n  script: !reference [.nope, script]\n");
        assertTrue(codes(loader.diagnostics()).contains(GitLabCodes.REFERENCE_UNKNOWN));
    }

    @Test
    void stagesDefaultAndPrePost() {
        GitLabConfig c = parse("a: {script: x}\nb: {stage: .pre, script: x}\n").config();
        assertEquals(List.of(".pre", "build", "test", "deploy", ".post"), c.stages());
        assertEquals("test", job(c, "a").stage());
        GitLabConfig custom = parse("stages: [one, two, .post]\na: {stage: two, script: x}\n").config();
        assertEquals(List.of(".pre", "one", "two", ".post"), custom.stages());
        assertEquals(2, job(custom, "a").stageIndex());
    }

    @Test
    void globalKeywordsAndHiddenJobsAreNotJobs() {
        GitLabConfig c = parse("image: alpine\nservices: [x]\ncache: {}\nbefore_script: [a]\nvariables: {A: b}\n"
                + "default: {image: y, tags: [t], variables: {X: y}}\n.hidden: {script: x}\nreal: {script: x}\n").config();
        assertEquals(List.of("real"), names(c));
        assertEquals("y", extra(job(c, "real"), "image"), "default: wins over the legacy global");
        assertEquals("[t]", extra(job(c, "real"), "tags"));
        assertTrue(codes(c.diagnostics()).contains(GitLabCodes.UNKNOWN_DEFAULT_KEY), "variables is not a default: key");
    }

    @Test
    void inheritLimitsDefaultsAndVariables() {
        GitLabConfig c = parse("default: {image: y, tags: [t]}\nvariables: {A: a, B: b}\n"
                + "j: {script: x, inherit: {default: [tags], variables: [B]}}\nk: {script: x, inherit: {default: false, variables: false}}\n").config();
        GitLabJob j = job(c, "j");
        assertNull(extra(j, "image"));
        assertEquals("[t]", extra(j, "tags"));
        assertTrue(j.inherits("B"));
        assertFalse(j.inherits("A"));
        GitLabJob k = job(c, "k");
        assertNull(extra(k, "tags"));
        assertFalse(k.inherits("A"));
    }

    @Test
    void variableFormsAndParallel() {
        GitLabConfig c = parse("variables:\n  A: {value: '1', description: the a, options: ['1', '2']}\n  B: 2\n  C:\n"
                + "j:\n  script: x\n  parallel: 3\n"
                + "m:\n  script: x\n  parallel:\n    matrix:\n      - {P: [aws, gcp], S: [a, b]}\n      - {P: azure}\n").config();
        assertEquals("1", c.variables().get(0).value());
        assertEquals(List.of("1", "2"), c.variables().get(0).options());
        assertEquals("2", c.variables().get(1).value());
        assertEquals("", c.variables().get(2).value());
        assertEquals(3, job(c, "j").jobCount());
        assertEquals(5, job(c, "m").jobCount());
        assertEquals(Map.of("P", "azure"), job(c, "m").matrix().get(4));
    }

    @Test
    void needsAreCheckedAndInstanceNamesMapToTheirJob() {
        GitLabConfig c = parse("stages: [build, test]\nb: {stage: build, script: x, parallel: 2}\n"
                + "t: {stage: test, script: x, needs: ['b 1/2', {job: gone, optional: true}, {pipeline: other}]}\n"
                + "early: {stage: build, script: x, needs: [t]}\nundef: {script: x, needs: [nope]}\n"
                + "dup: {script: x, needs: [b, b]}\n").config();
        assertEquals("b", job(c, "t").needs().get(0).job());
        assertEquals(1, job(c, "t").needs().size(), "optional undefined and other-pipeline needs dropped");
        List<String> codes = codes(c.diagnostics());
        assertTrue(codes.contains(GitLabCodes.NEEDS_FUTURE_STAGE), codes.toString());
        assertTrue(codes.contains(GitLabCodes.NEEDS_UNDEFINED), codes.toString());
        assertTrue(codes.contains(GitLabCodes.NEEDS_DUPLICATE), codes.toString());
        assertTrue(codes.contains(GitLabCodes.NEEDS_IGNORED), codes.toString());
    }

    @Test
    void invalidConfigurationsAreLocatedErrors() {
        GitLabLoader loader = parse("a:\n  script: x\n  rules:\n    - if: '$A == 1'\n  only: [main]\n"
                + "b: {script: x, rules: []}\nc: {script: x, when: never}\n"
                + "d: {script: x, rules: [{if: $A, when: delayed}]}\ne: {script: x, stage: nowhere}\n"
                + "f: {script: x, weird_key: 1}\n");
        List<Diagnostic> ds = loader.diagnostics();
        Diagnostic expr = ds.stream().filter(d -> d.code().equals(GitLabCodes.EXPRESSION)).findFirst().orElseThrow();
        assertEquals(4, expr.span().line());
        assertEquals(18, expr.span().column(), "column of '1' inside the quoted expression: " + expr.toLine());
        assertEquals("a.rules[0].if", expr.path());
        List<String> codes = codes(ds);
        for (String code : List.of(GitLabCodes.RULES_WITH_ONLY_EXCEPT, GitLabCodes.RULES_EMPTY, GitLabCodes.JOB_WHEN_NEVER,
                GitLabCodes.DELAYED_WITHOUT_START_IN, GitLabCodes.UNKNOWN_STAGE)) {
            assertTrue(codes.contains(code), code + " in " + codes);
        }
        Diagnostic unknown = ds.stream().filter(d -> d.code().equals(GitLabCodes.UNKNOWN_JOB_KEY)).findFirst().orElseThrow();
        assertFalse(unknown.isError());
        assertNotNull(extra(job(loader.config(), "f"), "weird_key"), "unknown keys are kept as extras");
    }

    @Test
    void notAMappingIsReportedNotThrown() {
        assertTrue(codes(parse("- a\n- b\n").diagnostics()).contains(GitLabCodes.ROOT_NOT_MAP));
        assertTrue(parse("").config().jobs().isEmpty());
        assertTrue(codes(parse("job: just text\n").diagnostics()).contains(GitLabCodes.JOB_NOT_MAP));
    }

    @Test
    void predefinedVariablesPerPipelineKind() {
        Map<String, String> branch = GitLabPredefinedVariables.of(Scenario.defaults().withBranch("feature"));
        assertEquals("feature", branch.get("CI_COMMIT_BRANCH"));
        assertEquals("push", branch.get("CI_PIPELINE_SOURCE"));
        assertNull(branch.get("CI_COMMIT_TAG"));
        assertNull(branch.get("CI_MERGE_REQUEST_IID"));
        Map<String, String> tag = GitLabPredefinedVariables.of(Scenario.defaults().withTag("v1.2.0").withBranch(null));
        assertEquals("v1.2.0", tag.get("CI_COMMIT_TAG"));
        assertEquals("v1.2.0", tag.get("CI_COMMIT_REF_NAME"));
        assertNull(tag.get("CI_COMMIT_BRANCH"));
        Map<String, String> mr = GitLabPredefinedVariables.of(Scenario.defaults().withBranch("feat").withPullRequest("7"));
        assertEquals("merge_request_event", mr.get("CI_PIPELINE_SOURCE"));
        assertEquals("feat", mr.get("CI_COMMIT_REF_NAME"));
        assertEquals("7", mr.get("CI_MERGE_REQUEST_IID"));
        assertEquals("main", mr.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"));
        assertNull(mr.get("CI_COMMIT_BRANCH"));
        Map<String, String> user = GitLabPredefinedVariables.of(Scenario.defaults().withVariable("CI_PIPELINE_SOURCE", "web")
                .withMessage("Title\n\nbody"));
        assertEquals("web", user.get("CI_PIPELINE_SOURCE"), "user variables override");
        assertEquals("Title", user.get("CI_COMMIT_TITLE"));
        assertEquals("true", user.get("CI_COMMIT_REF_PROTECTED"));
        assertEquals(6, GitLabPresets.all().size());
    }

    @Test
    void globsFollowFnmatchAndIncludeWildcards() {
        assertTrue(Glob.compile("src/*.c", Glob.Mode.FNMATCH).matches("src/a.c"));
        assertFalse(Glob.compile("src/*.c", Glob.Mode.FNMATCH).matches("src/x/a.c"));
        assertTrue(Glob.compile("src/**/*.c", Glob.Mode.FNMATCH).matches("src/x/y/a.c"));
        assertTrue(Glob.compile("src/**/*.c", Glob.Mode.FNMATCH).matches("src/a.c"));
        assertTrue(Glob.compile("{a,b}.md", Glob.Mode.FNMATCH).matches("b.md"));
        assertTrue(Glob.compile("configs/**.yml", Glob.Mode.INCLUDE).matches("configs/x/y.yml"));
        assertFalse(Glob.compile("configs/*.yml", Glob.Mode.INCLUDE).matches("configs/x/y.yml"));
        assertTrue(Glob.compile("configs/**/*.yml", Glob.Mode.INCLUDE).matches("configs/x/y.yml"));
    }
}
