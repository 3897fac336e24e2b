package dev.pipelens.gui;

import dev.pipelens.export.ExportFormat;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs the window opens, behind an interface so tests can answer them without a person. */
public interface DialogService {

    /** An export target chosen by the user. */
    record ExportChoice(Path path, ExportFormat format, double scale) {
    }

    Optional<Path> chooseFileToOpen(Path initialDirectory);

    Optional<ExportChoice> chooseExport(Path initialDirectory, String baseName);

    void showError(String title, String message);

    /** Asks a yes/no question; true for {@code okText}. */
    boolean confirm(String title, String message, String okText);

    void showInfo(String title, String message);

    /**
     * Asks for the values of a block or input step's fields before unblocking it; empty when cancelled.
     * The default (tests) accepts every field's default.
     */
    default Optional<java.util.Map<String, String>> askFields(String title, String prompt,
                                                                java.util.List<dev.pipelens.model.InputField> fields) {
        return Optional.of(java.util.Map.of());
    }
}
