package dev.pipelens.gui;

import dev.pipelens.gui.why.StepExplainerTest;

import dev.pipelens.gui.scenario.VariableModel;
import dev.pipelens.gui.why.StepDetails;

import dev.pipelens.export.ExportFormat;
import dev.pipelens.plan.Outcome;
import dev.pipelens.layout.LayoutNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main view model with a direct "UI" executor: no JavaFX toolkit, no window. */
class MainViewModelTest {

    @TempDir
    Path dir;

    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private Path release() throws Exception {
        Path f = dir.resolve("release.yml");
        Files.copy(StepExplainerTest.RELEASE, f);
        return f;
    }

    private void idle() throws InterruptedException {
        vm.awaitIdle(20, TimeUnit.SECONDS);
    }

    private Outcome outcome(String id) {
        return vm.getLayout().node(id).orElseThrow().outcome();
    }

    @Test
    void nightlyToggleTurnsTheGatedReleaseImagesIntoRunsWithoutMovingThem() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.scenario().tagProperty().set("v1.2.0");
        vm.open(release());
        idle();
        assertNotNull(vm.getPlan());
        assertEquals(Outcome.GATED, outcome("build-release-image"));
        var before = vm.getLayout().node("build-release-image").orElseThrow().bounds();
        VariableModel nightly = vm.scenario().variables().stream().filter(v -> v.name().equals("NIGHTLY")).findFirst().orElseThrow();
        nightly.setOn(true);
        idle();
        assertEquals(Outcome.RUNS, outcome("build-release-image"));
        assertEquals(before, vm.getLayout().node("build-release-image").orElseThrow().bounds());
    }

    @Test
    void selectingAStepExplainsIt() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.open(release());
        idle();
        vm.select("block-build-release-images");
        idle();
        StepDetails d = vm.detailsProperty().get();
        assertNotNull(d);
        assertEquals(Outcome.BLOCKED, d.step().outcome());
        assertFalse(d.trace().isEmpty());
    }

    @Test
    void invalidFileKeepsTheLastGoodGraphWithALocatedBannerUntilFixed() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        Path f = release();
        vm.open(f);
        idle();
        String good = Files.readString(f);
        int nodes = vm.getLayout().nodes().size();
        Files.writeString(f, "steps:\n  - label: \"broken\n    command: [\n");
        vm.reload();
        idle();
        assertNotNull(vm.bannerProperty().get());
        assertTrue(vm.bannerProperty().get().startsWith(f.toString() + ":"), vm.bannerProperty().get());
        assertTrue(vm.bannerErrorProperty().get());
        assertEquals(nodes, vm.getLayout().nodes().size());
        assertTrue(vm.diagnostics().stream().anyMatch(d -> d.isError()));
        Files.writeString(f, good);
        vm.reload();
        idle();
        assertNull(vm.bannerProperty().get());
    }

    @Test
    void problemsPanelShowsWhatLintShowsForAGitLabFragment() throws Exception {
        // an include fragment: it extends a template defined in the including file and uses its stage
        Path f = dir.resolve(".gitlab-ci.yml");
        Files.writeString(f, ".fedora_base:\n  image: fedora:40\n\nfedora_build:\n  extends: [.fedora_base, .only_code]\n"
                + "  stage: report\n  script: make\n");
        vm = new MainViewModel(Runnable::run, null);
        vm.open(f);
        idle();
        assertTrue(vm.diagnostics().stream().anyMatch(d -> d.code().equals(dev.pipelens.gitlab.plan.GitLabPlanner.FRAGMENT)
                && d.severity() == dev.pipelens.model.Severity.INFO), vm.diagnostics().toString());
        assertTrue(vm.diagnostics().stream().noneMatch(dev.pipelens.model.Diagnostic::isError), vm.diagnostics().toString());
        // the same list as pipelens lint: the planner's review
        var cli = dev.pipelens.system.Pipelines.open(f, null, dev.pipelens.yaml.YamlLimits.DEFAULT).review();
        assertEquals(cli, java.util.List.copyOf(vm.diagnostics()));
    }

    @Test
    void exportsPngAndSvgOfTheCurrentScenario() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.open(release());
        idle();
        Path png = vm.export(dir.resolve("g.png"), ExportFormat.PNG, 1).get(30, TimeUnit.SECONDS);
        Path svg = vm.export(dir.resolve("g.svg"), ExportFormat.SVG, 1).get(30, TimeUnit.SECONDS);
        assertNotNull(javax.imageio.ImageIO.read(png.toFile()));
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void exportFromTheWindowReplacesOnlyARegularFile() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.open(release());
        idle();
        // a symbolic link at the target is refused and left pointing where it did (issue 15: the window
        // moved its temp file over whatever was there, as the CLI once did)
        Path kept = Files.writeString(dir.resolve("kept.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.svg"), kept);
        var refused = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> vm.export(link, ExportFormat.SVG, 1).get(30, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("symbolic link"), refused.getCause().getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep me", Files.readString(kept));
        // a new file gets the user's umask, not a temp file's 0600
        Path svg = vm.export(dir.resolve("new.svg"), ExportFormat.SVG, 1).get(30, TimeUnit.SECONDS);
        assertTrue(Files.getPosixFilePermissions(svg).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        assertTrue(Files.getPosixFilePermissions(svg).size() > 2 || currentUmaskIsStrict(),
                Files.getPosixFilePermissions(svg).toString());
    }

    /** Whether the umask leaves only the owner's bits (077), in which case 0600 is the right mode. */
    private static boolean currentUmaskIsStrict() throws Exception {
        Path probe = Files.createTempDirectory("umask").resolve("p");
        Files.newOutputStream(probe).close();
        return Files.getPosixFilePermissions(probe).size() <= 2;
    }

    @Test
    void missingFileIsAnErrorBannerNotACrash() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.open(dir.resolve("nope.yml"));
        idle();
        assertTrue(vm.bannerProperty().get().contains("no such file"), vm.bannerProperty().get());
        assertNull(vm.getLayout());
    }

    // collapsed groups: one box (double click, View > Collapse All), expanded again

    @Test
    void aCollapsedGroupIsOneBoxWithItsOutcomeAndStepCount() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.scenario().tagProperty().set("v1.2.0");
        vm.open(release());
        idle();
        assertTrue(vm.getLayout().group("release-images").isPresent());
        vm.toggleCollapsed("release-images");
        idle();
        var l = vm.getLayout();
        assertTrue(l.group("release-images").isEmpty(), "no group box any more");
        LayoutNode box = l.node("release-images").orElseThrow();
        assertTrue(box.members().contains("build-release-image") && box.members().contains("build-cpu-release-image"),
                box.members().toString());
        assertEquals(Outcome.GATED, box.outcome(), "the group's own outcome");
        assertTrue(box.label().contains("Release images") && box.label().contains("steps"), box.label());
        assertTrue(l.node("build-release-image").isEmpty());
        // edges into the children now end on the box; none is lost or points at a hidden step
        var ids = l.nodesById().keySet();
        assertTrue(l.edges().stream().allMatch(e -> ids.contains(e.from()) || l.group(e.from()).isPresent()));
        assertTrue(l.edges().stream().anyMatch(e -> e.from().equals("release-images") || e.to().equals("release-images")));
        assertEquals(Set.of("release-images"), vm.collapsedGroups());

        vm.toggleCollapsed("release-images");
        idle();
        assertTrue(vm.getLayout().group("release-images").isPresent());
        assertTrue(vm.getLayout().node("build-release-image").isPresent());
    }

    @Test
    void collapseAllAndExpandAll() throws Exception {
        vm = new MainViewModel(Runnable::run, null);
        vm.scenario().tagProperty().set("v1.2.0");
        vm.open(release());
        idle();
        int groups = vm.getLayout().groups().size();
        assertTrue(groups > 0);
        vm.collapseAll();
        idle();
        assertEquals(0, vm.getLayout().groups().size());
        assertEquals(groups, vm.getLayout().nodes().stream().filter(LayoutNode::folded).count());
        vm.toggleCollapsed("build-release-image"); // not a group: ignored
        vm.expandAll();
        idle();
        assertEquals(groups, vm.getLayout().groups().size());
    }

    @Test
    void aFoldedJobFamilyExpandsIntoItsJobsAndFoldsAgain() throws Exception {
        Path gitlabhq = Path.of("../shared/corpus/gitlab/gitlabhq__gitlabhq__.gitlab-ci.yml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(gitlabhq), "corpus not found at ../shared");
        vm = new MainViewModel(Runnable::run, null);
        vm.open(gitlabhq);
        idle();
        assertEquals(28, vm.getLayout().node("rspec-pg 0 28").orElseThrow().members().size());
        assertTrue(vm.getLayout().node("rspec-pg 5 28").isEmpty());
        vm.toggleCollapsed("rspec-pg 0 28");
        idle();
        assertFalse(vm.getLayout().node("rspec-pg 0 28").orElseThrow().folded());
        assertTrue(vm.getLayout().node("rspec-pg 5 28").isPresent(), "each job drawn");
        assertTrue(vm.getLayout().node("rspec-mysql 0 28").orElseThrow().folded(), "other families stay folded");
        vm.toggleCollapsed("rspec-pg 5 28");
        idle();
        assertEquals(28, vm.getLayout().node("rspec-pg 0 28").orElseThrow().members().size());
    }
}
