package org.venuegate.review;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.venuegate.review.TracerViewModel.Mode;
import org.venuegate.review.TracerViewModel.Row;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The tracer's screen; thin bindings to {@link TracerViewModel}, no logic, no network. */
public final class TracerView {
    @FXML
    Label banner;
    @FXML
    TextField caseRef;
    @FXML
    RadioButton byVenue;
    @FXML
    RadioButton bySubject;
    @FXML
    TextField venueId;
    @FXML
    TextField subject;
    @FXML
    DatePicker fromDate;
    @FXML
    TextField fromTime;
    @FXML
    DatePicker toDate;
    @FXML
    TextField toTime;
    @FXML
    Button search;
    @FXML
    Button export;
    @FXML
    Label summary;
    @FXML
    TableView<Row> results;
    @FXML
    TableColumn<Row, String> colTime;
    @FXML
    TableColumn<Row, String> colSubject;
    @FXML
    TableColumn<Row, String> colName;
    @FXML
    TableColumn<Row, String> colVenue;
    @FXML
    TableColumn<Row, String> colOutcome;
    @FXML
    TableColumn<Row, String> colColour;
    @FXML
    TableColumn<Row, String> colEntry;
    @FXML
    javafx.scene.layout.VBox unverifiedBox;
    @FXML
    Label unverifiedSummary;
    @FXML
    TableView<Row> unverified;
    @FXML
    TableColumn<Row, String> uTime;
    @FXML
    TableColumn<Row, String> uSubject;
    @FXML
    TableColumn<Row, String> uPlace;
    @FXML
    TableColumn<Row, String> uOutcome;
    @FXML
    TableColumn<Row, String> uEvidence;

    private TracerViewModel vm;
    private Lang lang;

    /** The tracer screen in its one window (a second call brings it to the front); Esc closes it. */
    public static Stage show(Window owner, TracerViewModel vm, Lang lang) {
        return BackOffice.window(TracerView.class, vm, owner, lang.get("bo.trace.title"), () -> load(vm, lang), 1200, 700);
    }

    /** The tracer screen as a node, for the main window of a tracer's session. */
    public static Parent load(TracerViewModel vm, Lang lang) {
        TracerView view = new TracerView();
        view.vm = vm;
        view.lang = lang;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        caseRef.textProperty().bindBidirectional(vm.caseRefProperty());
        byVenue.setSelected(vm.modeProperty().get() == Mode.VENUE);
        bySubject.setSelected(vm.modeProperty().get() == Mode.SUBJECT);
        byVenue.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                vm.modeProperty().set(Mode.VENUE);
            }
        });
        bySubject.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                vm.modeProperty().set(Mode.SUBJECT);
            }
        });
        venueId.textProperty().bindBidirectional(vm.venueIdProperty());
        subject.textProperty().bindBidirectional(vm.subjectProperty());
        venueId.disableProperty().bind(vm.modeProperty().isNotEqualTo(Mode.VENUE));
        subject.disableProperty().bind(vm.modeProperty().isNotEqualTo(Mode.SUBJECT));
        fromDate.valueProperty().bindBidirectional(vm.fromDateProperty());
        fromTime.textProperty().bindBidirectional(vm.fromTimeProperty());
        toDate.valueProperty().bindBidirectional(vm.toDateProperty());
        toTime.textProperty().bindBidirectional(vm.toTimeProperty());
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.busyProperty());
        export.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(lang.get("bo.trace.export"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(lang.get("bo.trace.csvFiles"), "*.csv"));
            chooser.setInitialFileName(lang.get("bo.trace.fileName",
                    vm.caseRefProperty().get().strip().replaceAll("[^\\p{L}\\p{N}_-]", "_")) + ".csv");
            java.io.File file = chooser.showSaveDialog(banner.getScene().getWindow());
            if (file != null) {
                vm.exportCsv(file.toPath());
            }
        });
        summary.textProperty().bind(vm.summaryProperty());
        results.setItems(vm.rows());
        DashboardView.column(colTime, Row::time);
        DashboardView.column(colSubject, Row::subject);
        DashboardView.column(colName, Row::maskedName);
        DashboardView.column(colVenue, Row::venue);
        DashboardView.column(colOutcome, Row::outcome);
        DashboardView.column(colColour, Row::colour);
        DashboardView.column(colEntry, Row::entry);
        // unverified attempts in their own table, shown only when there are some: never mixed into the visits
        unverified.setItems(vm.unverifiedRows());
        unverifiedSummary.textProperty().bind(vm.unverifiedSummaryProperty());
        unverifiedBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.unverifiedRows()));
        unverifiedBox.managedProperty().bind(unverifiedBox.visibleProperty());
        DashboardView.column(uTime, Row::time);
        DashboardView.column(uSubject, Row::subject);
        DashboardView.column(uOutcome, Row::outcome);
        DashboardView.column(uEvidence, Row::evidence);
        Runnable columns = () -> {
            boolean venue = vm.shownModeProperty().get() == Mode.VENUE;
            DashboardView.column(uPlace, venue ? Row::entry : Row::venue);
            uPlace.setText(lang.get(venue ? "bo.trace.col.entry" : "bo.trace.col.venue"));
            colName.setVisible(venue);
            colColour.setVisible(venue);
            colEntry.setVisible(venue);
            colVenue.setVisible(!venue);
        };
        vm.shownModeProperty().addListener((o, a, m) -> columns.run());
        columns.run();
    }
}
