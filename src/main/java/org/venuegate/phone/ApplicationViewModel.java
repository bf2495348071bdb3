package org.venuegate.phone;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
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
import javafx.collections.ObservableMap;
import org.venuegate.api.Application;
import org.venuegate.api.ApplicationCounts;
import org.venuegate.api.ApplicationDetail;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.Category;
import org.venuegate.api.Submission;
import org.venuegate.api.SubmitterRole;
import org.venuegate.api.Venue;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.place.Districts;
import org.venuegate.core.validate.CreditCodeValidator;
import org.venuegate.core.validate.IdNumberValidator;
import org.venuegate.core.validate.PlateValidator;
import org.venuegate.core.validate.ShipIdValidator;
import org.venuegate.core.validate.ValidationResult;
import org.venuegate.qr.QrRenderer;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * Venue-code application from the phone (FAQ site-code 1-4, 8): the form, always submitted as the organiser; progress
 * in passed / under review / failed tabs; a passed one opened shows all its information and its code, and the poster
 * picture can be saved; a failed one can be corrected and re-applied for (FAQ site-code 10). Every field is checked
 * before sending, so all objections show at once, each beside its field; a refused submission keeps everything typed.
 */
public final class ApplicationViewModel {
    /** A choice in a list (category or district). */
    public record Choice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One application in a progress tab. */
    public record Row(long id, String placeName, String submittedAt, ApplicationStatus status) {
    }

    /** A label and its value in the detail view. */
    public record Field(String label, String value) {
    }

    /** The form's fields by their API names, in the order they are shown. */
    public static final List<String> FIELDS = List.of("placeName", "plateOrShip", "unitName", "creditCode", "category",
            "district", "address", "responsibleName", "responsibleIdNumber", "responsiblePhone");
    /** A field of the detail view: its name (for the label) and its value in the screen's words, null when it has none. */
    private record Shown(String name, Function<Application, String> value) {
    }

    /** What opening an application brings: its detail, its venue and code (passed ones), and the categories. */
    private record Opened(ApplicationDetail detail, Venue venue, BufferedImage codeImage, List<Choice> categories) {
    }

    /** The hub's rule for the responsible person's phone (ApplicationService): a mainland mobile or a landline. */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

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
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    /** One read-only view, kept: the wrapper listens weakly, so a view made per call would lose its listeners. */
    private final ObservableMap<String, String> fieldErrorsView = FXCollections.unmodifiableObservableMap(fieldErrors);
    private final BooleanProperty formOpen = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Long> replacesId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper replacesName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper replacesReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Application> openApplication = new ReadOnlyObjectWrapper<>();
    private long loads;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ApplicationStatus> status = new ReadOnlyObjectWrapper<>(ApplicationStatus.UNDER_REVIEW);
    private final ReadOnlyObjectWrapper<ApplicationCounts> counts = new ReadOnlyObjectWrapper<>(new ApplicationCounts(0, 0, 0));
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Field> detail = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Long> openVenueId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper openCodeText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<BufferedImage> openCodeImage = new ReadOnlyObjectWrapper<>();
    private final List<Shown> shown;

    public ApplicationViewModel(PhoneHubClient client, UiExecutor executor, Lang lang, ZoneId zone) {
        this.client = client;
        this.executor = executor;
        this.lang = lang;
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.shown = List.of(
                new Shown("placeName", Application::placeName),
                new Shown("unitName", Application::unitName),
                new Shown("creditCode", Application::creditCode),
                new Shown("category", a -> categoryName(a.category())),
                new Shown("district", a -> Districts.name(a.district(), english()).orElse(Integer.toString(a.district()))),
                new Shown("address", Application::address),
                new Shown("mobile", a -> lang.get(a.mobile() ? "phone.app.yes" : "phone.app.no")),
                new Shown("responsibleName", Application::responsibleName),
                new Shown("responsibleIdNumberMasked", Application::responsibleIdNumberMasked),
                new Shown("responsiblePhone", Application::responsiblePhone),
                new Shown("status", a -> lang.get("phone.app.status." + a.status().name())),
                new Shown("submittedAt", a -> timeFormat.format(a.submittedAt())),
                new Shown("decidedAt", a -> a.decidedAt() == null ? null : timeFormat.format(a.decidedAt())),
                new Shown("failReason", Application::failReason));
        Districts.all(english()).forEach((code, name) -> districts.add(new Choice(Integer.toString(code), name)));
        // Whatever the citizen changes is no longer what was refused: its message goes.
        List.of(placeName, plateOrShip, unitName, creditCode, address, responsibleName, responsibleIdNumber, responsiblePhone)
                .forEach(p -> p.addListener((o, a, b) -> fieldErrors.remove(fieldOf(p))));
        category.addListener((o, a, b) -> fieldErrors.remove("category"));
        district.addListener((o, a, b) -> fieldErrors.remove("district"));
        mobile.addListener((o, a, b) -> {
            fieldErrors.remove("placeName");
            fieldErrors.remove("plateOrShip");
        });
    }

