package org.venuegate.phone;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javax.imageio.ImageIO;
import org.venuegate.api.Application;
import org.venuegate.api.Citizen;
import org.venuegate.api.Unveiled;
import org.venuegate.api.Venue;
import org.venuegate.core.code.Colour;
import org.venuegate.core.i18n.Messages;
import org.venuegate.poster.PosterSelfTest;
import org.venuegate.qr.QrImageDecoder;
import org.venuegate.qr.QrRenderer;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The citizen's health-code page. Veiled by default: colour and badge show through (FAQ 1, 3, 11), the sections
 * below stay readable (FAQ 10). A valid venue code lifts the veil (FAQ 2); an invalid one gets the FAQ's prompt
 * and a rescan (FAQ 5); closing the page veils it again (FAQ 9).
 */
public final class HealthCodeViewModel {
    /** One person the account may show: the holder or a dependant (FAQ 14, 19). */
    public record Person(long subjectId, String maskedName, Colour colour, String colourReason, String colourFollowUp,
                         boolean badge, Instant lastNegativeTest, boolean proxy) {
        static Person of(Citizen c) {
            return new Person(c.subjectId(), c.maskedName(), c.colour(), c.colourReason(), c.colourFollowUp(), c.badge(),
                    c.lastNegativeTest(), c.proxy());
        }

        public boolean abnormal() {
            return colour != Colour.GREEN;
        }
    }

    /**
     * What a scan came to: an unveiled code with its QR, or null fields for "not a valid venue code" with a hint
     * saying what the phone wants instead (may be empty).
     */
    private record ScanOutcome(Unveiled unveiled, BufferedImage qr, String hint) {
        static ScanOutcome refused(String hint) {
            return new ScanOutcome(null, null, hint);
        }
    }

    /** The venue number printed on the poster: district (last four digits) and application number, e.g. 0101-000001. */
    static final Pattern VENUE_NUMBER = Pattern.compile("(\\d{4})-(\\d{6,12})");

    /** Pixels across the unveiled QR: large enough for a cheap webcam at arm's length, small enough for the phone. */
    static final int QR_TARGET_PIXELS = 300;

    private final PhoneHubClient client;
    private final UiExecutor executor;
    private final Lang lang;
    private final PhoneVoice voice;
    private final Clock clock;
    private final DateTimeFormatter timeFormat;

    private final ObservableList<Person> persons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Person> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper colour = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper badge = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper proxy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper maskedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nucleicAcid = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper vaccination = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper veiled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<BufferedImage> veilPattern = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper unveiledCodeText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<BufferedImage> unveiledQr = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper venueName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper admittedAt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scanError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scanHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper popupShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper popupReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper popupFollowUp = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty scanInput = new SimpleStringProperty("");
    private UiExecutor.Cancellable expiry;

