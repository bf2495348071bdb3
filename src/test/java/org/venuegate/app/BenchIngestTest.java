package org.venuegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.json.Json;

/**
 * {@code venuegate bench ingest} at a small size on both databases: the first pass stores every row, the second adds
 * nothing, and the table holds exactly the rows sent. Figures are printed, never asserted: timing belongs to the bench.
 */
class BenchIngestTest {
    private static final int ROWS = 5_000;
    private static final int BATCH = 1_000;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        /** The last line of the output is the JSON summary. */
        JsonNode json() throws Exception {
            List<String> lines = out.lines().toList();
            return Json.mapper().readTree(lines.get(lines.size() - 1));
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Launcher.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    static void assertIdempotent(Run r, String db, int rows) throws Exception {
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("first pass:", "second pass:");
        JsonNode j = r.json();
        assertThat(j.get("db").asText()).isEqualTo(db);
        assertThat(j.get("rows").asInt()).isEqualTo(rows);
        assertThat(j.get("first_pass_added").asInt()).isEqualTo(rows);
        assertThat(j.get("second_pass_added").asInt()).isZero();
        assertThat(j.get("rejected").asInt()).isZero();
        assertThat(j.get("rows_in_table").asInt()).isEqualTo(rows);
        // every scanned code was unveiled at the hub first, as in use: each such check-in is judged verified evidence
        assertThat(j.get("scanned_rows").asInt()).isPositive().isLessThanOrEqualTo(rows);
        assertThat(j.get("verified_rows").asInt()).isEqualTo(j.get("scanned_rows").asInt());
        assertThat(j.get("first_pass_rows_per_s").asDouble()).isPositive();
        assertThat(j.get("second_pass_rows_per_s").asDouble()).isPositive();
        assertThat(j.get("first_pass_seconds").asDouble()).isPositive();
    }

    @Test
    void embeddedDatabaseStoresEachRowOnce() throws Exception {
        Path data = dir.resolve("sqlite");
        Run r = run("bench", "ingest", "--db", "embedded", "--rows", Integer.toString(ROWS), "--batch", Integer.toString(BATCH),
                "--data", data.toString());
        assertIdempotent(r, "embedded", ROWS);
        assertThat(r.json().get("batch").asInt()).isEqualTo(BATCH);
        // the warm-up (a quarter of the rows by default, a sixth of it in small batches) is stored by kiosks of its own:
        // the table's count for the measured kiosks above is still exactly ROWS
        assertThat(r.json().get("warmup_rows").asInt()).isEqualTo(ROWS / 4);
        assertThat(r.out()).contains("warm-up: " + String.format(java.util.Locale.ROOT, "%,d", ROWS / 4 / 6) + " rows in batches of 20");
        assertThat(data.resolve("hub.db")).exists();
        // A second run into the same folder would measure a table that is not empty: refused as a usage error.
        assertThat(run("bench", "ingest", "--data", data.toString()).status()).isEqualTo(2);
    }

    @Test
    void severalKiosksAtOnceStoreEachRowOnce() throws Exception {
        // 1,001 rows over 3 kiosks: shares of 334, 334 and 333, each kiosk on its own thread.
        Run r = run("bench", "ingest", "--db", "embedded", "--rows", "1001", "--batch", "100", "--kiosks", "3", "--warmup", "0");
        assertIdempotent(r, "embedded", 1001);
        assertThat(r.json().get("warmup_rows").asInt()).as("a cold run").isZero();
        assertThat(r.out()).doesNotContain("warm-up");
        assertThat(run("bench", "ingest", "--rows", "100", "--kiosks", "3", "--warmup", "2").err())
                .contains("--warmup must be 0 (none) or at least --kiosks");
        assertThat(r.json().get("kiosks").asInt()).isEqualTo(3);
        assertThat(r.out()).contains("3 kiosk(s)");
        assertThat(run("bench", "ingest", "--rows", "2", "--kiosks", "3").err()).contains("--kiosks must be 1..64");
    }

    @Test
    void throwawayPostgresStoresEachRowOnce() throws Exception {
        Run r = run("bench", "ingest", "--db", "postgres", "--rows", Integer.toString(ROWS), "--batch", Integer.toString(BATCH));
        assertIdempotent(r, "postgres", ROWS);
        assertThat(r.out()).contains("throwaway PostgreSQL 17.");
        // the physical limit is measured beside it, on the same table, and the ratio printed (never asserted: a figure)
        assertThat(r.out()).contains("raw COPY:");
        assertThat(r.json().get("raw_copy_rows_per_s").asDouble()).isPositive();
        assertThat(r.json().get("copy_ratio").asDouble()).isPositive();
        assertThat(r.json().get("copy_ratio_block_median").asDouble()).isPositive();
        assertThat(r.out()).containsPattern("block pairs: +ingestion's speed over raw COPY's, median \\d\\.\\d\\d \\(quartiles");
        assertThat(r.json().get("rows_in_table").asInt()).as("the baseline's rows are not counted as the bench kiosks'").isEqualTo(ROWS);
    }

    @Test
    void withoutTheTestLibrariesAThrowawayPostgresIsRefusedAskingForJdbc() {
        // The shipped jar has no provider: a class loader that sees no META-INF/services stands in for it.
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        Run r;
        try {
            r = run("bench", "ingest", "--db", "postgres", "--rows", "10", "--batch", "10");
        } finally {
            t.setContextClassLoader(saved);
        }
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no throwaway PostgreSQL", "pass --jdbc URL");
        assertThat(r.out()).doesNotContain("first pass:");
        // ...while the same command on the test class path finds one (throwawayPostgresStoresEachRowOnce runs it)
        assertThat(ThrowawayPostgres.find()).isPresent();
    }

    @Test
    void existingPostgresByJdbcUrlWithAnUnevenLastBatch() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Run r = run("bench", "ingest", "--db", "postgres", "--jdbc", url, "--rows", "1234", "--batch", "500");
            assertIdempotent(r, "postgres", 1234);
            // A second run on the same database adds its own device; its own rows are counted, not the earlier ones.
            assertIdempotent(run("bench", "ingest", "--db", "postgres", "--jdbc", url, "--rows", "100", "--batch", "100"),
                    "postgres", 100);
        }
    }

    @Test
    void usageErrorsAndTheOtherModes(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThat(run("bench").status()).isEqualTo(2);
        assertThat(run("bench", "ingest", "--batch", "0").status()).isEqualTo(2);
        assertThat(run("bench", "ingest", "--batch", "5001").err()).contains("--batch must be 1..5000");
        assertThat(run("bench", "ingest", "--rows", "0").status()).isEqualTo(2);
        assertThat(run("bench", "ingest", "--db", "oracle").status()).isEqualTo(2);
        assertThat(run("bench", "ingest", "--jdbc", "jdbc:postgresql://localhost/x").err()).contains("--jdbc needs --db postgres");
        assertThat(run("bench", "decode").status()).as("DIR is required").isEqualTo(2);
        assertThat(run("bench", "decode", empty.toString()).status()).as("no labelled image").isEqualTo(2);
        assertThat(run("bench", "pipeline", "--size", "big").status()).isEqualTo(2);
        Run decode = run("bench", "decode", "src/test/resources/decode-corpus");
        assertThat(decode.status()).as(decode.err()).isZero();
        assertThat(decode.out()).contains("\"decoder\":\"kiosk\"", "\"decoder\":\"zxing-raw\"", "\"misread\":0");
        assertThat(run("bench", "--help").out()).contains("Usage: venuegate bench", "ingest", "decode", "pipeline", "soak");
    }

    @Test
    void temporaryFolderIsRemovedAfterTheRun() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("venuegate-bench-")).count();
        }
        assertThat(run("bench", "ingest", "--rows", "10", "--batch", "10").status()).isZero();
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("venuegate-bench-")).count()).isEqualTo(before);
        }
    }
}
