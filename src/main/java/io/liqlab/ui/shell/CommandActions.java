package io.liqlab.ui.shell;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;

/**
 * Menu items, toolbar buttons and shortcuts made from {@link Command}s with ControlsFX's Action API (JabRef's
 * {@code ActionFactory}): each node's text, tooltip and greyed state follow the command's, so a command that cannot act
 * is greyed in the menu and on the toolbar at once, and its shortcut does nothing.
 */
public final class CommandActions {
    private CommandActions() {
    }

    /** The command as a ControlsFX action: text, long text, accelerator, and disabled while the command cannot act. */
    public static Action action(Command command) {
        Action action = new Action(command.text(), e -> command.execute());
        if (command.longText() != null) {
            action.setLongText(command.longText());
        }
        if (command.accelerator() != null) {
            action.setAccelerator(KeyCombination.valueOf(command.accelerator()));
        }
        action.disabledProperty().bind(javafx.beans.binding.Bindings.not(command.executable()));
        return action;
    }

    /**
     * A menu item. {@code showAccelerator} false leaves the shortcut off the item (it is then installed on the scene with
     * {@link #installShortcut}: Ctrl+S means the tier editor's Save on that tab, so the session's cannot be a menu
     * accelerator, which would fire everywhere).
     */
    public static MenuItem menuItem(Command command, boolean showAccelerator) {
        Action action = action(command);
        if (!showAccelerator) {
            action.setAccelerator(null);
        }
        MenuItem item = ActionUtils.createMenuItem(action);
        item.setId(command.id());
        return item;
    }

    public static MenuItem menuItem(Command command) {
        return menuItem(command, true);
    }

    /** A toolbar button with the command's text (its mnemonic included) and tooltip. */
    public static Button button(Command command) {
        Action action = action(command);
        action.setAccelerator(null); // shown in the tooltip's words; the scene holds the shortcut
        Button button = ActionUtils.createButton(action, ActionUtils.ActionTextBehavior.SHOW);
        button.setMnemonicParsing(true);
        button.setId(command.id());
        if (command.longText() != null && button.getTooltip() == null) {
            button.setTooltip(new Tooltip(command.longText()));
        }
        return button;
    }

    /** The command's shortcut on the scene: it acts when the command can (the same state that greys its items). */
    public static void installShortcut(Scene scene, Command command) {
        if (command.accelerator() != null) {
            scene.getAccelerators().put(KeyCombination.valueOf(command.accelerator()), command::execute);
        }
    }
}
