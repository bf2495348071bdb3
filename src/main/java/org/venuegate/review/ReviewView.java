package org.venuegate.review;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The reviewer's screen: thin bindings to {@link QueueViewModel}, plus keyboard shortcuts for next, pass, fail. */
public final class ReviewView {
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    @FXML
    BorderPane root;
    @FXML
    ToggleButton underReview;
    @FXML
    ToggleButton passed;
    @FXML
    ToggleButton failed;
    @FXML
    TextField search;
    @FXML
    Label banner;
    @FXML
    TableView<QueueViewModel.Row> table;
    @FXML
    TableColumn<QueueViewModel.Row, String> nameCol;
    @FXML
    TableColumn<QueueViewModel.Row, String> creditCol;
    @FXML
    TableColumn<QueueViewModel.Row, String> districtCol;
    @FXML
    TableColumn<QueueViewModel.Row, String> categoryCol;
    @FXML
    TableColumn<QueueViewModel.Row, String> submittedCol;
    @FXML
    Button prevPage;
    @FXML
    Button nextPage;
    @FXML
    Label pageLabel;
    @FXML
    GridPane fields;
    @FXML
    ListView<QueueViewModel.CheckRow> checks;
    @FXML
    ListView<String> history;
    @FXML
    ComboBox<String> reason;
    @FXML
    Button passButton;
    @FXML
    Button failButton;
    @FXML
    Button nextButton;
    @FXML
    ComboBox<String> districtFilter;
    @FXML
    TextField categoryFilter;
    @FXML
    javafx.scene.control.DatePicker fromFilter;
    @FXML
    javafx.scene.control.DatePicker toFilter;
    @FXML
    ComboBox<String> sortChoice;
    @FXML
    Button adminButton;
    @FXML
    Button chainButton;
    @FXML
    javafx.scene.layout.HBox batchBox;
    @FXML
    javafx.scene.control.ProgressBar batchBar;
    @FXML
    Button batchCancel;
    @FXML
    GridPane replacedFields;
    @FXML
    Button exportButton;
    @FXML
    Button printButton;

    private QueueViewModel vm;
    private Lang lang;

    private PosterExporter posters;
    private AdminViewModel admin;

    public static Parent load(QueueViewModel vm, Lang lang) {
        return load(vm, lang, null, null);
    }

