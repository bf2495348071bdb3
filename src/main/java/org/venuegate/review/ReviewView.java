package org.venuegate.review;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/**
 * The reviewer's screen: thin bindings to {@link QueueViewModel}. The table follows the view model's one selection;
 * header sorting is the hub's sort. Keys: J/K or the arrows move, Alt+P pass, Alt+F fail (into the reason when it is
 * empty), Alt+1..6 fail with a common reason, Ctrl+Z undo, Ctrl+L or Ctrl+F search, Ctrl+P print the poster.
 */
public final class ReviewView {
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    private static final Map<QueueViewModel.BannerKind, PseudoClass> KINDS = Map.of(
            QueueViewModel.BannerKind.SUCCESS, PseudoClass.getPseudoClass("success"),
            QueueViewModel.BannerKind.WARNING, PseudoClass.getPseudoClass("warning"),
            QueueViewModel.BannerKind.ERROR, PseudoClass.getPseudoClass("error"));
    static final List<ApplicationSort> SORTS = List.of(ApplicationSort.values());

    /** What a column header sorts by, up and down (the column's user data). */
    private record ColumnSort(ApplicationSort up, ApplicationSort down) {
    }

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
    TableColumn<QueueViewModel.Row, String> statusCol;
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
    TableColumn<QueueViewModel.Row, String> waitedCol;
    @FXML
    Button prevPage;
    @FXML
    Button nextPage;
    @FXML
    Label pageLabel;
    @FXML
    Button bulkPass;
    @FXML
    GridPane fields;
    @FXML
    javafx.scene.control.ScrollPane detailScroll;
    @FXML
    Label replacesTitle;
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
    Button undoButton;
    @FXML
    ComboBox<String> districtFilter;
    @FXML
    ComboBox<String> categoryFilter;
    @FXML
    DatePicker fromFilter;
    @FXML
    DatePicker toFilter;
    @FXML
    ComboBox<String> sortChoice;
    @FXML
    Button dashboardButton;
    @FXML
    Button adminButton;
    @FXML
    ChoiceBox<String> posterFormat;
    @FXML
    Button exportButton;
    @FXML
    Button printButton;
    @FXML
    Button chainButton;
    @FXML
    HBox batchBox;
    @FXML
    ProgressBar batchBar;
    @FXML
    Button batchCancel;

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
        detailScroll.viewportBoundsProperty().addListener((o, a, b) -> fitFieldNames());
        vm.countsProperty().addListener((o, a, c) -> labelTabs());
        labelTabs();
        underReview.setOnAction(e -> vm.showStatus(ApplicationStatus.UNDER_REVIEW));
        passed.setOnAction(e -> vm.showStatus(ApplicationStatus.PASSED));
        failed.setOnAction(e -> vm.showStatus(ApplicationStatus.FAILED));
        // a toggle group lets the pressed tab be pressed again into "none": keep one tab selected
        underReview.getToggleGroup().selectedToggleProperty().addListener((o, a, now) -> {
            if (now == null && a != null) {
                a.setSelected(true);
            }
        });
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnAction(e -> vm.showStatus(vm.statusProperty().get()));
        filters();
        banner.textProperty().bind(vm.bannerProperty());
        vm.bannerKindProperty().addListener((o, a, k) -> showBannerKind(k));
        showBannerKind(vm.bannerKindProperty().get());

