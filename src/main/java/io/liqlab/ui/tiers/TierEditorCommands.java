package io.liqlab.ui.tiers;

import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import io.liqlab.ui.shell.Command;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.function.Consumer;

/**
 * The tier editor's buttons and shortcuts as {@link Command}s, each with the state it can act in, so a button that
 * cannot act is greyed (the shell's commands, made into buttons by {@code CommandActions}). The view tells it which
 * tier and column are selected; the questions (where to split, which id, which file, delete?) go through the
 * workbench's {@link TierEditorPrompts}, and what cannot be done is said through the shell's notifier. No nodes.
 */
public final class TierEditorCommands {

    private final TierWorkbenchViewModel workbench;
    private final TierEditorPrompts prompts;
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final ObjectProperty<Column> selectedColumn = new SimpleObjectProperty<>(this, "selectedColumn");
    private final StringBinding undoText;
    private final StringBinding redoText;
    private final StringBinding saveText;

    public final Command undo;
    public final Command redo;
    public final Command add;
    public final Command remove;
    public final Command split;
    public final Command merge;
    public final Command revertCell;
    public final Command revertAll;
    public final Command save;
    public final Command saveAs;
    public final Command rename;
    public final Command delete;
    public final Command importProfile;
    public final Command export;

    TierEditorCommands(TierWorkbenchViewModel workbench, TierEditorPrompts prompts) {
        this.workbench = workbench;
        this.prompts = prompts;
        var editor = workbench.editorProperty();
        BooleanBinding open = editor.isNotNull();
        // Every edit moves the open editor's revision: the states below that read the rows follow it.
        ObservableValue<Number> revision = editor.flatMap(TierEditorViewModel::revisionProperty).orElse(-1);
        // (Each state reads the revision it depends on: a lazy mapped value that is not read again stays invalid and
        // tells nobody of the next edit.)
        IntegerBinding rowCount = Bindings.createIntegerBinding(() -> revision.getValue().intValue() < 0 || editor.get() == null ? 0
                : editor.get().rows().size(), editor, revision);
        BooleanBinding hasRow = Bindings.createBooleanBinding(() -> selectedRow.get() >= 0 && selectedRow.get() < rowCount.get(),
                selectedRow, rowCount);
        BooleanExpression valid = BooleanExpression.booleanExpression(editor.flatMap(TierEditorViewModel::editedProperty).map(p -> true)
                .orElse(false));
        BooleanExpression canUndo = BooleanExpression.booleanExpression(editor.flatMap(e -> e.undoStack().canUndo()).orElse(false));
        BooleanExpression canRedo = BooleanExpression.booleanExpression(editor.flatMap(e -> e.undoStack().canRedo()).orElse(false));
        BooleanBinding cellChanged = Bindings.createBooleanBinding(() -> {
            revision.getValue();
            TierEditorViewModel e = editor.get();
            int row = selectedRow.get();
            return e != null && selectedColumn.get() != null && row >= 0 && row < e.rows().size() && e.changed(row, selectedColumn.get());
        }, editor, revision, selectedRow, selectedColumn);
        BooleanBinding changedSinceOpened = Bindings.createBooleanBinding(() -> revision.getValue().intValue() >= 0
                && editor.get() != null && editor.get().changedSinceOpened(), editor, revision);
        BooleanBinding dirty = open.and(workbench.dirtyProperty());

        ObservableValue<String> undoWhat = editor.flatMap(e -> e.undoStack().undoDescription()).orElse("");
        ObservableValue<String> redoWhat = editor.flatMap(e -> e.undoStack().redoDescription()).orElse("");
        undoText = Bindings.createStringBinding(() -> describe(undoWhat.getValue(), "tiers.undoTip", "tiers.undoNothing"), undoWhat);
        redoText = Bindings.createStringBinding(() -> describe(redoWhat.getValue(), "tiers.redoTip", "tiers.redoNothing"), redoWhat);
        saveText = Bindings.createStringBinding(() -> editor.get() == null ? Text.get("tiers.saveTip")
                : !valid.get() ? Text.get("tiers.saveTipProblems") : !dirty.get() ? Text.get("tiers.saveTipSaved") : Text.get("tiers.saveTip"),
                editor, valid, dirty);

        undo = new Command("tier-undo", Text.get("tiers.undo"), Text.get("tiers.undoNothing"), "Shortcut+Z", canUndo,
                () -> onEditor(e -> e.undoStack().undo()));
        redo = new Command("tier-redo", Text.get("tiers.redo"), Text.get("tiers.redoNothing"), "Shortcut+Shift+Z", canRedo,
                () -> onEditor(e -> e.undoStack().redo()));
        add = new Command("tier-add", Text.get("tiers.add"), Text.get("tiers.addTip"), null, open, () -> onEditor(TierEditorViewModel::addTier));
        // A schedule keeps at least one tier.
        remove = new Command("tier-remove", Text.get("tiers.remove"), Text.get("tiers.removeTip"), null,
                hasRow.and(rowCount.greaterThan(1)), () -> onEditor(e -> e.removeTier(selectedRow.get())));
        split = new Command("tier-split", Text.get("tiers.split"), Text.get("tiers.splitTip"), null, hasRow, this::split);
        // The last tier has no next one to merge with.
        merge = new Command("tier-merge", Text.get("tiers.merge"), Text.get("tiers.mergeTip"), null,
                hasRow.and(Bindings.createBooleanBinding(() -> selectedRow.get() + 1 < rowCount.get(), selectedRow, rowCount)),
                () -> onEditor(e -> e.mergeWithNext(selectedRow.get())));
        revertCell = new Command("tier-revert-cell", Text.get("tiers.revertCell"), Text.get("tiers.revertCellTip"), null, cellChanged,
                () -> onEditor(e -> e.revertCell(selectedRow.get(), selectedColumn.get())));
        revertAll = new Command("tier-revert-all", Text.get("tiers.revertAll"), Text.get("tiers.revertAllTip"), null, changedSinceOpened,
                () -> onEditor(TierEditorViewModel::revertAll));
        // Save: edits not saved yet, and a schedule the reader accepts (an invalid one can be edited further, not saved).
        save = new Command("tier-save", Text.get("tiers.save"), Text.get("tiers.saveTip"), "Shortcut+S", dirty.and(valid), workbench::save);
        saveAs = new Command("tier-save-as", Text.get("tiers.saveAs"), Text.get("tiers.saveAsTip"), null, open.and(valid), this::saveAs);
        rename = new Command("tier-rename", Text.get("tiers.rename"), Text.get("tiers.renameTip"), null,
                open.and(valid).and(workbench.userFileProperty()), this::rename);
        delete = new Command("tier-delete", Text.get("tiers.delete"), Text.get("tiers.deleteTip"), null,
                open.and(workbench.userFileProperty()), this::delete);
        importProfile = Command.always("tier-import", Text.get("tiers.import"), Text.get("tiers.importTip"), null,
                () -> prompts.fileToImport().ifPresent(workbench::importFile));
        export = new Command("tier-export", Text.get("tiers.export"), Text.get("tiers.exportTip"), null, open.and(valid),
                () -> onEditor(e -> prompts.exportTo(e.idProperty().get() + ".json").ifPresent(workbench::export)));
    }