    /** @param posters renders and self-tests posters for export and printing (null: those buttons do nothing) */
    public static Parent load(QueueViewModel vm, Lang lang, PosterExporter posters, AdminViewModel admin) {
        ReviewView view = new ReviewView();
        view.vm = vm;
        view.lang = lang;
        view.posters = posters;
        view.admin = admin;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        vm.countsProperty().addListener((o, a, c) -> labelTabs());
        labelTabs();
        underReview.setOnAction(e -> vm.showStatus("UNDER_REVIEW"));
        passed.setOnAction(e -> vm.showStatus("PASSED"));
        failed.setOnAction(e -> vm.showStatus("FAILED"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnAction(e -> vm.showStatus(vm.statusProperty().get()));
        boolean en = lang.locale().getLanguage().equals("en");
        java.util.Map<Integer, String> districts = org.venuegate.core.place.Districts.all(en);
        districtFilter.getItems().add(lang.get("review.filter.any"));
        districtFilter.getItems().addAll(districts.values());
        districtFilter.setOnAction(e -> {
            String chosen = districtFilter.getValue();
            vm.districtProperty().set(districts.entrySet().stream().filter(d -> d.getValue().equals(chosen))
                    .map(java.util.Map.Entry::getKey).findFirst().orElse(null));
            vm.showStatus(vm.statusProperty().get());
        });
        categoryFilter.textProperty().bindBidirectional(vm.categoryProperty());
        categoryFilter.setOnAction(e -> vm.showStatus(vm.statusProperty().get()));
        fromFilter.valueProperty().bindBidirectional(vm.fromProperty());
        toFilter.valueProperty().bindBidirectional(vm.toProperty());
        fromFilter.setOnAction(e -> vm.showStatus(vm.statusProperty().get()));
        toFilter.setOnAction(e -> vm.showStatus(vm.statusProperty().get()));
        for (String so : SORTS) {
            sortChoice.getItems().add(lang.get("review.sort." + so));
        }
        sortChoice.setOnAction(e -> {
            int i = sortChoice.getSelectionModel().getSelectedIndex();
            String chosen = i < 0 ? null : SORTS.get(i);
            if (!java.util.Objects.equals(chosen, vm.sortProperty().get())) {
                vm.sortProperty().set(chosen);
                showSortInHeaders(chosen);
                vm.pageProperty().set(0);
                vm.refresh();
            }
        });
        banner.textProperty().bind(vm.bannerProperty());
        banner.textProperty().addListener((o, a, t) -> banner.pseudoClassStateChanged(EMPTY, t.isEmpty()));
        banner.pseudoClassStateChanged(EMPTY, true);

        table.setItems(vm.rows());
        nameCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().placeName()));
        creditCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().creditCode()));
        districtCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().district()));
        categoryCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        submittedCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().submittedAt()));
        // One selection, owned by the view model: the table reports the reviewer's pick and follows the model.
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                vm.userSelected(row.id());
            }
        });
        vm.selectedIdProperty().addListener((o, a, id) -> highlightSelection());
        vm.rows().addListener((javafx.collections.ListChangeListener<QueueViewModel.Row>) c -> highlightSelection());
        creditCol.setUserData("CREDIT_CODE");
        nameCol.setUserData("NAME");
        districtCol.setUserData("DISTRICT");
        categoryCol.setUserData("CATEGORY");
        submittedCol.setUserData("SUBMITTED_AT");
        // Header clicks sort on the hub (the whole queue, not just this page), the same as the sort choice.
        table.setSortPolicy(t -> {
            String chosen = headerSort();
            if (!java.util.Objects.equals(chosen, vm.sortProperty().get()) && chosen != null) {
                vm.sortProperty().set(chosen);
                sortChoice.getSelectionModel().select(SORTS.indexOf(chosen));
                vm.pageProperty().set(0);
                vm.refresh();
            }
            return true;
        });
        prevPage.setOnAction(e -> vm.previousPage());
        nextPage.setOnAction(e -> vm.nextPage());
        vm.totalProperty().addListener((o, a, t) -> pageLabel.setText(lang.get("review.page", vm.pageProperty().get() + 1, t)));
        vm.pageProperty().addListener((o, a, p) -> pageLabel.setText(lang.get("review.page", p.intValue() + 1, vm.totalProperty().get())));

        checks.setItems(vm.checks());
        checks.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QueueViewModel.CheckRow c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("check-pass", "check-fail");
                if (empty || c == null) {
                    setText(null);
                } else {
                    setText((c.passed() ? "✔ " : "✘ ") + c.name() + " — " + c.message());
                    getStyleClass().add(c.passed() ? "check-pass" : "check-fail");
                }
            }
        });
        history.setItems(vm.history());
        reason.setItems(vm.commonReasons());
        reason.getEditor().textProperty().bindBidirectional(vm.reasonProperty());
        vm.detailProperty().addListener((o, a, d) -> showFields(d));
        boolean[] decidable = {false};
        vm.detailProperty().addListener((o, a, d) -> {
            decidable[0] = d != null && "UNDER_REVIEW".equals(d.get("application").get("status").asText());
            passButton.setDisable(!decidable[0]);
            failButton.setDisable(!decidable[0]);
        });
        passButton.setDisable(true);
        failButton.setDisable(true);
        passButton.setOnAction(e -> vm.pass());
        failButton.setOnAction(e -> vm.fail());
        nextButton.setOnAction(e -> vm.selectNext());
        adminButton.setDisable(admin == null);
        adminButton.setOnAction(e -> AdminView.show(root.getScene().getWindow(), admin, lang));
        exportButton.setDisable(true);
        printButton.setDisable(true);
        vm.detailProperty().addListener((o, a, d) -> {
            boolean passedApp = d != null && !d.get("application").get("venueId").isNull();
            exportButton.setDisable(!passedApp);
            printButton.setDisable(!passedApp);
        });
        chainButton.setDisable(true);
        vm.detailProperty().addListener((o, a, d) -> chainButton.setDisable(d == null || posters == null));
        chainButton.setOnAction(e -> {
            java.io.File dir = new javafx.stage.DirectoryChooser().showDialog(root.getScene().getWindow());
            if (dir != null) {
                vm.exportChain(posters, dir.toPath());
            }
        });
        batchCancel.setOnAction(e -> vm.cancelBatch());
        vm.batchProgressProperty().addListener((o, a, p) -> {
            boolean running = p.doubleValue() >= 0;
            batchBox.setVisible(running);
            batchBox.setManaged(running);
            batchBar.setProgress(Math.max(0, p.doubleValue()));
        });
        exportButton.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
            chooser.setInitialFileName("venue-" + vm.detailProperty().get().get("application").get("id").asText() + ".pdf");
            java.io.File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null && posters != null) {
                vm.exportPoster(posters, f.toPath(), org.venuegate.poster.PaperSize.A4, org.venuegate.poster.ColourMode.COLOUR);
            }
        });
        printButton.setOnAction(e -> {
            if (vm.explainIfNoPrinter(javafx.print.Printer.getDefaultPrinter() != null) && posters != null) {
                PosterPrinting.print(root.getScene().getWindow(), vm, posters);
            }
        });
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), passButton::fire);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), failButton::fire);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), nextButton::fire);
            }
        });
    }

    static final java.util.List<String> SORTS = java.util.List.of("SUBMITTED_AT", "SUBMITTED_AT_DESC", "NAME", "NAME_DESC",
            "CREDIT_CODE", "CREDIT_CODE_DESC", "DISTRICT", "DISTRICT_DESC", "CATEGORY", "CATEGORY_DESC", "DECIDED_AT_DESC");

    /** The hub sort the table's header shows, or null when no column is sorted. */
    private String headerSort() {
        if (table.getSortOrder().isEmpty()) {
            return null;
        }
        TableColumn<QueueViewModel.Row, ?> col = table.getSortOrder().get(0);
        return col.getUserData() + (col.getSortType() == TableColumn.SortType.DESCENDING ? "_DESC" : "");
    }

    /** Shows a sort chosen in the list as the header's sort arrow (no arrow for orders no column has). */
    private void showSortInHeaders(String sort) {
        for (TableColumn<QueueViewModel.Row, ?> col : table.getColumns()) {
            Object key = col.getUserData();
            if (key != null && sort != null && (sort.equals(key) || sort.equals(key + "_DESC"))) {
                col.setSortType(sort.endsWith("_DESC") ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(java.util.List.of(col));
                return;
            }
        }
        table.getSortOrder().clear();
    }

    /** Highlights the view model's selection in the table, or nothing when it is not on this page. */
    private void highlightSelection() {
        Long id = vm.selectedIdProperty().get();
        int index = -1;
        for (int i = 0; id != null && i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id() == id) {
                index = i;
            }
        }
        if (index < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != index) {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        }
    }

    private void labelTabs() {
        var c = vm.countsProperty().get();
        underReview.setText(lang.get("review.tab.UNDER_REVIEW", c.getOrDefault("UNDER_REVIEW", 0L)));
        passed.setText(lang.get("review.tab.PASSED", c.getOrDefault("PASSED", 0L)));
        failed.setText(lang.get("review.tab.FAILED", c.getOrDefault("FAILED", 0L)));
    }

    private void showFields(JsonNode d) {
        fields.getChildren().clear();
        if (d == null) {
            return;
        }
        JsonNode a = d.get("application");
        String[] names = {"placeName", "unitName", "creditCode", "category", "district", "address", "mobile",
            "responsibleName", "responsibleIdNumberMasked", "responsiblePhone", "status", "submittedBy", "failReason", "replacesId"};
        int row = 0;
        for (String n : names) {
            JsonNode v = a.get(n);
            if (v == null || v.isNull()) {
                continue;
            }
            Label key = new Label(lang.get("review.field." + n));
            key.getStyleClass().add("field-label");
            fields.addRow(row++, key, new Label(v.asText()));
        }
        replacedFields.getChildren().clear();
        JsonNode replaced = d.get("replaces");
        if (replaced != null && !replaced.isNull()) {
            // A re-application beside the one it replaces, field by field (FAQ site-code 10).
            Label title = new Label(lang.get("review.field.replaces") + " #" + replaced.get("id").asText());
            title.getStyleClass().add("section");
            replacedFields.addRow(0, title);
            int r = 1;
            for (String n : names) {
                JsonNode v = replaced.get(n);
                if (v != null && !v.isNull()) {
                    Label value = new Label(v.asText());
                    JsonNode now = a.get(n);
                    if (now == null || !v.asText().equals(now.asText())) {
                        value.getStyleClass().add("check-fail");
                    }
                    replacedFields.addRow(r++, value);
                }
            }
        }
    }
}