        table();
        prevPage.setOnAction(e -> vm.previousPage());
        nextPage.setOnAction(e -> vm.nextPage());
        vm.totalProperty().addListener((o, a, t) -> pageLabel.setText(lang.get("review.page", vm.pageProperty().get() + 1, t)));
        vm.pageProperty().addListener((o, a, p) -> pageLabel.setText(lang.get("review.page", p.intValue() + 1, vm.totalProperty().get())));
        bulkPass.setOnAction(e -> vm.passAll(table.getSelectionModel().getSelectedItems().stream()
                .map(QueueViewModel.Row::id).toList()));
        bulkPass.disableProperty().bind(javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems()).lessThan(2)
                .or(underReview.selectedProperty().not()));

        detail();
        // only an admin ever sees the admin tools (a reviewer would be refused by the hub)
        adminButton.setVisible(admin != null);
        adminButton.setManaged(admin != null);
        adminButton.setOnAction(e -> AdminView.show(root.getScene().getWindow(), admin, lang));
        // the dashboard sits in this one toolbar, for the roles the view model offers it to
        DashboardView.offer(dashboardButton, vm.dashboardProperty(), lang);
        posters();
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                keys(scene);
            }
        });
    }

    private void filters() {
        boolean en = lang.locale().getLanguage().equals("en");
        Map<Integer, String> districts = org.venuegate.core.place.Districts.all(en);
        districtFilter.getItems().add(lang.get("review.filter.any"));
        districtFilter.getItems().addAll(districts.values());
        districtFilter.setOnAction(e -> {
            String chosen = districtFilter.getValue();
            vm.districtProperty().set(districts.entrySet().stream().filter(d -> d.getValue().equals(chosen))
                    .map(Map.Entry::getKey).findFirst().orElse(null));
            vm.showStatus(vm.statusProperty().get());
        });
        // the hub's categories, by name in this language; filled once the first page has brought them
        java.util.List<String> categoryCodes = new java.util.ArrayList<>();
        Runnable fillCategories = () -> {
            Map<String, String> names = new java.util.TreeMap<>(vm.names().categoryNames());
            if (names.size() == categoryCodes.size()) {
                return;
            }
            categoryCodes.clear();
            categoryCodes.addAll(names.keySet());
            String current = categoryFilter.getValue();
            categoryFilter.getItems().setAll(lang.get("review.filter.categoryAny"));
            categoryFilter.getItems().addAll(names.values());
            categoryFilter.setValue(current);
        };
        vm.countsProperty().addListener((o, a, c) -> fillCategories.run());
        categoryFilter.setOnAction(e -> {
            int i = categoryFilter.getSelectionModel().getSelectedIndex();
            String code = i >= 1 && i - 1 < categoryCodes.size() ? categoryCodes.get(i - 1) : "";
            if (!code.equals(vm.categoryProperty().get())) {
                vm.categoryProperty().set(code);
                vm.showStatus(vm.statusProperty().get());
            }
        });
        fromFilter.valueProperty().bindBidirectional(vm.fromProperty());
        toFilter.valueProperty().bindBidirectional(vm.toProperty());
        fromFilter.setOnAction(e -> vm.showStatus(vm.statusProperty().get()));
        toFilter.setOnAction(e -> vm.showStatus(vm.statusProperty().get()));
        for (ApplicationSort so : SORTS) {
            sortChoice.getItems().add(lang.get("review.sort." + so.name()));
        }
        sortChoice.setOnAction(e -> {
            int i = sortChoice.getSelectionModel().getSelectedIndex();
            ApplicationSort chosen = i < 0 ? null : SORTS.get(i);
            if (!Objects.equals(chosen, vm.sortProperty().get())) {
                vm.sortProperty().set(chosen);
                showSortInHeaders(chosen);
                vm.pageProperty().set(0);
                vm.refresh();
            }
        });
    }

    private void table() {
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(lang.get("review.placeholder")));
        statusCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        statusCol.setSortable(false);
        statusCol.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            {
                badge.getStyleClass().add("status-badge");
                badge.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                QueueViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(s);
                for (ApplicationStatus st : ApplicationStatus.values()) {
                    badge.pseudoClassStateChanged(PseudoClass.getPseudoClass(st.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                            st == row.statusCode());
                }
                setGraphic(badge);
            }
        });
        nameCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().placeName()));
        // long names wrap onto a second line instead of ending in "..."
        nameCol.setCellFactory(c -> wrapping(nameCol));
        creditCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().creditCode()));
        districtCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().district()));
        categoryCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        categoryCol.setCellFactory(c -> wrapping(categoryCol));
        submittedCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().submittedAt()));
        waitedCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().waited()));
        // One selection, owned by the view model: the table reports the reviewer's pick and follows the model.
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItems().size() == 1) {
                vm.userSelected(row.id());
            }
        });
        vm.selectedIdProperty().addListener((o, a, id) -> highlightSelection());
        vm.rows().addListener((ListChangeListener<QueueViewModel.Row>) c -> highlightSelection());
        creditCol.setUserData(new ColumnSort(ApplicationSort.CREDIT_CODE, ApplicationSort.CREDIT_CODE_DESC));
        nameCol.setUserData(new ColumnSort(ApplicationSort.NAME, ApplicationSort.NAME_DESC));
        districtCol.setUserData(new ColumnSort(ApplicationSort.DISTRICT, ApplicationSort.DISTRICT_DESC));
        categoryCol.setUserData(new ColumnSort(ApplicationSort.CATEGORY, ApplicationSort.CATEGORY_DESC));
        submittedCol.setUserData(new ColumnSort(ApplicationSort.SUBMITTED_AT, ApplicationSort.SUBMITTED_AT_DESC));
        // Header clicks sort on the hub (the whole queue, not just this page), the same as the sort choice.
        table.setSortPolicy(t -> {
            ApplicationSort chosen = headerSort();
            if (!Objects.equals(chosen, vm.sortProperty().get()) && chosen != null) {
                vm.sortProperty().set(chosen);
                sortChoice.getSelectionModel().select(SORTS.indexOf(chosen));
                vm.pageProperty().set(0);
                vm.refresh();
            }
            return true;
        });
    }

    /** A cell whose text wraps within its column (the row grows) instead of ending in "...". */
    private static TableCell<QueueViewModel.Row, String> wrapping(TableColumn<QueueViewModel.Row, String> column) {
        return new TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                text.getStyleClass().add("cell-text");
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                text.setText(empty || s == null ? "" : s);
                setGraphic(empty ? null : text);
                setText(null);
            }
        };
    }

    private void detail() {
        vm.fields().addListener((ListChangeListener<QueueViewModel.Field>) c -> showFields());
        replacesTitle.textProperty().bind(vm.replacesTitleProperty());
        replacesTitle.managedProperty().bind(replacesTitle.textProperty().isNotEmpty());
        replacesTitle.visibleProperty().bind(replacesTitle.managedProperty());
        checks.setItems(vm.checks());
        checks.setPlaceholder(new Label(""));
        checks.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QueueViewModel.CheckRow c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("check-pass", "check-fail");
                setWrapText(true);
                setPrefWidth(0);
                if (empty || c == null) {
                    setText(null);
                } else {
                    setText((c.passed() ? "✔ " : "✘ ") + c.name() + " — " + c.message());
                    getStyleClass().add(c.passed() ? "check-pass" : "check-fail");
                }
            }
        });
        history.setItems(vm.history());
        history.setPlaceholder(new Label(""));
        reason.setItems(vm.commonReasons());
        reason.getEditor().textProperty().bindBidirectional(vm.reasonProperty());
        passButton.disableProperty().bind(vm.decidableProperty().not());
        failButton.disableProperty().bind(vm.decidableProperty().not());
        undoButton.disableProperty().bind(vm.heldCountProperty().isEqualTo(0));
        passButton.setOnAction(e -> vm.pass());
        failButton.setOnAction(e -> fail());
        nextButton.setOnAction(e -> vm.selectNext());
        undoButton.setOnAction(e -> vm.undo());
    }

    private void fail() {
        if (!vm.fail()) {
            reason.requestFocus();
            reason.getEditor().requestFocus();
        }
    }

    private void posters() {
        posterFormat.getItems().setAll(lang.get("review.poster.pdf"), lang.get("review.poster.png"));
        posterFormat.getSelectionModel().select(0);
        exportButton.disableProperty().bind(vm.posterAvailableProperty().not());
        printButton.disableProperty().bind(vm.posterAvailableProperty().not());
        chainButton.disableProperty().bind(vm.posterAvailableProperty().not());
        chainButton.setOnAction(e -> {
            java.io.File dir = new javafx.stage.DirectoryChooser().showDialog(root.getScene().getWindow());
            if (dir != null && posters != null) {
                vm.exportChain(posters, dir.toPath(), png());
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
            String ext = png() ? "png" : "pdf";
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT), "*." + ext));
            chooser.setInitialFileName(vm.suggestedPosterName(ext));
            java.io.File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null && posters != null) {
                vm.exportPoster(posters, f.toPath(), png(), org.venuegate.poster.PaperSize.A4, org.venuegate.poster.ColourMode.COLOUR);
            }
        });
        printButton.setOnAction(e -> print());
    }

    private void print() {
        if (vm.posterAvailableProperty().get() && vm.explainIfNoPrinter(javafx.print.Printer.getDefaultPrinter() != null)
                && posters != null) {
            PosterPrinting.print(root.getScene().getWindow(), vm, posters);
        }
    }

    private boolean png() {
        return posterFormat.getSelectionModel().getSelectedIndex() == 1;
    }

    private void keys(Scene scene) {
        Map<KeyCombination, Runnable> acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.P, KeyCombination.ALT_DOWN), () -> {
            if (!passButton.isDisabled()) {
                vm.pass();
            }
        });
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.ALT_DOWN), () -> {
            if (!failButton.isDisabled()) {
                fail();
            }
        });
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6,
            KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int n = i + 1;
            acc.put(new KeyCodeCombination(digits[i], KeyCombination.ALT_DOWN), () -> {
                if (!failButton.isDisabled()) {
                    vm.failWithCommonReason(n);
                }
            });
        }
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm::undo);
        Runnable find = () -> {
            search.requestFocus();
            search.selectAll();
        };
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), find);
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), find);
        acc.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::print);
        // J/K move like a mail reader's, but never while typing a reason or a search
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() || e.isControlDown() || e.isMetaDown() || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (e.getCode() == KeyCode.J) {
                vm.selectNext();
                table.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.K) {
                vm.selectPrevious();
                table.requestFocus();
                e.consume();
            }
        });
        scene.windowProperty().addListener((o, a, w) -> {
            if (w != null) {
                // held decisions are sent at once when the window closes
                w.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, ev -> vm.flush());
            }
        });
    }

    private void showBannerKind(QueueViewModel.BannerKind k) {
        KINDS.forEach((kind, pc) -> banner.pseudoClassStateChanged(pc, kind == k));
        banner.pseudoClassStateChanged(EMPTY, k == QueueViewModel.BannerKind.NONE);
    }

    /** The hub sort the table's header shows, or null when no column is sorted. */
    private ApplicationSort headerSort() {
        if (table.getSortOrder().isEmpty() || !(table.getSortOrder().get(0).getUserData() instanceof ColumnSort by)) {
            return null;
        }
        return table.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING ? by.down() : by.up();
    }

    /** Shows a sort chosen in the list as the header's sort arrow (no arrow for orders no column has). */
    private void showSortInHeaders(ApplicationSort sort) {
        for (TableColumn<QueueViewModel.Row, ?> col : table.getColumns()) {
            if (col.getUserData() instanceof ColumnSort by && sort != null && (sort == by.up() || sort == by.down())) {
                col.setSortType(sort == by.down() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(List.of(col));
                return;
            }
        }
        table.getSortOrder().clear();
    }

    /** Highlights the view model's selection in the table, or nothing when it is not on this page. */
    private void highlightSelection() {
        Long id = vm.selectedIdProperty().get();
        if (table.getSelectionModel().getSelectedItems().size() > 1 && id == null) {
            return; // a multiple selection for "pass selected" stays
        }
        int index = -1;
        for (int i = 0; id != null && i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id() == id) {
                index = i;
            }
        }
        if (index < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != index || table.getSelectionModel().getSelectedItems().size() > 1) {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        }
    }

    private void labelTabs() {
        var c = vm.countsProperty().get();
        underReview.setText(lang.get("review.tab.UNDER_REVIEW", c.underReview()));
        passed.setText(lang.get("review.tab.PASSED", c.passed()));
        failed.setText(lang.get("review.tab.FAILED", c.failed()));
    }

    private void showFields() {
        fields.getChildren().clear();
        int row = 0;
        boolean withOld = vm.fields().stream().anyMatch(f -> f.previous() != null);
        for (QueueViewModel.Field f : vm.fields()) {
            Label key = new Label(f.label());
            key.getStyleClass().add("field-label");
            key.setWrapText(true); // on a narrow pane only: see fitFieldNames
            Label value = valueLabel(f.value());
            if (f.changed()) {
                value.getStyleClass().add("field-changed");
            }
            fields.addRow(row, key, value);
            if (withOld) {
                // a re-application beside the one it replaces, field by field (FAQ site-code 10)
                Label old = valueLabel(f.previous() == null ? "" : f.previous());
                old.getStyleClass().add("field-label");
                fields.add(old, 2, row);
            }
            row++;
        }
        fitFieldNames();
    }

    /**
     * Field names stay on one line while the detail pane has room for the longest of them beside the codes, which
     * never break; on a narrower pane (the demo's small window) the names wrap instead, so nothing runs off its side.
     */
    private void fitFieldNames() {
        double[] widest = new double[3];
        int columns = 1;
        for (javafx.scene.Node n : fields.getChildren()) {
            int c = column(n);
            columns = Math.max(columns, c + 1);
            if (n instanceof Label l && c < widest.length && (c == 0 || l.getMinWidth() == javafx.scene.control.Control.USE_PREF_SIZE)) {
                widest[c] = Math.max(widest[c], l.prefWidth(-1));
            }
        }
        double needed = widest[0] + widest[1] + widest[2] + fields.getHgap() * (columns - 1) + fields.getInsets().getLeft()
                + fields.getInsets().getRight() + 2 * ((javafx.scene.layout.Region) fields.getParent()).getInsets().getLeft();
        double width = detailScroll.getViewportBounds().getWidth();
        // short of room the names get what the codes leave, not less than three characters' width
        double leftover = width - (needed - widest[0]) - 16; // a margin: the estimate above leaves out rounding
        for (javafx.scene.Node n : fields.getChildren()) {
            if (n instanceof Label l && column(n) == 0) {
                l.setMinWidth(width >= needed ? javafx.scene.control.Control.USE_PREF_SIZE
                        : Math.min(l.prefWidth(-1), Math.max(leftover, 3 * l.getFont().getSize())));
            }
        }
    }

    private static int column(javafx.scene.Node n) {
        Integer c = GridPane.getColumnIndex(n);
        return c == null ? 0 : c;
    }

    /** One unbroken token of printable ASCII: a code, not a name or an address. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[\\x21-\\x7E]+");

    /**
     * A field's value: names and addresses wrap; a code (credit code, ID number, phone) is one token a reviewer reads
     * and compares whole, so its column makes room for it instead of breaking it in two.
     */
    private static Label valueLabel(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        if (CODE.matcher(text).matches()) {
            label.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        return label;
    }
}
