package org.venuegate.kiosk.ui;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.venuegate.core.decide.Category;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** F2: today's figures beside a chart of check-ins per hour by category. A panel over the kiosk, closed by Esc. */
public final class TodayView {
    @FXML
    Label totals;
    @FXML
    GridPane categories;
    @FXML
    StackedBarChart<String, Number> chart;
    @FXML
    CategoryAxis hours;
    @FXML
    NumberAxis counts;
    @FXML
    Label latency;
    @FXML
    Button close;

    private TodayViewModel vm;
    private Runnable onClose;

    public static Parent load(TodayViewModel vm, Lang lang, Runnable onClose) {
        TodayView view = new TodayView();
        view.vm = vm;
        view.onClose = onClose;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        totals.setText(vm.totals());
        latency.setText(vm.latency());
        int row = 0;
        for (Category c : Category.values()) {
            Region chip = new Region();
            chip.getStyleClass().addAll("category-chip", "chip-" + c.name().toLowerCase(java.util.Locale.ROOT));
            Label name = new Label(vm.categoryName(c));
            Label count = new Label(Long.toString(vm.count(c)));
            count.getStyleClass().add("category-count");
            categories.addRow(row++, chip, name, count);
        }
        // counts are whole people: no "2.5" ticks
        counts.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s);
            }
        });
        hours.setCategories(javafx.collections.FXCollections.observableArrayList(vm.hourLabels()));
        for (Category c : Category.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(vm.categoryName(c));
            java.util.List<Long> h = vm.hours(c);
            for (int i = 0; i < h.size(); i++) {
                s.getData().add(new XYChart.Data<>(vm.hourLabels().get(i), h.get(i)));
            }
            chart.getData().add(s);
        }
        close.setOnAction(e -> onClose.run());
    }
}
