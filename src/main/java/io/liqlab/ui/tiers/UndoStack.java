package io.liqlab.ui.tiers;

import io.liqlab.ui.Text;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Undo and redo for {@link UndoableEdit}s; a new edit clears what could be redone. */
public final class UndoStack {
    private final ObservableList<UndoableEdit> done = FXCollections.observableArrayList();
    private final ObservableList<UndoableEdit> undone = FXCollections.observableArrayList();
    private final BooleanBinding canUndo = Bindings.isNotEmpty(done);
    private final BooleanBinding canRedo = Bindings.isNotEmpty(undone);
    private final StringBinding undoDescription = Bindings.createStringBinding(
            () -> done.isEmpty() ? "" : Text.format("tiers.undoWhat", done.getLast().description()), done);
    private final StringBinding redoDescription = Bindings.createStringBinding(
            () -> undone.isEmpty() ? "" : Text.format("tiers.redoWhat", undone.getLast().description()), undone);

    public void execute(UndoableEdit edit) {
        edit.execute();
        done.add(edit);
        undone.clear();
    }

    public void undo() {
        if (!done.isEmpty()) {
            UndoableEdit edit = done.removeLast();
            edit.undo();
            undone.add(edit);
        }
    }

    public void redo() {
        if (!undone.isEmpty()) {
            UndoableEdit edit = undone.removeLast();
            edit.execute();
            done.add(edit);
        }
    }

    public BooleanBinding canUndo() {
        return canUndo;
    }

    public BooleanBinding canRedo() {
        return canRedo;
    }

    public StringBinding undoDescription() {
        return undoDescription;
    }

    public StringBinding redoDescription() {
        return redoDescription;
    }
}
