package org.venuegate.kiosk.headless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Verdict;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.json.Json;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.store.Sql;
import org.venuegate.testing.PtyPair;

/**
 * The field scenario, as a gate operator would run it: a real hub whose trust list was signed fifty minutes before
 * the kiosk pairs, and the kiosk as its own process, paired and bound from the command line, then run headless on
 * standard input. Green passes, red is a health stop, an unknown key is invalid, a venue code and the same green
 * code again are rescans; the journal verifies; the pass reaches the hub exactly once; a relay on a pseudo-terminal
 * gets its command on the pass only.
 */
class HeadlessFieldTest {
    @TempDir
    Path dir;
    final org.venuegate.testing.OffsetClock hubClock = new org.venuegate.testing.OffsetClock();
    TestHub hub;
    long venueId;
    long otherVenueId;
    String venueCode;
    Path config;

    @BeforeEach
    void hubSignedItsListFiftyMinutesAgo() throws Exception {
        hubClock.offset = Duration.ofMinutes(-50);
        hub = new TestHub(hubClock);
        venueId = pass(hub.submit("劝业场"));
        otherVenueId = pass(hub.submit("五大道游客中心"));
        hub.hub.trust().publish();
        hubClock.offset = Duration.ZERO;
        assertThat(hub.hub.trust().current().createdAt()).isBefore(Instant.now().minus(Duration.ofMinutes(49)));
        venueCode = hub.hub.venues().venue(hub.admin, venueId).codeText();
        config = dir.resolve("kiosk-config").resolve("kiosk.json");
        Files.createDirectories(config.getParent());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private long pass(long application) {
        return hub.hub.applications().decide(hub.admin, application,
                new DecisionRequest(Verdict.PASS, null, 1)).application().venueId();
    }

    private void writeConfig(String gate) throws IOException {
        Files.writeString(config, "{\n  \"hubUrl\": \"" + hub.url + "\",\n  \"adminPin\": \"2468\",\n  \"voice\": {\"enabled\": false}"
                + (gate == null ? "" : ",\n  \"gate\": " + gate) + "\n}\n", StandardCharsets.UTF_8);
    }

    /** The product's own launcher in a child JVM, as an operator's script would start it. */
    record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> l = new ArrayList<>();
            for (String s : out.strip().split("\n")) {
                if (!s.isBlank()) {
                    l.add(Json.mapper().readTree(s));
                }
            }
            return l;
        }
    }

    /**
     * The product's command line: in this JVM for the one-shot commands (pair, bind, verify), in a child JVM for the
     * headless kiosk, whose standard input and output are the interface under test.
     */
    private Run kiosk(String stdin, String... args) throws Exception {
        if (stdin == null) {
            List<String> all = new ArrayList<>(List.of("kiosk", "--config", config.toString(), "--data",
                    dir.resolve("kiosk-data").toString()));
            all.addAll(List.of(args));
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int status = org.venuegate.app.Launcher.run(all.toArray(String[]::new), new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(err, true));
            return new Run(status, out.toString(), err.toString());
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.venuegate.app.Launcher", "kiosk",
                "--config", config.toString(), "--data", dir.resolve("kiosk-data").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[][] streams = new byte[2][];
        Thread errReader = new Thread(() -> {
            try {
                streams[1] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                streams[1] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        errReader.start();
        streams[0] = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kiosk " + String.join(" ", args) + " ends").isTrue();
        errReader.join();
        return new Run(p.exitValue(), new String(streams[0], StandardCharsets.UTF_8), new String(streams[1], StandardCharsets.UTF_8));
    }

    private void pairAndBind() throws Exception {
        String code = hub.hub.venues().createPairingCode(hub.admin, venueId).code();
        Run early = kiosk("", "--headless", "--stdin");
        assertThat(early.exit()).as("not paired yet").isEqualTo(1);
        assertThat(early.err()).contains("--pair");
        Run pair = kiosk(null, "--pair", code, "--label", "东门闸机");
        assertThat(pair.exit()).as(pair.err()).isZero();

        Run notPosted = kiosk(null, "--bind", "https://example.com/not-a-venue-code");
        assertThat(notPosted.exit()).isEqualTo(1);
        assertThat(notPosted.err()).contains("不是场所码");
        Run other = kiosk(null, "--bind", hub.hub.venues().venue(hub.admin, otherVenueId).codeText());
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("五大道游客中心").contains("劝业场");
        Run bound = kiosk(null, "--bind", venueCode);
        assertThat(bound.exit()).as(bound.err()).isZero();
        assertThat(bound.out()).contains("劝业场");
    }

    private String green() {
        return hub.hub.citizens().unveil(hub.citizen, hub.citizenSubject, venueCode).code();
    }

    private String red() {
        long red = hub.hub.citizens().register(hub.admin, new CitizenInput(null, "王*", Colour.RED,
                "密接", "居家隔离", true, null, true)).subjectId();
        long user = hub.hub.auth().createUser("red-" + red, "password-1", Role.CITIZEN, null, red);
        return hub.hub.citizens().unveil(new Principal(Role.CITIZEN, user, "red-" + red, null, red, null), red, venueCode).code();
    }

    private long stored(String outcome) {
        return hub.hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins WHERE outcome = ?", outcome));
    }

    @Test
    void pairedWithAnOldListTheHeadlessKioskDecidesEveryCategoryAndThePassReachesTheHubOnce() throws Exception {
        writeConfig(null);
        pairAndBind();
        String green = green();
        String forged = new TestIssuer().health(new HealthCode(9, "赵*", Colour.GREEN, true, Optional.empty(), false,
                venueId, Instant.now(), Instant.now().plusSeconds(600), 77));
        Run run = kiosk(String.join("\n", green, red(), forged, venueCode, green) + "\n", "--headless", "--stdin");
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("category").asText())
                .containsExactly("PASS", "HEALTH", "INVALID", "RESCAN", "RESCAN");
        assertThat(lines).extracting(l -> l.get("verdict").asText()).containsExactly("PASS", "STOP", "STOP", "STOP", "STOP");
        assertThat(lines).extracting(l -> l.get("reason").isNull() ? null : l.get("reason").asText())
                .containsExactly(null, "RED_CODE", "FORGED", "VENUE_CODE_SHOWN", "REPLAYED");
        for (JsonNode l : lines) {
            assertThat(l.get("venueId").asLong()).isEqualTo(venueId);
            assertThat(Instant.parse(l.get("decidedAt").asText())).isBetween(Instant.now().minusSeconds(120), Instant.now());
            Set<String> fields = new java.util.TreeSet<>();
            l.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("never a name or subject").containsExactlyInAnyOrder("verdict", "category", "reason",
                    "venueId", "decidedAt", "scanToDecisionMicros");
        }
        assertThat(run.out()).doesNotContain("张").doesNotContain("王");

        Run verify = kiosk(null, "--verify-journal", dir.resolve("kiosk-data").resolve("journal.db").toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(stored("PASS")).as("the pass reaches the hub exactly once").isEqualTo(1);
        assertThat(stored("STOP")).isEqualTo(4);

        // Started again on the same journal with nothing new: nothing is sent twice.
        Run again = kiosk("\n", "--headless", "--stdin");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(stored("PASS")).isEqualTo(1);
    }

    @Test
    void aRelayOnASerialPortGetsItsCommandOnAPassOnly() throws Exception {
        PtyPair.assumeSocat();
        try (PtyPair relay = new PtyPair(dir).start(); InputStream fromKiosk = Files.newInputStream(relay.hostEnd())) {
            // The relay's side: reads what the kiosk writes (a pty has no available(): a thread blocks on read).
            java.util.concurrent.CompletableFuture<byte[]> received = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.atomic.AtomicInteger extra = new java.util.concurrent.atomic.AtomicInteger();
            Thread reader = new Thread(() -> {
                try {
                    received.complete(fromKiosk.readNBytes(4));
                    int b;
                    while ((b = fromKiosk.read()) >= 0) {
                        extra.incrementAndGet();
                    }
                } catch (IOException e) {
                    received.completeExceptionally(e);
                }
            });
            reader.setDaemon(true);
            reader.start();
            // room for the first open, which loads jSerialComm's native library, on a loaded CI machine
            writeConfig("{\"serial\": \"" + relay.scannerEnd() + "@9600\", \"sendHex\": \"A0 01 01 A2\", \"timeoutMillis\": 5000}");
            pairAndBind();
            Run run = kiosk(String.join("\n", red(), green()) + "\n", "--headless", "--stdin");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.lines()).extracting(l -> l.get("verdict").asText()).containsExactly("STOP", "PASS");
            byte[] command;
            try {
                command = received.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the relay end received nothing; the kiosk's log:\n" + run.err(), e);
            }
            assertThat(command).containsExactly(0xA0, 0x01, 0x01, 0xA2);
            // The kiosk has exited; pulling the relay's cable ends the reader, which has then seen everything written.
            relay.unplug();
            reader.join(10_000);
            assertThat(extra.get()).as("one opening, for the one pass").isZero();
        }
    }

    @Test
    void aRelayThatIsNotThereIsReportedAndTheDecisionStands() throws Exception {
        writeConfig("{\"serial\": \"" + dir.resolve("no-relay") + "\", \"sendHex\": \"A00101A2\"}");
        pairAndBind();
        Run run = kiosk(green() + "\n", "--headless", "--stdin");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).extracting(l -> l.get("verdict").asText()).containsExactly("PASS");
        assertThat(run.err()).contains("GATE NOT OPENED").contains("not found");
        assertThat(stored("PASS")).isEqualTo(1);
    }
}