    private boolean english() {
        return "en".equals(lang.locale().getLanguage());
    }

    private String fieldOf(StringProperty p) {
        if (p == placeName) {
            return "placeName";
        } else if (p == plateOrShip) {
            return "plateOrShip";
        } else if (p == unitName) {
            return "unitName";
        } else if (p == creditCode) {
            return "creditCode";
        } else if (p == address) {
            return "address";
        } else if (p == responsibleName) {
            return "responsibleName";
        } else if (p == responsibleIdNumber) {
            return "responsibleIdNumber";
        }
        return "responsiblePhone";
    }

    /** Loads the categories, the counts and the current tab. */
    public void load() {
        executor.run(client::categories, list -> categories.setAll(choices(list)), this::failed);
        showStatus(status.get());
    }

    private List<Choice> choices(List<Category> list) {
        return list.stream().map(c -> new Choice(c.code(), c.name(english()))).toList();
    }

    /**
     * Every objection to what is typed, by field, in the screen's language: the same rules the hub applies, checked
     * here first so the citizen sees all of them at once rather than one per submission.
     */
    Map<String, String> validate() {
        Map<String, String> e = new LinkedHashMap<>();
        Locale locale = lang.locale();
        if (mobile.get()) {
            String p = plateOrShip.get() == null ? "" : plateOrShip.get().strip();
            if (p.isEmpty()) {
                e.put("plateOrShip", required("plateOrShip"));
            } else if (p.codePointCount(0, p.length()) > 20) {
                e.put("plateOrShip", tooLong("plateOrShip", 20));
            } else {
                ValidationResult plate = PlateValidator.validate(p);
                ValidationResult ship = ShipIdValidator.validate(p);
                if (!plate.valid() && !ship.valid()) {
                    String n = ShipIdValidator.normalize(p);
                    boolean looksLikeShip = n.startsWith(ShipIdValidator.CN_PREFIX) || n.startsWith(ShipIdValidator.IMO_PREFIX);
                    e.put("plateOrShip", (looksLikeShip ? ship : plate).message(locale));
                }
            }
        } else {
            String n = placeName.get() == null ? "" : placeName.get().strip();
            if (n.isEmpty()) {
                e.put("placeName", required("placeName"));
            } else if (n.codePointCount(0, n.length()) > 30 || n.getBytes(StandardCharsets.UTF_8).length > CodeFormat.MAX_VENUE_NAME_BYTES) {
                e.put("placeName", lang.get("phone.app.error.nameTooLong"));
            }
        }
        text(e, unitName, "unitName", 60);
        ValidationResult credit = CreditCodeValidator.validate(creditCode.get());
        if (!credit.valid()) {
            e.put("creditCode", credit.message(locale));
        }
        if (category.get() == null) {
            e.put("category", lang.get("phone.app.error.choose", lang.get("phone.app.category")));
        }
        if (district.get() == null) {
            e.put("district", lang.get("phone.app.error.choose", lang.get("phone.app.district")));
        }
        text(e, address, "address", 120);
        text(e, responsibleName, "responsibleName", 30);
        ValidationResult id = IdNumberValidator.validate(responsibleIdNumber.get());
        if (!id.valid()) {
            e.put("responsibleIdNumber", id.message(locale));
        }
        String phone = responsiblePhone.get() == null ? "" : responsiblePhone.get().strip().replace(" ", "");
        if (phone.isEmpty()) {
            e.put("responsiblePhone", required("responsiblePhone"));
        } else if (!PHONE.matcher(phone).matches()) {
            e.put("responsiblePhone", lang.get("phone.app.error.phone"));
        }
        return e;
    }

