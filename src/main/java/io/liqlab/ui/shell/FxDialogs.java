package io.liqlab.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The window's {@link Dialogs}: JavaFX dialogs and file choosers owned by the app's window. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to (asked each time: the stage may be shown later) */
    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<String> askText(String id, String title, String question, String suggested) {
        TextInputDialog d = new TextInputDialog(suggested);
        d.setTitle(title);
        d.setHeaderText(question);
        d.getDialogPane().setId(id);
        owned(d);
        return d.showAndWait().map(String::strip);
    }

    @Override
    public boolean confirm(String id, String title, String question, String confirmText) {
        ButtonType yes = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, yes, ButtonType.CANCEL);
        a.setTitle(title);
        a.setHeaderText(null);
        a.getDialogPane().setId(id);
        // Cancel is the default: Enter keeps what would be lost.
        ((Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        owned(a);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public int choose(String id, String title, String header, String text, List<String> choices, int safe) {
        List<ButtonType> types = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            types.add(new ButtonType(choices.get(i), i == safe ? ButtonBar.ButtonData.CANCEL_CLOSE
                    : i == 0 ? ButtonBar.ButtonData.LEFT : ButtonBar.ButtonData.OTHER));
        }
        Alert a = new Alert(Alert.AlertType.WARNING, text, types.toArray(ButtonType[]::new));
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setId(id);
        a.getDialogPane().setMinWidth(560);
        // The safe choice is the default: the others throw something away and need a click.
        a.getDialogPane().getButtonTypes().forEach(t -> ((Button) a.getDialogPane().lookupButton(t)).setDefaultButton(t == types.get(safe)));
        a.setOnShown(e -> a.getDialogPane().lookupButton(types.get(safe)).requestFocus());
        owned(a);
        ButtonType chosen = a.showAndWait().orElse(types.get(safe));
        return Math.max(0, types.indexOf(chosen));
    }

    @Override
    public void inform(String id, String title, String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(header);
        if (text.lines().count() > 12) {
            // A long text (a scenario's assumptions) in a field that scrolls, wrapped, and can be selected and copied.
            javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(12);
            a.getDialogPane().setContent(area);
        } else {
            a.setContentText(text);
        }
        a.getDialogPane().setId(id);
        a.getDialogPane().setMinWidth(620);
        owned(a);
        a.showAndWait();
    }

    @Override
    public Optional<Path> chooseOpenFile(String typeDescription, String pattern) {
        return Optional.ofNullable(chooser(typeDescription, pattern).showOpenDialog(window())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String suggestedName, String typeDescription, String pattern) {
        FileChooser chooser = chooser(typeDescription, pattern);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(window())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(window())).map(File::toPath);
    }

    private static FileChooser chooser(String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        return chooser;
    }

    private Window window() {
        Window w = owner.get();
        return w != null && w.isShowing() ? w : null;
    }

    private void owned(Dialog<?> d) {
        Window w = window();
        if (w != null) {
            d.initOwner(w);
        }
    }
}