    public HealthCodeViewModel(PhoneHubClient client, UiExecutor executor, Lang lang, PhoneVoice voice, Clock clock, ZoneId zone) {
        this.client = client;
        this.executor = executor;
        this.lang = lang;
        this.voice = voice;
        this.clock = clock;
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** Opens the page: loads the holder and dependants, shows the holder veiled. */
    public void load() {
        busy.set(true);
        banner.set("");
        executor.run(client::me, me -> {
            busy.set(false);
            List<Person> all = new ArrayList<>();
            all.add(Person.of(me.self()));
            me.dependants().forEach(d -> all.add(Person.of(d)));
            persons.setAll(all);
            switchTo(all.get(0));
        }, this::failed);
    }

    /** "Switch applicant" (FAQ 14): shows that person's code, veiled, with the pop-up if their colour is abnormal. */
    public void switchTo(Person p) {
        if (p == null) {
            return;
        }
        veil();
        current.set(p);
        colour.set(p.colour().name());
        badge.set(p.badge());
        proxy.set(p.proxy());
        maskedName.set(p.maskedName() + (p.proxy() ? " " + lang.get("phone.proxyMark") : ""));
        nucleicAcid.set(p.lastNegativeTest() == null ? lang.get("phone.nucleic.none")
                : lang.get("phone.nucleic.negative", timeFormat.format(p.lastNegativeTest())));
        // FAQ 17: vaccination details only for the account holder; a dependant shows the badge alone.
        vaccination.set(p.proxy() ? lang.get("phone.vaccination.holderOnly")
                : lang.get(p.badge() ? "phone.vaccination.done" : "phone.vaccination.none"));
        veilPattern.set(VeilPattern.render(p.subjectId(), 33, 8));
        if (p.abnormal()) {
            popupReason.set(Optional.ofNullable(p.colourReason()).orElse(""));
            popupFollowUp.set(Optional.ofNullable(p.colourFollowUp()).orElse(""));
            popupShown.set(true);
        } else {
            popupShown.set(false);
        }
    }

    public void dismissPopup() {
        popupShown.set(false);
    }

    /**
     * Scans what was typed, standing in for the camera: the venue number printed on the poster (0101-000001), a venue
     * id, or a pasted venue-code text (VGV1:...). The phone finds numbers and ids among the citizen's own venues only.
     */
    public void scan() {
        scanText(scanInput.get());
    }

    public void scanText(String input) {
        String text = fold(input == null ? "" : input);
        scanWith(() -> {
            if (text.isEmpty()) {
                return ScanOutcome.refused(lang.get("phone.scan.wanted"));
            }
            Matcher number = VENUE_NUMBER.matcher(text);
            if (number.matches()) {
                Optional<String> code = byNumber(text, Long.parseLong(number.group(2)));
                return code.isPresent() ? unveil(code.get()) : ScanOutcome.refused(lang.get("phone.scan.noSuchNumber", text));
            }
            if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
                Optional<String> code = byId(Long.parseLong(text));
                if (code.isEmpty() && text.length() == 10) {
                    // The poster's number typed without its dash.
                    String n = text.substring(0, 4) + "-" + text.substring(4);
                    code = byNumber(n, Long.parseLong(text.substring(4)));
                }
                return code.isPresent() ? unveil(code.get()) : ScanOutcome.refused(lang.get("phone.scan.noSuchNumber", text));
            }
            if (!text.regionMatches(true, 0, "VG", 0, 2)) {
                return ScanOutcome.refused(lang.get("phone.scan.wanted"));
            }
            return unveil(text);
        });
    }

