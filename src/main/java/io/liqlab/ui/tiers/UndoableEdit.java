package io.liqlab.ui.tiers;

/** One edit of the tier table, as a small command: do it, undo it, redo it, and say what it was. */
public interface UndoableEdit {
    void execute();

    void undo();

    /** "Set tier 3 maintenance rate to 0.008". */
    String description();
}
