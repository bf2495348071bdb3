package org.venuegate.kiosk.ui;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.venuegate.core.validate.IdNumberValidator;
import org.venuegate.core.validate.ValidationResult;
import org.venuegate.kiosk.Pseudonyms;
import org.venuegate.ui.Lang;

/**
 * Registration by hand for people without a smartphone (FAQ 13): resident ID number (check digit validated), name
 * and phone. Only a pseudonym derived from the ID is recorded; after submitting, the form is cleared and the screen
 * shows the masked ID only.
 */
public final class ManualRegistrationViewModel {
    /** Records a manual check-in. */
    public interface Recorder {
        void recordManual(String subject, Instant at);
    }

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final StringProperty idNumber = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final Lang lang;
    private final Recorder recorder;
    private final Supplier<Instant> clock;

    public ManualRegistrationViewModel(Lang lang, Recorder recorder, Supplier<Instant> clock) {
        this.lang = lang;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** @return true when recorded; otherwise {@link #errorProperty()} says exactly what to fix */
    public boolean submit() {
        String id = IdNumberValidator.normalize(idNumber.get() == null ? "" : idNumber.get());
        ValidationResult check = IdNumberValidator.validate(id);
        if (!check.valid()) {
            error.set(check.message(lang.locale()));
            return false;
        }
        if (name.get() == null || name.get().isBlank()) {
            error.set(lang.get("kiosk.manual.nameRequired"));
            return false;
        }
        if (phone.get() == null || !MOBILE.matcher(phone.get().replace(" ", "")).matches()) {
            error.set(lang.get("kiosk.manual.badPhone"));
            return false;
        }
        recorder.recordManual(Pseudonyms.ofIdNumber(id), clock.get());
        confirmation.set(lang.get("kiosk.manual.done", IdNumberValidator.mask(id)));
        error.set("");
        idNumber.set("");
        name.set("");
        phone.set("");
        return true;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }
}
