package io.liqlab.ui.cascade;

import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.ToggleSwitch;

import java.util.function.Consumer;

/**
 * The Cascade tab's ways to explore beyond one run: the "Phase map" toggle, which puts the map in the charts'
 * place (a click on a cell plays its run and brings the charts back), and the "Seed band" switch (both ControlsFX toggle switches), which draws the
 * 10th-90th percentile of the price over seeds behind the played run.
 */
final class CascadeExplore {

    private final CascadeViewModel vm;
    private final CascadeCharts charts;
    private final Consumer<Node> showInCentre;
    // Switches (ControlsFX): each turns a view on or off at once, which is what a switch says and a check box does not.
    private final ToggleSwitch mapToggle = io.liqlab.ui.Forms.toggleSwitch(Text.get("cascade.map.toggle"), "cascade-phase-map");
    private final ToggleSwitch bandToggle = io.liqlab.ui.Forms.toggleSwitch(Text.get("cascade.band.toggle"), "cascade-seed-band");
    /** Whole up to 20 em (a seed count or the seeds' range), cut beyond that with the whole text on hover. */
    private final Label bandStatus = new Label() {
        @Override
        protected double computeMinWidth(double height) {
            return Math.min(computePrefWidth(height), 20 * getFont().getSize());
        }
    };
    private PhaseMapView map;

    CascadeExplore(CascadeViewModel vm, CascadeCharts charts, Consumer<Node> showInCentre) {
        this.vm = vm;
        this.charts = charts;
        this.showInCentre = showInCentre;
        mapToggle.setTooltip(new Tooltip(Text.get("cascade.map.toggle.tooltip")));
        mapToggle.selectedProperty().subscribe(this::showMap);
        bandToggle.setTooltip(new Tooltip(Text.get("cascade.band.toggle.tooltip")));
        bandToggle.selectedProperty().bindBidirectional(vm.bandShownProperty());
        bandStatus.setId("cascade-band-status");
        bandStatus.getStyleClass().add(Styles.SUBTITLE);
        // Short enough to stay whole beside the toggles at 1280x720 (it was squeezed to nothing there); the band's
        // meaning is in the toggle's tooltip and the chart's key.
        bandStatus.textProperty().bind(vm.bandStatusProperty());
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(vm.bandStatusProperty());
        bandStatus.setTooltip(statusTip);
        vm.bandProperty().subscribe(charts::setBand);
    }

    Node mapToggle() {
        return mapToggle;
    }

    Node bandToggle() {
        return bandToggle;
    }

    Node bandStatus() {
        return bandStatus;
    }

    private void showMap(boolean shown) {
        if (shown) {
            if (map == null) {
                map = new PhaseMapView(vm.phaseMap(), () -> mapToggle.setSelected(false));
            }
            showInCentre.accept(map);
        } else {
            showInCentre.accept(charts);
        }
    }

    /** The map view once it has been opened (tests). */
    PhaseMapView mapView() {
        return map;
    }
}
