package dev.pipelens.gui;

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

    private static volatile WindowRequest request = new WindowRequest(null, null, null, null);

    private MainViewModel vm;

    /**
     * Opens the window and returns when it is closed.
     *
     * @throws IllegalStateException when no window can be opened (no display)
     */
    public static void launch(WindowRequest r) {
        request = r;
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
        vm = new MainViewModel(Platform::runLater, RecentFiles.user());
        if (r.dark() != null) {
            vm.darkProperty().set(r.dark());
        }
        vm.setForcedSystem(r.system());
        MainWindow window = new MainWindow(vm, new FxDialogService(() -> stage));
        vm.scenario().apply(r.scenario());
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
        stage.show();
        if (r.file() == null) {
            vm.openSample();
        } else {
            vm.open(r.file());
        }
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
