package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.hub.store.Sql;

/**
 * Two hub nodes on one PostgreSQL, many request threads finding no fresh trust list at once (as on a first start and
 * then every hour): found by the load bench, where each such race lost all but one request to a duplicate key (503).
 */
class TrustServiceRaceTest {
    @TempDir
    Path dir;

    @Test
    void concurrentRefreshesOnTwoNodesSignOneListAndARotationIsAlwaysInTheNewest() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            HubConfig config = new HubConfig(dir, pg.getJdbcUrl("postgres", "postgres"), "postgres", null,
                    HubConfig.DEFAULT_RETENTION, HubConfig.DEFAULT_TOKEN_TTL, 1000);
            try (Hub a = new Hub(config, Clock.systemUTC()); Hub b = new Hub(config, Clock.systemUTC())) {
                int threads = 8;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> seqs = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Hub node = i % 2 == 0 ? a : b;
                    seqs.add(pool.submit(() -> {
                        go.await();
                        return node.trust().current().sequence();
                    }));
                }
                go.countDown();
                for (Future<Long> f : seqs) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).as("every request gets the one fresh list").isEqualTo(1L);
                }
                long lists = a.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM trust_lists"));
                assertThat(lists).isEqualTo(1);

                // Rotations on both nodes at once: each publishes its own list, and the newest has both keys.
                CountDownLatch again = new CountDownLatch(1);
                Future<String> ka = pool.submit(() -> {
                    again.await();
                    return a.trust().rotate(KeyRole.HEALTH, java.time.Duration.ofDays(1), "test").keyId();
                });
                Future<String> kb = pool.submit(() -> {
                    again.await();
                    return b.trust().rotate(KeyRole.VENUE, java.time.Duration.ofDays(1), "test").keyId();
                });
                again.countDown();
                String health = ka.get(60, TimeUnit.SECONDS);
                String venue = kb.get(60, TimeUnit.SECONDS);
                pool.shutdown();
                for (Hub node : List.of(a, b)) {
                    var list = node.trust().currentList();
                    assertThat(list.key(health)).as("rotated health key").isPresent();
                    assertThat(list.key(venue)).as("rotated venue key").isPresent();
                }
            }
        }
    }
}