    /** Every command, in the toolbar's order. */
    public List<Command> all() {
        return List.of(undo, redo, add, remove, split, merge, revertCell, revertAll, save, saveAs, rename, delete, importProfile, export);
    }

    /** The selected tier's index (-1: none); the view keeps it in step with the table. */
    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /** The selected cell's column (null: none); the view keeps it in step with the table. */
    public ObjectProperty<Column> selectedColumnProperty() {
        return selectedColumn;
    }

    /** What Undo would undo ("Undo: set tier 1 ..."), for its tooltip. */
    public StringBinding undoTextProperty() {
        return undoText;
    }

    public StringBinding redoTextProperty() {
        return redoText;
    }

    /** Why Save can or cannot act now, for its tooltip. */
    public StringBinding saveTextProperty() {
        return saveText;
    }

    private static String describe(String what, String key, String nothingKey) {
        return what.isEmpty() ? Text.get(nothingKey) : Text.format(key, what);
    }

    private void onEditor(Consumer<TierEditorViewModel> action) {
        TierEditorViewModel e = workbench.editorProperty().get();
        if (e == null) {
            return;
        }
        try {
            action.accept(e);
        } catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
            workbench.fail(Text.format("tiers.status.notDone", ex.getMessage()));
        }
    }

    private void split() {
        int row = selectedRow.get();
        onEditor(e -> prompts.splitAt(row + 1).ifPresent(text -> {
            double at = NumberText.parse(text)
                    .orElseThrow(() -> new IllegalArgumentException(Text.format("tiers.split.notANumber", text.strip())));
            e.splitTier(row, at);
        }));
    }

    private void saveAs() {
        onEditor(e -> prompts.idForCopy(e.idProperty().get() + "-copy").ifPresent(id -> workbench.saveAs(id.strip(), e.copyName())));
    }

    private void rename() {
        onEditor(e -> prompts.newId(e.idProperty().get()).ifPresent(id -> workbench.rename(id.strip())));
    }

    private void delete() {
        onEditor(e -> {
            if (prompts.confirmDelete(e.idProperty().get())) {
                workbench.delete();
            }
        });
    }
}
