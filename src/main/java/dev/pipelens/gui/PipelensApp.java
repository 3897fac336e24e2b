package dev.pipelens.gui;

import dev.pipelens.gui.runner.RunnerViewModel;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;

/**
 * The JavaFX application. Started through {@link #launch(WindowRequest)} by the command line (the jar's
 * main class stays the plain {@code dev.pipelens.Launcher}, so JavaFX can load from the class path).
 */
public final class PipelensApp extends Application {

    private static volatile WindowRequest request = new WindowRequest(null, null, null, null, null);
    /**
     * The user's recent files and theme, read while JavaFX starts: the first read of {@link java.util.prefs.Preferences}
     * loads an XML parser (about 190 classes, 50 to 80 ms on a cold JVM) that would otherwise delay the window.
     */
    private static volatile java.util.concurrent.CompletableFuture<RecentFiles> preferences;

    private MainViewModel vm;

    /**
     * Opens the window and returns when it is closed.
     *
     * @throws IllegalStateException when no window can be opened (no display)
     */
    public static void launch(WindowRequest r) {
        request = r;
        preferences = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            RecentFiles recent = RecentFiles.user();
            recent.dark();
            return recent;
        });
        try {
            Application.launch(PipelensApp.class);
        } catch (RuntimeException | Error e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("cannot open the window: " + root.getMessage(), e);
        }
    }

    @Override
    public void start(Stage stage) {
        WindowRequest r = request;
        vm = new MainViewModel(Platform::runLater, preferences == null ? RecentFiles.user() : preferences.join());
        if (r.dark() != null) {
            vm.darkProperty().set(r.dark());
        }
        vm.setForcedSystem(r.system());
        vm.setOpenOptions(r.options());
        vm.scenario().apply(r.scenario());
        // Read, plan and lay out the file on the model thread (ELK's classes load there, a second on a cold JVM)
        // while this thread builds the window's controls; the results reach the window through runLater, after
        // start() returns. Measured on the vLLM release pipeline: a separate ELK warm-up thread, as before, only
        // took CPU from this thread on two cores (2.52 s against 2.33 s to the first graph, 9 launches each).
        if (r.file() == null) {
            vm.openSample();
        } else {
            vm.open(r.file());
        }
        MainWindow window = new MainWindow(vm, new FxDialogService(() -> stage));
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(window.scene());
        try (InputStream icon = PipelensApp.class.getResourceAsStream("icon.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (java.io.IOException e) {
            // no icon
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        if (screen.getWidth() < 1700) {
            // small screens (laptops, 1600x1000 screenshots): use all of it
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        stage.show();
        if (r.select() != null) {
            vm.loadsProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                    vm.loadsProperty().removeListener(this);
                    vm.select(r.select());
                }
            });
        }
        String script = System.getProperty("pipelens.script");
        if (script != null && !script.isBlank()) {
            vm.loadsProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                    vm.loadsProperty().removeListener(this);
                    Platform.runLater(() -> runScript(window, script));
                }
            });
        }
        String firstGraph = System.getProperty("pipelens.firstGraphFile", System.getenv("PIPELENS_FIRST_GRAPH_FILE"));
        if (firstGraph != null && !firstGraph.isBlank()) {
            // `pipelens bench --window` (which sets PIPELENS_FIRST_GRAPH_FILE): write the wall-clock time of the
            // first drawn graph, then quit
            vm.layoutProperty().addListener(new javafx.beans.value.ChangeListener<dev.pipelens.layout.Layout>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends dev.pipelens.layout.Layout> o,
                                    dev.pipelens.layout.Layout a, dev.pipelens.layout.Layout b) {
                    if (b == null) {
                        return;
                    }
                    vm.layoutProperty().removeListener(this);
                    // after the pulse that draws it
                    Platform.runLater(() -> Platform.runLater(() -> {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of(firstGraph),
                                    Long.toString(System.currentTimeMillis()));
                        } catch (java.io.IOException e) {
                            java.util.logging.Logger.getLogger(PipelensApp.class.getName()).warning(e.toString());
                        }
                        Platform.exit();
                    }));
                }
            });
        }
    }

    /**
     * Drives the window from {@code -Dpipelens.script=...} (screenshots and demos; no effect without it):
     * comma-separated {@code tab=runner|matrix|changes|problems}, {@code select=ID}, {@code fail=ID},
     * {@code soft-fail=ID}, {@code unblock=ID}, {@code unblock-all}, {@code step}, {@code to-gate},
     * {@code run-all}, {@code compare=FILE}, {@code fit}, {@code zoom=0.2|fit} (2 s after loading).
     */
    private void runScript(MainWindow window, String script) {
        RunnerViewModel run = vm.runner();
        for (String part : script.split(",")) {
            String cmd = part.strip();
            int eq = cmd.indexOf('=');
            String arg = eq < 0 ? null : cmd.substring(eq + 1).strip();
            String name = eq < 0 ? cmd : cmd.substring(0, eq).strip();
            switch (name) {
                case "tab":
                    window.selectTab("tab-" + arg);
                    break;
                case "select":
                    vm.select(arg);
                    break;
                case "fail":
                    run.mark(arg, RunnerViewModel.Mark.FAIL);
                    break;
                case "soft-fail":
                    run.mark(arg, RunnerViewModel.Mark.SOFT_FAIL);
                    break;
                case "unblock":
                    run.unblock(arg, java.util.Map.of());
                    break;
                case "unblock-all":
                    run.unblockAll();
                    break;
                case "step":
                    run.step();
                    break;
                case "to-gate":
                    run.runToNextGate();
                    break;
                case "run-all":
                    run.runAll();
                    break;
                case "fit":
                    Platform.runLater(() -> Platform.runLater(window.graph()::fit));
                    break;
                case "zoom":
                    // 2 s later, after the opening view is set however long the layout took: zoom=fit or zoom=0.2
                    double z = arg == null || !arg.matches("\\d+(\\.\\d+)?") ? -1 : Double.parseDouble(arg);
                    javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                            javafx.util.Duration.seconds(2));
                    later.setOnFinished(e -> {
                        if (z > 0) {
                            window.graph().zoomTo(z);
                        } else {
                            window.graph().fit();
                        }
                    });
                    later.play();
                    break;
                case "compare":
                    vm.compareWith(java.nio.file.Path.of(arg));
                    break;
                default:
                    java.util.logging.Logger.getLogger(PipelensApp.class.getName())
                            .warning("pipelens.script: unknown command " + cmd);
            }
        }
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
