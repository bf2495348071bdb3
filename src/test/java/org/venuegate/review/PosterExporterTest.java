package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Verdict;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;
import org.venuegate.poster.PosterRenderer;

class PosterExporterTest {
    static TestHub hub;
    static PosterExporter exporter;
    static List<Long> venues = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub();
        hub.user("rev", Role.REVIEWER, null);
        for (String name : new String[] {"连锁便利店一号店", "连锁便利店二号店", "连锁便利店三号店"}) {
            long id = hub.submit(name);
            venues.add(hub.hub.applications().decide(hub.admin, id, new DecisionRequest(Verdict.PASS, null, 1))
                    .application().venueId());
        }
        ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
        client.login("rev", "password-1");
        exporter = new PosterExporter(client, new PosterRenderer(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void exportsSelfTestedPdfAndPng(@TempDir Path dir) throws Exception {
        PosterExporter.Prepared p = exporter.prepare(venues.get(0), PaperSize.A4, ColourMode.MONO);
        Path pdf = exporter.exportPdf(p, PaperSize.A4, ColourMode.MONO, dir.resolve("a.pdf"));
        Path png = exporter.exportPng(p, dir.resolve("a.png"));
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void batchExportsEveryVenueOfACreditCodeAndCanBeCancelled(@TempDir Path dir) throws Exception {
        AtomicInteger updates = new AtomicInteger();
        PosterExporter.BatchResult all = exporter.exportAll("91350100M000100Y43", dir, PaperSize.A4, ColourMode.COLOUR,
                (done, total, name) -> updates.incrementAndGet(), () -> false);
        assertThat(all.written()).hasSize(3);
        assertThat(updates.get()).isEqualTo(4);
        AtomicInteger seen = new AtomicInteger();
        PosterExporter.BatchResult cancelled = exporter.exportAll("91350100M000100Y43", dir.resolve("c"), PaperSize.A4,
                ColourMode.COLOUR, (done, total, name) -> seen.incrementAndGet(), () -> seen.get() >= 1);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.written()).hasSize(1);
    }

    @Test
    void aRevokedVenueGetsNoPoster() throws Exception {
        long id = hub.submit("已停业的店", "91110000802100433B");
        long venue = hub.hub.applications().decide(hub.admin, id, new DecisionRequest(Verdict.PASS, null, 1))
                .application().venueId();
        hub.hub.venues().revoke(hub.admin, venue, "停业");
        assertThatThrownBy(() -> exporter.prepare(venue, PaperSize.A4, ColourMode.COLOUR))
                .isInstanceOf(PosterExporter.PosterRefused.class).hasMessageContaining("revoked");
    }
}
