package org.venuegate.phone;

import java.time.Instant;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Verdict;
import org.venuegate.core.code.Colour;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;

/** Test data on a {@link TestHub}: passed venues, citizens of other colours, dependants. */
final class PhoneFixture {
    private PhoneFixture() {
    }

    /** Submits as the test citizen and passes it; returns the venue id. */
    static long passedVenue(TestHub hub, String name) {
        long id = hub.submit(name);
        return hub.hub.applications().decide(hub.admin, id,
                new DecisionRequest(Verdict.PASS, null, 1)).application().venueId();
    }

    static String venueCode(TestHub hub, long venueId) {
        return hub.hub.venues().venue(hub.admin, venueId).codeText();
    }

    /** A citizen account with a red code; logs in with password "password-1". */
    static long redCitizen(TestHub hub, String username) {
        long subject = hub.hub.citizens().register(hub.admin, new CitizenInput(null, "李*华", Colour.RED,
                "密切接触者", "请居家隔离并联系社区", false, null, true)).subjectId();
        hub.hub.auth().createUser(username, "password-1", Role.CITIZEN, null, subject);
        return subject;
    }

    /** A child held by the test citizen (FAQ 19). */
    static long dependant(TestHub hub) {
        long subject = hub.hub.citizens().register(hub.admin, new CitizenInput(null, "张*宝", Colour.GREEN,
                null, null, true, Instant.parse("2022-01-10T02:00:00Z"), false)).subjectId();
        hub.hub.citizens().addDependant(hub.admin, hub.citizenSubject, subject);
        return subject;
    }
}
