package io.liqlab.app;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.ui.Styles;
import io.liqlab.ui.profiles.ProfilesView;
import io.liqlab.ui.profiles.ProfilesViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.Objects;

/** The composition root: builds the services once and hands them to the views through constructors. */
public final class LiqLabApp extends Application {

    public static final String TITLE = "LiqLab";

    public static void launchApp(String[] args) {
        Application.launch(LiqLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle(TITLE);
        stage.setScene(createScene(ProfileCatalog.loadDefault()));
        stage.show();
    }

    /** The main scene for a catalog; also what the headless UI tests open. */
    public static Scene createScene(ProfileCatalog catalog) {
        ProfilesViewModel profiles = new ProfilesViewModel(catalog);
        BorderPane root = new BorderPane(new ProfilesView(profiles));
        VBox top = new VBox();
        Label banner = new Label("Venue profiles: the rules, tiers and data provenance LiqLab computes with. "
                + "Run the command line (calc, sweep, profiles) for the numbers; the position workspace and charts are not built yet.");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().add(Styles.BANNER);
        top.getChildren().add(banner);
        for (String problem : profiles.problems()) {
            Label p = new Label("Not loaded: " + problem);
            p.setWrapText(true);
            p.setMaxWidth(Double.MAX_VALUE);
            p.getStyleClass().add(Styles.PROBLEM);
            top.getChildren().add(p);
        }
        root.setTop(top);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(LiqLabApp.class.getResource("/io/liqlab/ui/liqlab.css")).toExternalForm());
        return scene;
    }
}