    /** Full-width digits and dashes (typed with a Chinese IME) folded, spaces inside a number dropped. */
    static String fold(String raw) {
        StringBuilder sb = new StringBuilder();
        raw.strip().codePoints().forEach(cp -> {
            if (cp >= 0xFF10 && cp <= 0xFF19) {
                sb.append((char) ('0' + cp - 0xFF10));
            } else if (cp == 0xFF0D || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014
                    || cp == 0x2212) {
                sb.append('-');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString();
        return s.matches("[\\d\\s-]+") ? s.replaceAll("\\s+", "") : s;
    }

    private Optional<String> byId(long id) throws PhoneHubClient.HubException {
        try {
            return Optional.of(client.venueCodeText(id));
        } catch (PhoneHubClient.HubException e) {
            if (e.status() != 404) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** The number carries the application's id: that application, if it is the citizen's and passed, has the venue. */
    private Optional<String> byNumber(String number, long applicationId) throws PhoneHubClient.HubException {
        try {
            Application a = client.application(applicationId).application();
            if (a.venueId() == null) {
                return Optional.empty();
            }
            Venue venue = client.venue(a.venueId());
            return number.equals(venue.number()) ? Optional.ofNullable(venue.codeText()) : Optional.empty();
        } catch (PhoneHubClient.HubException e) {
            if (e.status() != 404) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Scans a picked poster image: decoding happens off the UI thread. */
    public void scanImage(File file) {
        scanWith(() -> {
            BufferedImage img;
            try {
                img = ImageIO.read(file);
            } catch (IOException e) {
                img = null;
            }
            Optional<String> text = img == null ? Optional.empty() : decode(img);
            return text.isEmpty() ? ScanOutcome.refused(lang.get("phone.scan.noQr")) : unveil(text.get());
        });
    }

    /**
     * A full-resolution poster has modules dozens of pixels wide, which ZXing's binarizer handles badly; a second try
     * on the camera's view of it (as a phone sees a poster on the wall) reads it.
     */
    private static Optional<String> decode(BufferedImage img) {
        Optional<String> text = QrImageDecoder.decode(img);
        return text.isPresent() ? text : QrImageDecoder.decode(PosterSelfTest.cameraView(img));
    }

    private ScanOutcome unveil(String code) throws PhoneHubClient.HubException {
        Person p = current.get();
        try {
            Unveiled u = client.unveil(p.subjectId(), code);
            String text = u.code();
            int modules = QrRenderer.encode(text, ErrorCorrectionLevel.M).getVersion().getDimensionForVersion() + 8;
            int px = Math.max(3, QR_TARGET_PIXELS / modules);
            return new ScanOutcome(u, QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, px, 4), "");
        } catch (PhoneHubClient.HubException e) {
            if (e.invalidVenueCode() || e.status() == 400) {
                return ScanOutcome.refused(lang.get("phone.scan.wantedPoster"));
            }
            throw e;
        }
    }

    private void scanWith(java.util.concurrent.Callable<ScanOutcome> work) {
        if (current.get() == null) {
            return;
        }
        busy.set(true);
        scanError.set("");
        scanHint.set("");
        banner.set("");
        executor.run(work, outcome -> {
            busy.set(false);
            if (outcome.unveiled() == null) {
                veil();
                scanError.set(Messages.get(lang.locale(), "verify.invalidVenueCode"));
                scanHint.set(outcome.hint());
                return;
            }
            show(outcome);
        }, this::failed);
    }

    private void show(ScanOutcome o) {
        Unveiled u = o.unveiled();
        unveiledQr.set(o.qr());
        venueName.set(u.venueName());
        admittedAt.set(timeFormat.format(u.admittedAt()));
        passPrompt.set(lang.get("phone.pleasePass"));
        unveiledCodeText.set(u.code());
        veiled.set(false);
        voice.pleasePass(venueName.get());
        // An expired code would only be stopped at the gate: veil it when it lapses, so the next entry scans again.
        Duration left = Duration.between(clock.instant(), u.expiresAt());
        expiry = executor.schedule(left.isNegative() ? Duration.ZERO : left, this::veil);
    }

    /** Rescan after an invalid venue code (FAQ 5): clears the prompt, the page stays veiled. */
    public void rescan() {
        scanError.set("");
        scanHint.set("");
        scanInput.set("");
    }

    /** Closing the page (FAQ 9): the next entry scans again. */
    public void close() {
        veil();
        scanError.set("");
        scanHint.set("");
        scanInput.set("");
    }

    private void veil() {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        veiled.set(true);
        unveiledCodeText.set(null);
        unveiledQr.set(null);
        venueName.set("");
        admittedAt.set("");
        passPrompt.set("");
    }

    private void failed(Throwable e) {
        busy.set(false);
        banner.set(PhoneErrors.message(lang, e));
    }

    public ObservableList<Person> persons() {
        return persons;
    }

    public ReadOnlyObjectProperty<Person> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty colourProperty() {
        return colour.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty proxyProperty() {
        return proxy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedNameProperty() {
        return maskedName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nucleicAcidProperty() {
        return nucleicAcid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty vaccinationProperty() {
        return vaccination.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty veiledProperty() {
        return veiled.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> veilPatternProperty() {
        return veilPattern.getReadOnlyProperty();
    }

    /** The unveiled health-code text now on screen, or null while veiled (the demo reads this). */
    public ReadOnlyStringProperty unveiledCodeTextProperty() {
        return unveiledCodeText.getReadOnlyProperty();
    }

    /** The unveiled QR exactly as rendered on screen, or null while veiled. */
    public ReadOnlyObjectProperty<BufferedImage> unveiledQrProperty() {
        return unveiledQr.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty venueNameProperty() {
        return venueName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty admittedAtProperty() {
        return admittedAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passPromptProperty() {
        return passPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scanErrorProperty() {
        return scanError.getReadOnlyProperty();
    }

    /** Under the refusal: what the phone wants instead (the poster's number, a clearer picture), or empty. */
    public ReadOnlyStringProperty scanHintProperty() {
        return scanHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty popupShownProperty() {
        return popupShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty popupReasonProperty() {
        return popupReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty popupFollowUpProperty() {
        return popupFollowUp.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty scanInputProperty() {
        return scanInput;
    }
}
