package io.liqlab.ui;

import io.liqlab.TestProfiles;
import io.liqlab.app.LiqLabApp;
import io.liqlab.profile.DraftStore;
import io.liqlab.ui.tiers.TierEditorViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A draft left by a killed session: the next start opens the tier editor and offers it back. */
@ExtendWith(ApplicationExtension.class)
class DraftOfferTest {
    private static Path home;

    @BeforeAll
    static void aDraftWasLeftBehind() throws Exception {
        home = TempHome.use("liqlab-draft");
        TierEditorViewModel before = new TierEditorViewModel(TestProfiles.get("gte-btc"));
        before.setCell(0, TierEditorViewModel.Column.MMR, "0.015");
        new DraftStore(home.resolve("drafts")).save(before.idProperty().get(), before.toDraft());
    }

    @AfterAll
    static void clear() {
        TempHome.clear();
    }

    @Start
    void start(Stage stage) {
        new LiqLabApp().start(stage);
    }

    @Test
    void theNextStartOffersTheDraftBackExactly(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("tab-tiers", tabs.getSelectionModel().getSelectedItem().getId(), "opens on the tier editor");
        robot.clickOn(robot.lookup("#restore-gte-btc-edited").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        assertEquals("0.015", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR));
    }
}
