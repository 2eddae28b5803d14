package io.liqlab.ui.tiers;

import io.liqlab.ui.Text;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** The tier editor's questions as dialogs over the app's window. */
public final class TierEditorDialogs implements TierEditorPrompts {
    private final Supplier<Window> owner;

    public TierEditorDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public OnConflict fileChanged(String profileId, Path file) {
        ButtonType reload = new ButtonType(Text.get("tiers.conflict.reload"), ButtonBar.ButtonData.LEFT);
        ButtonType overwrite = new ButtonType(Text.get("tiers.conflict.overwrite"), ButtonBar.ButtonData.OTHER);
        ButtonType saveAs = new ButtonType(Text.get("tiers.conflict.saveAs"), ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(Text.get("tiers.conflict.keepEditing"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, Text.format("tiers.conflict.text", profileId, file), reload, overwrite, saveAs, keep);
        a.setTitle(Text.get("tiers.conflict.title"));
        a.setHeaderText(Text.format("tiers.conflict.header", profileId));
        a.getDialogPane().setId("tier-conflict");
        a.getDialogPane().setMinWidth(560);
        // Enter keeps editing: the two choices that throw something away need a click.
        a.getDialogPane().getButtonTypes().forEach(t -> ((javafx.scene.control.Button) a.getDialogPane().lookupButton(t))
                .setDefaultButton(t == keep));
        a.setOnShown(e -> a.getDialogPane().lookupButton(keep).requestFocus());
        owned(a);
        ButtonType chosen = a.showAndWait().orElse(keep);
        return chosen == reload ? OnConflict.RELOAD : chosen == overwrite ? OnConflict.OVERWRITE
                : chosen == saveAs ? OnConflict.SAVE_AS : OnConflict.KEEP_EDITING;
    }

    @Override
    public Optional<String> idForCopy(String suggested) {
        TextInputDialog d = new TextInputDialog(suggested);
        d.setTitle(Text.get("tiers.saveAs.title"));
        d.setHeaderText(Text.get("tiers.saveAs.question"));
        owned(d);
        return d.showAndWait().map(String::strip);
    }

    private void owned(javafx.scene.control.Dialog<?> d) {
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            d.initOwner(w);
        }
    }
}
