package io.liqlab.ui;

import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every mnemonic of the toolbar and its menus, and every window-wide shortcut, is in the README's table. */
class ShortcutsDocumentedTest extends AppWindowTest {

    private static String mnemonic(String text) {
        int i = text.indexOf('_');
        return i < 0 || i + 1 >= text.length() ? null : String.valueOf(Character.toUpperCase(text.charAt(i + 1)));
    }

    @Test
    void theReadmeNamesEveryMnemonicAndShortcut(FxRobot robot) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
        for (var n : bar.getItems()) {
            if (n instanceof Labeled l && l.isMnemonicParsing() && mnemonic(l.getText()) != null) {
                String alt = "Alt+" + mnemonic(l.getText());
                if (!readme.contains(alt)) {
                    missing.add(alt + " (" + l.getText() + ")");
                }
                if (l instanceof MenuButton menu) {
                    for (MenuItem item : menu.getItems()) {
                        String key = item.getText() == null || !item.isMnemonicParsing() ? null : mnemonic(item.getText());
                        String documented = alt + ", " + key;
                        if (key != null && !readme.contains(documented)) {
                            missing.add(documented + " (" + item.getText() + ")");
                        }
                        if (item.getAccelerator() != null && !readme.contains(item.getAccelerator().getDisplayText())) {
                            missing.add(item.getAccelerator().getDisplayText() + " (" + item.getText() + ")");
                        }
                    }
                }
            }
        }
        for (KeyCombination k : stage.getScene().getAccelerators().keySet()) {
            String shown = k.getDisplayText().replace("\u2191", "Up").replace("\u2193", "Down");
            if (!readme.contains(shown) && !(shown.matches("Ctrl\\+[1-9]") && readme.contains("Ctrl+1 .. Ctrl+"))) {
                missing.add(shown);
            }
        }
        assertEquals(List.of(), missing, "shortcuts the README's keyboard table does not name");
    }
}