    private void text(Map<String, String> e, StringProperty p, String field, int max) {
        String v = p.get() == null ? "" : p.get().strip();
        if (v.isEmpty()) {
            e.put(field, required(field));
        } else if (v.codePointCount(0, v.length()) > max) {
            e.put(field, tooLong(field, max));
        }
    }

    private String required(String field) {
        return lang.get("phone.app.error.required", lang.get("phone.app." + field));
    }

    private String tooLong(String field, int max) {
        return lang.get("phone.app.error.tooLong", lang.get("phone.app." + field), max);
    }

    public void submit() {
        message.set("");
        Map<String, String> errors = validate();
        fieldErrors.clear();
        fieldErrors.putAll(errors);
        if (!errors.isEmpty()) {
            // Nothing typed is cleared: the citizen corrects the marked fields and submits again.
            formError.set(lang.get("phone.app.error.count", errors.size()));
            return;
        }
        formError.set("");
        boolean isMobile = mobile.get();
        // always as the organiser: the phone never offers to apply as an agent (FAQ site-code 8)
        Submission body = new Submission(isMobile ? null : blankToNull(placeName.get()), blankToNull(unitName.get()),
                blankToNull(creditCode.get()), category.get() == null ? null : category.get().code(),
                district.get() == null ? null : Integer.valueOf(district.get().code()), blankToNull(address.get()), isMobile,
                isMobile ? blankToNull(plateOrShip.get()) : null, blankToNull(responsibleName.get()),
                blankToNull(responsibleIdNumber.get()), blankToNull(responsiblePhone.get()), SubmitterRole.ORGANISER,
                replacesId.get());
        busy.set(true);
        executor.run(() -> client.submit(body), a -> {
            busy.set(false);
            message.set(replacesId.get() == null ? lang.get("phone.app.submitted", a.placeName())
                    : lang.get("phone.app.resubmitted", a.placeName(), replacesName.get()));
            clearForm();
            formOpen.set(false);
            showStatus(ApplicationStatus.UNDER_REVIEW);
        }, e -> {
            busy.set(false);
            if (e instanceof PhoneHubClient.HubException h && h.field() != null) {
                String field = h.field();
                if (mobile.get() && "placeName".equals(field)) {
                    field = "plateOrShip";
                }
                if (!FIELDS.contains(field)) {
                    formError.set(PhoneErrors.fieldMessage(lang, h));
                    return;
                }
                fieldErrors.put(field, PhoneErrors.fieldMessage(lang, h));
                formError.set(lang.get("phone.app.error.count", 1));
            } else {
                formError.set(PhoneErrors.message(lang, e));
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Empties the form for the next place: every field, every message, and the application it would replace. */
    public void clearForm() {
        for (StringProperty p : List.of(placeName, unitName, creditCode, address, plateOrShip, responsibleName,
                responsibleIdNumber, responsiblePhone)) {
            p.set("");
        }
        category.set(null);
        district.set(null);
        mobile.set(false);
        fieldErrors.clear();
        formError.set("");
        replacesId.set(null);
        replacesName.set("");
    }

    /**
     * "Correct and re-apply" on a failed application (FAQ site-code 10): a submitted application is never changed;
     * the form is filled from it and the new one says which it replaces. The responsible person's ID number is shown
     * masked by the hub, so it is typed again.
     */
    public void reapply() {
        Application a = openApplication.get();
        if (a == null || a.status() != ApplicationStatus.FAILED) {
            return;
        }
        clearForm();
        mobile.set(a.mobile());
        if (a.mobile()) {
            plateOrShip.set(a.placeName());
        } else {
            placeName.set(a.placeName());
        }
        unitName.set(a.unitName());
        creditCode.set(a.creditCode());
        category.set(categories.stream().filter(c -> c.code().equals(a.category())).findFirst().orElse(null));
        String dis = Integer.toString(a.district());
        district.set(districts.stream().filter(d -> d.code().equals(dis)).findFirst().orElse(null));
        address.set(a.address());
        responsibleName.set(a.responsibleName());
        responsiblePhone.set(a.responsiblePhone());
        replacesId.set(a.id());
        replacesName.set(a.placeName());
        replacesReason.set(a.failReason() == null ? "" : a.failReason());
        message.set("");
        closeDetail();
        formOpen.set(true);
    }

    /** Gives up the re-application: the form is emptied. */
    public void cancelReapply() {
        clearForm();
    }

    /** Switches the progress tab (closing any open detail) and reloads it with the counts; an answer overtaken by a newer request is dropped. */
    public void showStatus(ApplicationStatus s) {
        closeDetail();
        status.set(s);
        long generation = ++loads;
        record Tab(ApplicationCounts counts, List<Application> items) {
        }
        executor.run(() -> new Tab(client.counts(), client.applications(s).items()), r -> {
            if (generation != loads) {
                return;
            }
            counts.set(r.counts());
            rows.setAll(r.items().stream().map(a -> new Row(a.id(), a.placeName(), timeFormat.format(a.submittedAt()),
                    a.status())).toList());
        }, this::failed);
    }

    /** Opens one application: all its information, and for a passed one its venue number and code. */
    public void open(long id) {
        executor.run(() -> {
            ApplicationDetail d = client.application(id);
            Venue venue = d.application().venueId() == null ? null : client.venue(d.application().venueId());
            String code = venue == null ? null : venue.codeText();
            BufferedImage img = code == null ? null : QrRenderer.renderReadable(code, ErrorCorrectionLevel.Q, 3, 4);
            return new Opened(d, venue, img, choices(client.categories()));
        }, r -> {
            Application a = r.detail().application();
            categories.setAll(r.categories());
            List<Field> out = new ArrayList<>();
            for (Shown f : shown) {
                String v = f.value().apply(a);
                if (v != null) {
                    out.add(new Field(lang.get("phone.app.field." + f.name()), v));
                }
            }
            if (r.venue() != null && r.venue().number() != null) {
                out.add(1, new Field(lang.get("phone.app.field.venueNumber"), r.venue().number()));
            }
            Application replaced = r.detail().replaces();
            if (replaced != null) {
                out.add(new Field(lang.get("phone.app.field.replaces"), lang.get("phone.app.replacesValue",
                        replaced.placeName(), timeFormat.format(replaced.submittedAt()))));
            }
            detail.setAll(out);
            openApplication.set(a);
            openVenueId.set(a.venueId());
            openCodeText.set(r.venue() == null ? null : r.venue().codeText());
            openCodeImage.set(r.codeImage());
        }, this::failed);
    }

    private String categoryName(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).map(Choice::label).findFirst().orElse(code);
    }

    public void closeDetail() {
        detail.clear();
        openApplication.set(null);
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
        message.set(PhoneErrors.message(lang, e));
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

    /** Beside the submit button: how many fields need correcting, or why the submission failed; empty when none. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** What is wrong with each field (API name, e.g. "creditCode"), in the screen's language; read-only. */
    public ObservableMap<String, String> fieldErrors() {
        return fieldErrorsView;
    }

    /** Whether the application form is unfolded; re-applying unfolds it, a successful submission folds it. */
    public BooleanProperty formOpenProperty() {
        return formOpen;
    }

    /** The failed application the form will replace, or null for a new application. */
    public ReadOnlyObjectProperty<Long> replacesIdProperty() {
        return replacesId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replacesNameProperty() {
        return replacesName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replacesReasonProperty() {
        return replacesReason.getReadOnlyProperty();
    }

    /** The application open in the detail view, or null. */
    public ReadOnlyObjectProperty<Application> openApplicationProperty() {
        return openApplication.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApplicationStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApplicationCounts> countsProperty() {
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
