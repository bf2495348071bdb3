package org.venuegate.kiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while writing: every record the child reported as written is there, and the chain verifies. */
class JournalCrashTest {
    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostOnKill() throws Exception {
        Path file = dir.resolve("journal.db");
        long total = 0;
        for (int round = 0; round < 3; round++) {
            List<Long> reported = runAndKill(file, 150 + round * 100);
            assertThat(reported).as("the child wrote something before the kill").isNotEmpty();
            try (Journal j = Journal.open(file, Clock.systemUTC())) {
                VerifyReport report = j.verify();
                assertThat(report.ok()).as(report.message()).isTrue();
                List<Long> present = j.unsynced(Integer.MAX_VALUE).stream().map(Record::seq).toList();
                assertThat(present).containsAll(reported);
                // at most the one record in flight at the kill may exist beyond what was reported
                assertThat(present.size()).isBetween(reported.get(reported.size() - 1).intValue(),
                        reported.get(reported.size() - 1).intValue() + 1);
                assertThat(present.get(0)).isEqualTo(1);
                total = present.size();
                assertThat(j.alreadyUsed(1)).isTrue();
            }
        }
        assertThat(total).isGreaterThan(150);
    }

    private List<Long> runAndKill(Path file, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalCrashChild.class.getName(), file.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        List<Long> reported = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            assertThat(line).isEqualTo("READY");
            while ((line = in.readLine()) != null) {
                reported.add(Long.parseLong(line.trim()));
                if (reported.size() >= killAfter) {
                    // SIGKILL: no shutdown hooks, no close, whatever the journal was doing at this instant. Through
                    // the handle, because Process.destroyForcibly also closes our end of the pipe and would drop the
                    // lines the child already reported.
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
            // lines already written before the kill count too: the child considered them durable
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    reported.add(Long.parseLong(line.trim()));
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return reported;
    }
}
