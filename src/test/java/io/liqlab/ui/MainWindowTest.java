package io.liqlab.ui;

import io.liqlab.app.LiqLabApp;
import io.liqlab.profile.VenueProfile;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real window, headless (Monocle): titled LiqLab, listing the profiles, showing the selected one's tiers. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static Path home;
    private Stage stage;

    @BeforeAll
    static void emptyUserFolder() throws Exception {
        home = Files.createTempDirectory("liqlab-home");
        System.setProperty("liqlab.home", home.toString());
    }

    @AfterAll
    static void clear() {
        System.clearProperty("liqlab.home");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new LiqLabApp().start(stage);
    }

    @Test
    void windowIsTitledLiqLabAndListsTheSevenProfiles(FxRobot robot) {
        assertEquals("LiqLab", stage.getTitle());
        ListView<VenueProfile> list = robot.lookup("#profile-list").queryListView();
        assertEquals(7, list.getItems().size());
    }

    @Test
    void selectingAProfileShowsItsTiers(FxRobot robot) {
        ListView<VenueProfile> list = robot.lookup("#profile-list").queryListView();
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(p -> p.id().equals("binance-usdm-btc")).findFirst().orElseThrow()));
        TableView<?> table = robot.lookup("#tier-table").queryTableView();
        assertEquals(12, table.getItems().size());
    }
}
