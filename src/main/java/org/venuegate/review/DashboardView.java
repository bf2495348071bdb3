package org.venuegate.review;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.venuegate.review.DashboardViewModel.Bar;
import org.venuegate.review.DashboardViewModel.Kiosk;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The dashboard window: charts and the fleet table bound to {@link DashboardViewModel}; no logic, no network. */
public final class DashboardView {
    private static final PseudoClass SILENT = PseudoClass.getPseudoClass("silent");
    private static final PseudoClass REVOKED = PseudoClass.getPseudoClass("revoked");
    private static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");
    private static final Integer[] PERIODS = {7, 14, 30};

    @FXML
    ChoiceBox<Integer> period;
    @FXML
    Button refresh;
    @FXML
    Label updated;
    @FXML
    Label banner;
    @FXML
    Label waiting;
    @FXML
    Label median;
    @FXML
    Label p90;
    @FXML
    BarChart<String, Number> perDay;
    @FXML
    BarChart<String, Number> perReviewer;
    @FXML
    BarChart<String, Number> perDistrict;
    @FXML
    BarChart<String, Number> perHour;
    @FXML
    VBox fleetBox;
    @FXML
    Label fleetSummary;
    @FXML
    TableView<Kiosk> fleet;
    @FXML
    TableColumn<Kiosk, String> colLabel;
    @FXML
    TableColumn<Kiosk, String> colVenue;
    @FXML
    TableColumn<Kiosk, String> colContact;
    @FXML
    TableColumn<Kiosk, String> colPending;
    @FXML
    TableColumn<Kiosk, String> colTrust;
    @FXML
    TableColumn<Kiosk, String> colSkew;
    @FXML
    TableColumn<Kiosk, String> colStatus;
    @FXML
    TableColumn<Kiosk, String> colRecords;

    private DashboardViewModel vm;
    private Lang lang;

    /** The dashboard in its one window (a second call brings it to the front); Esc closes it. Refreshes on open. */
    public static Stage show(Window owner, DashboardViewModel vm, Lang lang) {
        Stage stage = BackOffice.window(DashboardView.class, vm, owner, lang.get("bo.dash.title"), () -> load(vm, lang), 1280, 720);
        vm.refresh();
        return stage;
    }

    /**
     * A screen's toolbar button for the dashboard it offers: shown (and in the focus order, so Tab and Space reach it)
     * only while there is one; opens or brings forward the one dashboard window.
     */
    static void offer(javafx.scene.control.Button button, javafx.beans.value.ObservableObjectValue<DashboardViewModel> dashboard,
                      Lang lang) {
        button.visibleProperty().bind(javafx.beans.binding.Bindings.isNotNull(dashboard));
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> {
            if (dashboard.get() != null) {
                show(button.getScene().getWindow(), dashboard.get(), lang);
            }
        });
    }

    public static Parent load(DashboardViewModel vm, Lang lang) {
        DashboardView view = new DashboardView();
        view.vm = vm;
        view.lang = lang;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        period.getItems().setAll(PERIODS);
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer d) {
                return d == null ? "" : lang.get("bo.dash.days", d);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        period.setValue(vm.daysProperty().get());
        period.valueProperty().addListener((o, a, d) -> {
            if (d != null) {
                vm.daysProperty().set(d);
                vm.refresh();
            }
        });
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.busyProperty());
        updated.textProperty().bind(vm.updatedProperty());
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        waiting.textProperty().bind(vm.waitingProperty());
        median.textProperty().bind(vm.medianProperty());
        p90.textProperty().bind(vm.p90Property());

        XYChart.Series<String, Number> submitted = new XYChart.Series<>();
        submitted.setName(lang.get("bo.dash.submitted"));
        XYChart.Series<String, Number> decided = new XYChart.Series<>();
        decided.setName(lang.get("bo.dash.decided"));
        perDay.getData().setAll(java.util.List.of(submitted, decided));
        Runnable days = () -> {
            submitted.getData().setAll(vm.perDay().stream().map(d -> new XYChart.Data<String, Number>(d.label(), d.submitted())).toList());
            decided.getData().setAll(vm.perDay().stream().map(d -> new XYChart.Data<String, Number>(d.label(), d.decided())).toList());
        };
        vm.perDay().addListener((ListChangeListener<DashboardViewModel.Day>) c -> days.run());
        days.run();
        bars(perReviewer, vm.perReviewer());
        bars(perDistrict, vm.perDistrict());
        bars(perHour, vm.perHour());
        for (BarChart<String, Number> chart : java.util.List.of(perDay, perReviewer, perDistrict, perHour)) {
            ((javafx.scene.chart.NumberAxis) chart.getYAxis()).setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
                }

                @Override
                public Number fromString(String s) {
                    return null;
                }
            });
        }

        fleetBox.visibleProperty().bind(vm.showsFleetProperty());
        fleetBox.managedProperty().bind(vm.showsFleetProperty());
        fleetSummary.textProperty().bind(vm.fleetSummaryProperty());
        fleet.setItems(vm.fleet());
        column(colLabel, Kiosk::label);
        column(colVenue, Kiosk::venue);
        column(colContact, Kiosk::lastContact);
        column(colPending, Kiosk::pending);
        column(colTrust, Kiosk::trustListAge);
        column(colSkew, Kiosk::clockSkew);
        column(colStatus, Kiosk::status);
        column(colRecords, Kiosk::records);
        fleet.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Kiosk k, boolean empty) {
                super.updateItem(k, empty);
                pseudoClassStateChanged(SILENT, !empty && k != null && k.silent());
                pseudoClassStateChanged(REVOKED, !empty && k != null && k.revoked());
                pseudoClassStateChanged(FLAGGED, !empty && k != null && k.flagged());
            }
        });
    }

    private static void bars(BarChart<String, Number> chart, javafx.collections.ObservableList<Bar> source) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().setAll(java.util.List.of(series));
        Runnable fill = () -> series.getData().setAll(source.stream()
                .map(b -> new XYChart.Data<String, Number>(b.label(), b.value())).toList());
        source.addListener((ListChangeListener<Bar>) c -> fill.run());
        fill.run();
    }

    static <R> void column(TableColumn<R, String> col, Function<R, String> value) {
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
