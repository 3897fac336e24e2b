package dev.pipelens.gui;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the window tests share: a window on a view model shown in TestFX's stage, and waiting for a condition. */
final class WindowFixture {

    private WindowFixture() {
    }

    /** A main window on {@code vm} with dialogs that answer nothing, shown in {@code stage}. */
    static MainWindow show(Stage stage, MainViewModel vm, DialogService dialogs) {
        MainWindow window = new MainWindow(vm, dialogs);
        stage.setScene(window.scene());
        stage.show();
        return window;
    }

    static MainWindow show(Stage stage, MainViewModel vm) {
        return show(stage, vm, new MainWindowTest.StubDialogs());
    }

    /** Waits (at most 30 s) until {@code condition} holds, then for the FX events it caused. */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
