package org.venuegate.review;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The dashboard (waiting count, decisions today per reviewer, median time to decision) and the admin's tools:
 * add an industry category once the authorities confirm it (FAQ site-code 6) and create a kiosk pairing code.
 */
public final class AdminViewModel {
    private final ReviewHubClient hub;
    private final UiExecutor executor;
    private final Lang lang;

    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper median = new ReadOnlyStringWrapper("");
    private final ObservableList<String> decisionsToday = FXCollections.observableArrayList();
    private final StringProperty categoryCode = new SimpleStringProperty("");
    private final StringProperty categoryZh = new SimpleStringProperty("");
    private final StringProperty categoryEn = new SimpleStringProperty("");
    private final StringProperty pairingVenueId = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AdminViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang) {
        this.hub = hub;
        this.executor = executor;
        this.lang = lang;
    }

    public void refresh() {
        executor.run(hub::dashboard, d -> {
            waiting.set(lang.get("review.admin.waiting", d.get("waiting").asLong()));
            JsonNode m = d.get("medianHoursToDecision");
            median.set(m == null || m.isNull() ? lang.get("review.admin.noMedian")
                    : lang.get("review.admin.median", String.format(lang.locale(), "%.1f", m.asDouble())));
            decisionsToday.clear();
            d.get("decisionsToday").fields().forEachRemaining(e -> decisionsToday.add(e.getKey() + ": " + e.getValue().asLong()));
        }, e -> message.set(e.getMessage()));
    }

    public void addCategory() {
        String code = categoryCode.get().trim();
        executor.run(() -> hub.addCategory(code, categoryZh.get().trim(), categoryEn.get().trim()), c -> {
            message.set(lang.get("review.admin.categoryAdded", c.get("code").asText()));
            categoryCode.set("");
            categoryZh.set("");
            categoryEn.set("");
        }, e -> message.set(e.getMessage()));
    }

    public void createPairingCode() {
        long venue;
        try {
            venue = Long.parseLong(pairingVenueId.get().trim());
        } catch (NumberFormatException e) {
            message.set(lang.get("review.admin.venueIdNumber"));
            return;
        }
        executor.run(() -> hub.createPairingCode(venue), p -> message.set(lang.get("review.admin.pairingCode",
                p.get("code").asText(), p.get("expiresAt").asText())), e -> message.set(e.getMessage()));
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty medianProperty() {
        return median.getReadOnlyProperty();
    }

    public ObservableList<String> decisionsToday() {
        return decisionsToday;
    }

    public StringProperty categoryCodeProperty() {
        return categoryCode;
    }

    public StringProperty categoryZhProperty() {
        return categoryZh;
    }

    public StringProperty categoryEnProperty() {
        return categoryEn;
    }

    public StringProperty pairingVenueIdProperty() {
        return pairingVenueId;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
