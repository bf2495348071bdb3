package org.venuegate.phone;

import java.util.Map;
import okhttp3.OkHttpClient;
import org.venuegate.api.Application;
import org.venuegate.api.ApplicationPage;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.Me;
import org.venuegate.api.Submission;
import org.venuegate.api.UnveilRequest;
import org.venuegate.api.Unveiled;
import org.venuegate.api.VenueCodeText;
import org.venuegate.client.HubSession;

/**
 * The citizen phone's view of the hub, in the records of {@code org.venuegate.api}: its own health code and
 * dependants, unveiling, and its own venue-code applications. One shared {@link OkHttpClient} (passed in); every
 * response closed; failures are {@link HubException}s.
 */
public final class PhoneHubClient extends HubSession {
    public PhoneHubClient(OkHttpClient http, String hubUrl) {
        super(http, hubUrl);
    }

    /** Self and dependants, veiled: colour, reason, follow-up, badge, last negative test, proxy. */
    public Me me() throws HubException {
        return call("GET", "citizens/me", Map.of(), null, Me.class);
    }

    /** Lifts the veil for a scanned venue code; 400 {@code INVALID_VENUE_CODE} when it is not one. */
    public Unveiled unveil(long subject, String venueCode) throws HubException {
        return call("POST", "citizens/" + subject + "/unveil", Map.of(), new UnveilRequest(venueCode), Unveiled.class);
    }

    /** Submits an application; the phone always submits as the organiser (FAQ site-code 8). */
    public Application submit(Submission application) throws HubException {
        return call("POST", "applications", Map.of(), application, Application.class);
    }

    /** The caller's applications in one status, newest first. */
    public ApplicationPage applications(ApplicationStatus status) throws HubException {
        return call("GET", "applications", Map.of("status", status.name(), "sort", ApplicationSort.SUBMITTED_AT_DESC.name(),
                "size", "200"), null, ApplicationPage.class);
    }

    /** The venue-code text of one of the caller's own venues. */
    public String venueCodeText(long id) throws HubException {
        return call("GET", "venues/" + id + "/code", Map.of(), null, VenueCodeText.class).text();
    }

    public byte[] posterPng(long id) throws HubException {
        return bytes("GET", "venues/" + id + "/poster.png", Map.of(), null);
    }
}
