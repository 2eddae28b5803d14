package io.liqlab.ui.shell;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;

/**
 * One user action (JabRef's {@code SimpleCommand} with its {@code StandardActions} entry): the words on its menu
 * item or button (with its mnemonic), a longer text for the tooltip, its shortcut, whether it can act now, and what it
 * does. Menus, toolbar buttons and shortcuts are all made from the same command ({@link CommandActions}), so a
 * command that cannot act is greyed everywhere at once. No nodes: view-models make these and tests run them.
 *
 * @param id          the node id its menu item or button gets ({@code session-save}, ...)
 * @param text        its label, {@code _} before the mnemonic letter
 * @param longText    its tooltip; null for none
 * @param accelerator its shortcut as {@code KeyCombination.valueOf} reads it ({@code Shortcut+S}, {@code F5}); null
 *                    for none
 * @param executable  whether it can act now
 * @param action      what it does
 */
public record Command(String id, String text, String longText, String accelerator, ObservableBooleanValue executable,
                      Runnable action) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(action, "action");
    }

    /** A command that can always act. */
    public static Command always(String id, String text, String longText, String accelerator, Runnable action) {
        return new Command(id, text, longText, accelerator, BooleanExpression.booleanExpression(
                new javafx.beans.property.ReadOnlyBooleanWrapper(true)), action);
    }

    /** Acts when it can; a shortcut pressed while the command is greyed does nothing. */
    public void execute() {
        if (executable.get()) {
            action.run();
        }
    }

    public boolean isExecutable() {
        return executable.get();
    }
}
