package org.venuegate.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.venuegate.core.place.Districts;
import org.venuegate.qr.QrRenderer;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * Venue-code application from the phone (FAQ site-code 1-4, 8): the form, always submitted as the organiser; progress
 * in passed / under review / failed tabs; a passed one opened shows all its information and its code, and the poster
 * picture can be saved. A refused submission keeps everything typed and names the field.
 */
public final class ApplicationViewModel {
    /** Tabs of the progress view. */
    public enum Status { PASSED, UNDER_REVIEW, FAILED }

    /** A choice in a list (category or district). */
    public record Choice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One application in a progress tab. */
    public record Row(long id, String placeName, String submittedAt, String status) {
    }

    /** A label and its value in the detail view. */
    public record Field(String label, String value) {
    }

    private final PhoneHubClient client;
    private final UiExecutor executor;
    private final Lang lang;
    private final DateTimeFormatter timeFormat;

    private final StringProperty placeName = new SimpleStringProperty("");
    private final StringProperty unitName = new SimpleStringProperty("");
    private final StringProperty creditCode = new SimpleStringProperty("");
    private final ObjectProperty<Choice> category = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> district = new SimpleObjectProperty<>();
    private final StringProperty address = new SimpleStringProperty("");
    private final BooleanProperty mobile = new SimpleBooleanProperty();
    private final StringProperty plateOrShip = new SimpleStringProperty("");
    private final StringProperty responsibleName = new SimpleStringProperty("");
    private final StringProperty responsibleIdNumber = new SimpleStringProperty("");
    private final StringProperty responsiblePhone = new SimpleStringProperty("");
    private final ObservableList<Choice> categories = FXCollections.observableArrayList();
    private final ObservableList<Choice> districts = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorField = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.UNDER_REVIEW);
    private final ReadOnlyObjectWrapper<Map<Status, Long>> counts = new ReadOnlyObjectWrapper<>(new EnumMap<>(Status.class));
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Field> detail = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Long> openVenueId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper openCodeText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<BufferedImage> openCodeImage = new ReadOnlyObjectWrapper<>();

    public ApplicationViewModel(PhoneHubClient client, UiExecutor executor, Lang lang, ZoneId zone) {
        this.client = client;
        this.executor = executor;
        this.lang = lang;
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        boolean english = "en".equals(lang.locale().getLanguage());
        Districts.all(english).forEach((code, name) -> districts.add(new Choice(Integer.toString(code), name)));
    }

    /** Loads the categories and the current tab. */
    public void load() {
        executor.run(client::categories, list -> {
            List<Choice> out = new ArrayList<>();
            boolean english = "en".equals(lang.locale().getLanguage());
            list.forEach(c -> out.add(new Choice(c.get("code").asText(), c.get(english ? "nameEn" : "nameZh").asText())));
            categories.setAll(out);
        }, this::failed);
        showStatus(status.get());
    }

    public void submit() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean isMobile = mobile.get();
        body.put("placeName", blankToNull(placeName.get()));
        body.put("unitName", blankToNull(unitName.get()));
        body.put("creditCode", blankToNull(creditCode.get()));
        body.put("category", category.get() == null ? null : category.get().code());
        body.put("district", district.get() == null ? null : Integer.valueOf(district.get().code()));
        body.put("address", blankToNull(address.get()));
        body.put("mobile", isMobile);
        body.put("plateOrShip", isMobile ? blankToNull(plateOrShip.get()) : null);
        body.put("responsibleName", blankToNull(responsibleName.get()));
        body.put("responsibleIdNumber", blankToNull(responsibleIdNumber.get()));
        body.put("responsiblePhone", blankToNull(responsiblePhone.get()));
        body.put("submitterRole", "ORGANISER");
        busy.set(true);
        formError.set("");
        errorField.set("");
        message.set("");
        executor.run(() -> client.submit(body), a -> {
            busy.set(false);
            message.set(lang.get("phone.app.submitted", a.get("placeName").asText()));
            clearForm();
            showStatus(Status.UNDER_REVIEW);
        }, e -> {
            busy.set(false);
            // Nothing typed is cleared: the citizen corrects the named field and submits again.
            if (e instanceof PhoneHubClient.HubException h && h.field() != null) {
                errorField.set(h.field());
                String detail = h.getMessage().substring(h.getMessage().indexOf(':') + 1).trim();
                formError.set(lang.get("phone.app.invalid", lang.get("phone.app." + h.field()), detail));
            } else {
                formError.set(e.getMessage());
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void clearForm() {
        for (StringProperty p : List.of(placeName, unitName, creditCode, address, plateOrShip, responsibleName,
                responsibleIdNumber, responsiblePhone)) {
            p.set("");
        }
        category.set(null);
        district.set(null);
        mobile.set(false);
    }

    /** Switches the progress tab and reloads it with the counts. */
    public void showStatus(Status s) {
        status.set(s);
        executor.run(() -> new JsonNode[] {client.counts(), client.applications(s.name())}, r -> {
            Map<Status, Long> c = new EnumMap<>(Status.class);
            for (Status x : Status.values()) {
                c.put(x, r[0].path(x.name()).asLong());
            }
            counts.set(c);
            List<Row> out = new ArrayList<>();
            r[1].path("items").forEach(a -> out.add(new Row(a.get("id").asLong(), a.get("placeName").asText(),
                    timeFormat.format(Instant.parse(a.get("submittedAt").asText())), a.get("status").asText())));
            rows.setAll(out);
        }, this::failed);
    }

    /** Opens one application: all its information, and for a passed one its venue code. */
    public void open(long id) {
        executor.run(() -> {
            JsonNode a = client.application(id).get("application");
            String code = a.hasNonNull("venueId") ? client.venueCodeText(a.get("venueId").asLong()) : null;
            BufferedImage img = code == null ? null : QrRenderer.render(code, ErrorCorrectionLevel.Q, 3, 4);
            return new Object[] {a, code, img};
        }, r -> {
            JsonNode a = (JsonNode) r[0];
            List<Field> out = new ArrayList<>();
            for (String n : List.of("placeName", "unitName", "creditCode", "category", "district", "address",
                    "responsibleName", "responsibleIdNumberMasked", "responsiblePhone", "status", "submittedAt",
                    "decidedAt", "failReason")) {
                JsonNode v = a.get(n);
                if (v != null && !v.isNull()) {
                    out.add(new Field(lang.get("phone.app.field." + n), display(n, v.asText())));
                }
            }
            detail.setAll(out);
            openVenueId.set(a.hasNonNull("venueId") ? a.get("venueId").asLong() : null);
            openCodeText.set((String) r[1]);
            openCodeImage.set((BufferedImage) r[2]);
        }, this::failed);
    }

    private String display(String field, String value) {
        return switch (field) {
            case "submittedAt", "decidedAt" -> timeFormat.format(Instant.parse(value));
            case "status" -> lang.get("phone.app.status." + value);
            case "district" -> Districts.name(Integer.parseInt(value), "en".equals(lang.locale().getLanguage())).orElse(value);
            case "category" -> categories.stream().filter(c -> c.code().equals(value)).map(Choice::label).findFirst().orElse(value);
            default -> value;
        };
    }

    public void closeDetail() {
        detail.clear();
        openVenueId.set(null);
        openCodeText.set(null);
        openCodeImage.set(null);
    }

    /** Downloads the poster picture of the open venue to a file (FAQ site-code 3). */
    public void savePoster(File target) {
        Long venue = openVenueId.get();
        if (venue == null || target == null) {
            return;
        }
        executor.run(() -> {
            Files.write(target.toPath(), client.posterPng(venue));
            return target;
        }, f -> message.set(lang.get("phone.app.saved", f.getAbsolutePath())), this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(e instanceof PhoneHubClient.HubException h && h.unreachable()
                ? lang.get("phone.hubDown", e.getMessage()) : lang.get("phone.error", e.getMessage()));
    }

    public StringProperty placeNameProperty() {
        return placeName;
    }

    public StringProperty unitNameProperty() {
        return unitName;
    }

    public StringProperty creditCodeProperty() {
        return creditCode;
    }

    public ObjectProperty<Choice> categoryProperty() {
        return category;
    }

    public ObjectProperty<Choice> districtProperty() {
        return district;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public BooleanProperty mobileProperty() {
        return mobile;
    }

    public StringProperty plateOrShipProperty() {
        return plateOrShip;
    }

    public StringProperty responsibleNameProperty() {
        return responsibleName;
    }

    public StringProperty responsibleIdNumberProperty() {
        return responsibleIdNumber;
    }

    public StringProperty responsiblePhoneProperty() {
        return responsiblePhone;
    }

    public ObservableList<Choice> categories() {
        return categories;
    }

    public ObservableList<Choice> districts() {
        return districts;
    }

    /** The server's objection to the last submission, next to the form; empty when none. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** The field the objection names (API name, e.g. "creditCode"), so the view can mark it. */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<Status, Long>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Field> detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<Long> openVenueIdProperty() {
        return openVenueId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openCodeTextProperty() {
        return openCodeText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> openCodeImageProperty() {
        return openCodeImage.getReadOnlyProperty();
    }
}
