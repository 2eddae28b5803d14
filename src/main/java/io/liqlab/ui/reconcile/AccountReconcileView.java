package io.liqlab.ui.reconcile;

import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * The Account tab's "Import snapshot…" (a file or pasted JSON, with the wallet a position list lacks, then LiqLab
 * beside the exchange) and "Doesn't match the exchange?" (a position of the account, reconciled). Only lays out
 * {@link AccountReconcileViewModel}; the file is chosen here and read by the view-model.
 */
public final class AccountReconcileView {

    private AccountReconcileView() {
    }

    /** The import pane. */
    static VBox importPane(AccountReconcileViewModel vm, io.liqlab.ui.shell.Dialogs dialogs) {
        Label title = new Label(Text.get("account.import.title"));
        title.getStyleClass().add(Styles.SECTION);
        Label intro = new Label(Text.get("account.import.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(600);
        TextArea text = new TextArea();
        text.setId("snapshot-text");
        text.setPromptText(Text.get("account.import.pastePrompt"));
        text.setPrefRowCount(6);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(vm.pastedProperty());
        TextField wallet = new TextField();
        wallet.setId("snapshot-wallet");
        wallet.setPromptText(Text.get("account.import.walletPrompt"));
        wallet.setPrefColumnCount(22);
        wallet.textProperty().bindBidirectional(vm.walletProperty());
        Label walletKey = new Label(Text.get("account.import.wallet"));
        walletKey.getStyleClass().add(Styles.KEY);
        walletKey.setLabelFor(wallet);
        Label walletError = error("snapshot-wallet-error", vm.walletErrorProperty());
        vm.walletErrorProperty().subscribe(e -> wallet.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty()));
        Label error = error("snapshot-error", vm.importErrorProperty());
        vm.importErrorProperty().subscribe(e -> text.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty()));
        Button pasted = new Button(Text.get("account.import.pasted"));
        pasted.setId("snapshot-import");
        pasted.setOnAction(e -> vm.importPasted());
        Button file = new Button(Text.get("account.import.file"));
        file.setId("snapshot-open-file");
        file.setOnAction(e -> dialogs.chooseOpenFile(Text.get("account.import.fileType"), "*.json").ifPresent(vm::importFile));
        Label done = new Label();
        done.setId("snapshot-imported");
        done.textProperty().bind(vm.importedProperty());
        done.getStyleClass().add(Styles.SECTION);
        VBox lines = new VBox(3);
        lines.setId("snapshot-comparison");
        Runnable show = () -> {
            lines.getChildren().clear();
            for (String s : vm.comparison()) {
                Label l = new Label(s);
                l.setWrapText(true);
                l.setMaxWidth(600);
                lines.getChildren().add(l);
            }
        };
        vm.comparison().addListener((ListChangeListener<String>) c -> show.run());
        show.run();
        HBox walletRow = new HBox(8, walletKey, new VBox(2, wallet, walletError));
        HBox buttons = new HBox(8, file, pasted);
        VBox box = new VBox(8, title, intro, text, walletRow, buttons, error, done, lines);
        box.setPadding(new Insets(12));
        box.setPrefWidth(640);
        box.setMinWidth(0);
        box.setId("snapshot-pane");
        return box;
    }

    /** The reconcile pane for one position of the account. */
    static VBox reconcilePane(AccountReconcileViewModel vm) {
        ComboBox<String> position = new ComboBox<>(vm.choices());
        position.setId("account-reconcile-position");
        Label key = new Label(Text.get("account.reconcile.position"));
        key.getStyleClass().add(Styles.KEY);
        key.setLabelFor(position);
        Runnable select = () -> position.getSelectionModel().select(Math.min(vm.selectedProperty().get(), vm.choices().size() - 1));
        vm.choices().addListener((ListChangeListener<String>) c -> select.run());
        vm.selectedProperty().subscribe(i -> select.run());
        position.getSelectionModel().selectedIndexProperty().subscribe(i -> {
            if (i.intValue() >= 0) {
                vm.selectedProperty().set(i.intValue());
            }
        });
        select.run();
        HBox chooser = new HBox(8, key, position);
        chooser.setPadding(new Insets(12, 12, 0, 12));
        return new VBox(0, chooser, new ReconcilePane(vm.reconcile()));
    }

    private static Label error(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.FIELD_ERROR);
        l.setWrapText(true);
        l.setMaxWidth(560);
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /**
     * Puts "Import snapshot…" and "Doesn't match the exchange?" beside the Account tab's own buttons (the box holding
     * {@code #account-add}); each opens its pane beside the button.
     */
    public static void attach(Node accountView, AccountReconcileViewModel vm, io.liqlab.ui.shell.Dialogs dialogs) {
        Node add = accountView.lookup("#account-add");
        if (add == null || !(add.getParent() instanceof Pane buttons)) {
            return;
        }
        Button importButton = popOverButton("account-import", Text.get("account.import.button"), Text.get("account.import.buttonTip"),
                () -> importPane(vm, dialogs));
        Button reconcileButton = popOverButton("account-reconcile", Text.get("position.reconcile.button"), Text.get("account.reconcile.buttonTip"),
                () -> reconcilePane(vm));
        buttons.getChildren().addAll(importButton, reconcileButton);
    }

    private static Button popOverButton(String id, String text, String tip, java.util.function.Supplier<Node> content) {
        return io.liqlab.ui.PopOvers.opener(id, text, tip, text, true, content);
    }
}
