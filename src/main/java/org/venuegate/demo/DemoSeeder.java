package org.venuegate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Submission;
import org.venuegate.api.SubmitterRole;
import org.venuegate.api.Verdict;
import org.venuegate.core.code.Colour;
import org.venuegate.hub.Hub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;

/**
 * Demo data through the hub's own services (so it obeys every rule the API does): a reviewer, a tracer, citizens of
 * every colour (one with dependants), passed venues and pending applications in several districts.
 */
public final class DemoSeeder {
    public static final String PASSWORD = "demo-password";
    static final String CREDIT = "91350100M000100Y43";
    static final String CREDIT_2 = "91110000802100433B";

    /** What the demo windows need to sign in and pair. */
    public record Seeded(long kioskVenueId, String kioskVenueName, long otherVenueId) {
    }

    private DemoSeeder() {
    }

    public static Seeded seed(Hub hub) {
        long adminId = hub.auth().createUser("demo-admin", PASSWORD, Role.ADMIN, null, null);
        Principal admin = new Principal(Role.ADMIN, adminId, "demo-admin", null, null, null);
        hub.auth().createUser("reviewer", PASSWORD, Role.REVIEWER, 120101, null);
        long reviewerId = hub.auth().createUser("reviewer-all", PASSWORD, Role.REVIEWER, null, null);
        Principal reviewer = new Principal(Role.REVIEWER, reviewerId, "reviewer-all", null, null, null);
        hub.auth().createUser("tracer", PASSWORD, Role.TRACER, null, null);

        Instant now = hub.clock().instant();
        long green = citizen(hub, admin, "张*明", Colour.GREEN, null, null, true, now.minus(Duration.ofHours(20)), true);
        long child = citizen(hub, admin, "张*", Colour.GREEN, null, null, false, null, false);
        long grandma = citizen(hub, admin, "李*兰", Colour.GREEN, null, null, true, now.minus(Duration.ofHours(30)), false);
        long yellow = citizen(hub, admin, "王*华", Colour.YELLOW, "近14天内有中高风险地区旅居史",
                "请尽快进行核酸检测，并向所在社区报备；检测阴性后转为绿码", true, now.minus(Duration.ofDays(5)), true);
        long red = citizen(hub, admin, "赵*强", Colour.RED, "被判定为密切接触者",
                "请立即居家隔离，不要外出，并联系所在社区或拨打12345", false, null, true);
        hub.citizens().addDependant(admin, green, child);
        hub.citizens().addDependant(admin, green, grandma);
        Principal organiser = user(hub, "citizen", green);
        user(hub, "citizen-yellow", yellow);
        user(hub, "citizen-red", red);

        long kioskVenue = pass(hub, reviewer, hub.applications().submit(organiser, app("滨江道百货大楼", "天津滨江百货有限公司",
                CREDIT, "MALL", 120101, "和平区滨江道208号", false, null)).id());
        long other = pass(hub, reviewer, hub.applications().submit(organiser, app("劝业场", "天津滨江百货有限公司",
                CREDIT, "MALL", 120101, "和平区和平路290号", false, null)).id());
        pass(hub, reviewer, hub.applications().submit(organiser, app(null, "天津海河出租汽车有限公司", CREDIT_2, "TAXI",
                120103, "河西区友谊路1号（车队）", true, "津B·D12345")).id());
        for (String[] a : List.of(
                new String[] {"鼓楼商业街便利店", "120104", "RESTAURANT", "南开区鼓楼东街3号"},
                new String[] {"天津市第一中心医院门诊楼", "120104", "HOSPITAL", "南开区复康路24号"},
                new String[] {"于家堡金融区写字楼", "120116", "OFFICE", "滨海新区于家堡中心大道9号"},
                new String[] {"五大道游客中心", "120101", "CULTURE", "和平区马场道66号"},
                new String[] {"意式风情街餐厅", "120105", "RESTAURANT", "河北区自由道18号"})) {
            hub.applications().submit(organiser, app(a[0], "天津文旅发展有限公司", CREDIT_2, a[2], Integer.parseInt(a[1]), a[3], false, null));
        }
        return new Seeded(kioskVenue, "滨江道百货大楼", other);
    }

    private static long citizen(Hub hub, Principal admin, String name, Colour colour, String reason, String followUp,
                                boolean vaccinated, Instant test, boolean independent) {
        return hub.citizens().register(admin, new CitizenInput(null, name, colour, reason, followUp, vaccinated,
                test, independent)).subjectId();
    }

    private static Principal user(Hub hub, String name, long subject) {
        long id = hub.auth().createUser(name, PASSWORD, Role.CITIZEN, null, subject);
        return new Principal(Role.CITIZEN, id, name, null, subject, null);
    }

    private static Submission app(String name, String unit, String credit, String category, int district, String address,
                                  boolean mobile, String plate) {
        return new Submission(name, unit, credit, category, district, address, mobile, plate, "王建国", "11010519491231002X",
                "13800138000", SubmitterRole.ORGANISER, null);
    }

    private static long pass(Hub hub, Principal reviewer, long applicationId) {
        return hub.applications().decide(reviewer, applicationId,
                new DecisionRequest(Verdict.PASS, null, 1)).application().venueId();
    }
}
