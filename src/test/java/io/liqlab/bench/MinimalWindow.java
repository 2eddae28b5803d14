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
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("minimal")), 1600, 1000);
            stage.setTitle("minimal");
            stage.setScene(scene);
            stage.show();
            StartupProbe.reportFirstFrame(scene);
        }
    }
}
