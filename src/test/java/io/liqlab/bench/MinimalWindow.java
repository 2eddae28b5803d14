package io.liqlab.bench;

import io.liqlab.app.StartupProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline for start-up time: a minimal JavaFX window of LiqLab's size, started the same way. */
public final class MinimalWindow {
    public static void main(String[] args) {
        StartupProbe.mark("main");
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            StartupProbe.mark("start");
            Scene scene = new Scene(new StackPane(new Label("minimal")), 1600, 1000);
            stage.setTitle("minimal");
            stage.setScene(scene);
            StartupProbe.mark("scene");
            stage.show();
            StartupProbe.mark("shown");
            StartupProbe.reportFirstFrame(scene);
        }
    }
}
