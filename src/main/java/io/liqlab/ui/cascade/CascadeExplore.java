package io.liqlab.ui.cascade;

import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

import java.util.function.Consumer;

/**
 * The Cascade tab's ways to explore beyond one run: the "Phase map" toggle, which puts the map in the charts'
 * place (a click on a cell plays its run and brings the charts back), and the "Seed band" switch, which draws the
 * 10th-90th percentile of the price over seeds behind the played run.
 */
final class CascadeExplore {

    private final CascadeViewModel vm;
    private final CascadeCharts charts;
    private final Consumer<Node> showInCentre;
    private final ToggleButton mapToggle = new ToggleButton(Text.get("cascade.map.toggle"));
    private final CheckBox bandToggle = new CheckBox(Text.get("cascade.band.toggle"));
    private final Label bandStatus = new Label();
    private PhaseMapView map;

    CascadeExplore(CascadeViewModel vm, CascadeCharts charts, Consumer<Node> showInCentre) {
        this.vm = vm;
        this.charts = charts;
        this.showInCentre = showInCentre;
        mapToggle.setId("cascade-phase-map");
        mapToggle.setTooltip(new Tooltip(Text.get("cascade.map.toggle.tooltip")));
        mapToggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        mapToggle.selectedProperty().subscribe(this::showMap);
        bandToggle.setId("cascade-seed-band");
        bandToggle.setTooltip(new Tooltip(Text.get("cascade.band.toggle.tooltip")));
        bandToggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bandToggle.selectedProperty().bindBidirectional(vm.bandShownProperty());
        bandStatus.setId("cascade-band-status");
        bandStatus.getStyleClass().add(Styles.SUBTITLE);
        bandStatus.setMinWidth(0);
        bandStatus.textProperty().bind(vm.bandStatusProperty());
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
