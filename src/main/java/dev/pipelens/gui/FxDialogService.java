package dev.pipelens.gui;

import dev.pipelens.export.ExportFormat;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import dev.pipelens.model.InputField;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link DialogService} with the standard JavaFX file choosers and alerts. */
final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(Path initialDirectory) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open pipeline");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Pipeline files (*.yml, *.yaml)", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        setDirectory(fc, initialDirectory);
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<ExportChoice> chooseExport(Path initialDirectory, String baseName) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export graph");
        Map<FileChooser.ExtensionFilter, ExportChoice> kinds = new LinkedHashMap<>();
        kinds.put(new FileChooser.ExtensionFilter("PNG image, 2\u00d7 (*.png)", "*.png"), new ExportChoice(null, ExportFormat.PNG, 2));
        kinds.put(new FileChooser.ExtensionFilter("PNG image, 1\u00d7 (*.png)", "*.png"), new ExportChoice(null, ExportFormat.PNG, 1));
        kinds.put(new FileChooser.ExtensionFilter("SVG image (*.svg)", "*.svg"), new ExportChoice(null, ExportFormat.SVG, 1));
        kinds.put(new FileChooser.ExtensionFilter("Graphviz DOT (*.dot)", "*.dot", "*.gv"), new ExportChoice(null, ExportFormat.DOT, 1));
        kinds.put(new FileChooser.ExtensionFilter("GraphML (*.graphml)", "*.graphml"), new ExportChoice(null, ExportFormat.GRAPHML, 1));
        kinds.put(new FileChooser.ExtensionFilter("Mermaid (*.mmd)", "*.mmd"), new ExportChoice(null, ExportFormat.MERMAID, 1));
        fc.getExtensionFilters().addAll(kinds.keySet());
        fc.setInitialFileName(baseName + ".png");
        setDirectory(fc, initialDirectory);
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        ExportChoice kind = kinds.get(fc.getSelectedExtensionFilter());
        Path path = f.toPath();
        Optional<ExportFormat> byName = ExportFormat.fromFileName(path.getFileName().toString());
        if (kind == null) {
            kind = new ExportChoice(null, byName.orElse(ExportFormat.PNG), 1);
        } else if (byName.isPresent() && byName.get() != kind.format()) {
            // the typed extension wins over the filter
            kind = new ExportChoice(null, byName.get(), byName.get() == ExportFormat.PNG ? kind.scale() : 1);
        } else if (byName.isEmpty()) {
            path = path.resolveSibling(path.getFileName() + "." + kind.format().extension());
        }
        return Optional.of(new ExportChoice(path, kind.format(), kind.scale()));
    }

    private static void setDirectory(FileChooser fc, Path dir) {
        if (dir != null && Files.isDirectory(dir)) {
            fc.setInitialDirectory(dir.toFile());
        }
    }

    @Override
    public void showError(String title, String message) {
        Alert a = alert(Alert.AlertType.ERROR, title, message);
        a.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String okText) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public Optional<Map<String, String>> askFields(String title, String prompt, java.util.List<InputField> fields) {
        javafx.scene.control.Dialog<Map<String, String>> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(prompt == null || prompt.isBlank() ? title : prompt);
        ButtonType ok = new ButtonType("Unblock", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Map<String, java.util.function.Supplier<String>> values = new LinkedHashMap<>();
        int row = 0;
        for (InputField f : fields) {
            String name = (f.label() == null || f.label().isBlank() ? f.key() : f.label()) + (f.required() ? " *" : "");
            javafx.scene.Node editor;
            if (!f.options().isEmpty()) {
                javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>();
                box.getItems().setAll(f.options());
                box.setValue(f.defaultValue() != null ? f.defaultValue() : f.options().get(0));
                values.put(f.key(), box::getValue);
                editor = box;
            } else {
                javafx.scene.control.TextField text = new javafx.scene.control.TextField(
                        f.defaultValue() == null ? "" : f.defaultValue());
                text.setId("field-" + f.key());
                values.put(f.key(), text::getText);
                editor = text;
            }
            grid.addRow(row++, new Label(name), editor);
        }
        d.getDialogPane().setContent(grid);
        d.setResultConverter(b -> {
            if (b != ok) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                String value = v.get();
                if (value != null && !value.isBlank()) {
                    out.put(k, value);
                }
            });
            return out;
        });
        return d.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(520);
        a.getDialogPane().setContent(l);
        return a;
    }
}
