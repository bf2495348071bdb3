package org.venuegate.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.venuegate.client.HubSession;

/**
 * The citizen phone's view of the hub: its own health code and dependants, unveiling, and its own venue-code
 * applications. One shared {@link OkHttpClient} (passed in); every response closed; failures are {@link HubException}s.
 */
public final class PhoneHubClient extends HubSession {
    public PhoneHubClient(OkHttpClient http, String hubUrl) {
        super(http, hubUrl);
    }

    /** Self and dependants, veiled: colour, reason, follow-up, badge, last negative test, proxy. */
    public JsonNode me() throws HubException {
        return json("GET", "citizens/me", Map.of(), null);
    }

    /** Lifts the veil for a scanned venue code; 400 {@code INVALID_VENUE_CODE} when it is not one. */
    public JsonNode unveil(long subject, String venueCode) throws HubException {
        return json("POST", "citizens/" + subject + "/unveil", Map.of(), Map.of("venueCode", venueCode));
    }

    public JsonNode categories() throws HubException {
        return json("GET", "categories", Map.of(), null);
    }

    /** Submits as the organiser: the phone never offers to apply as an agent (FAQ site-code 8). */
    public JsonNode submit(Map<String, Object> application) throws HubException {
        return json("POST", "applications", Map.of(), application);
    }

    public JsonNode applications(String status) throws HubException {
        return json("GET", "applications", Map.of("status", status, "sort", "SUBMITTED_AT_DESC", "size", "200"), null);
    }

    public JsonNode counts() throws HubException {
        return json("GET", "applications/counts", Map.of(), null);
    }

    public JsonNode application(long id) throws HubException {
        return json("GET", "applications/" + id, Map.of(), null);
    }

    public JsonNode venue(long id) throws HubException {
        return json("GET", "venues/" + id, Map.of(), null);
    }

    /** The venue-code text of one of the caller's own venues. */
    public String venueCodeText(long id) throws HubException {
        return json("GET", "venues/" + id + "/code", Map.of(), null).get("text").asText();
    }

    public byte[] posterPng(long id) throws HubException {
        return bytes("GET", "venues/" + id + "/poster.png", Map.of(), null);
    }

}
