package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.DbKeyStore;
import org.venuegate.hub.store.Sql;

/**
 * Hub nodes started at the same moment on one empty PostgreSQL, as a cluster's first start is: each node looks for a
 * key ring and a first admin, finds none, and makes one. One of each must come out of it, and every node start.
 */
class FirstStartRaceTest {
    @TempDir
    Path dir;

    private static String freshDatabase(EmbeddedPostgres pg, String name) throws Exception {
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    @Test
    void nodesMakingTheFirstAdminAtOnceAllStartAndOneAdminComesOfIt() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            for (int round = 0; round < 3; round++) {
                makeTheFirstAdminAtOnce(freshDatabase(pg, "admins" + round), round, 4);
            }
        }
    }

    private void makeTheFirstAdminAtOnce(String url, int round, int nodes) throws Exception {
        List<Hub> hubs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int n = 0; n < nodes; n++) {
                hubs.add(new Hub(new HubConfig(dir.resolve("r" + round + "n" + n), url, "postgres", null,
                        HubConfig.DEFAULT_RETENTION, HubConfig.DEFAULT_TOKEN_TTL, 1000), Clock.systemUTC()));
            }
            // each node's start-up looks for an admin, finds none and makes one, all at the same moment
            CyclicBarrier together = new CyclicBarrier(nodes);
            List<Future<Optional<String>>> made = new ArrayList<>();
            for (Hub h : hubs) {
                made.add(pool.submit(() -> {
                    together.await();
                    return h.bootstrapAdmin();
                }));
            }
            List<String> passwords = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                Optional<String> p = made.get(n).get(60, TimeUnit.SECONDS); // a node that failed to start throws here
                p.ifPresent(passwords::add);
                assertThat(Files.exists(dir.resolve("r" + round + "n" + n).resolve(Hub.ADMIN_PASSWORD_FILE)))
                        .as("only the node that made the admin writes its password").isEqualTo(p.isPresent());
            }
            assertThat(passwords).as("round " + round + ": one first admin").hasSize(1);
            long users = hubs.get(0).db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM users"));
            assertThat(users).isEqualTo(1);
            for (Hub h : hubs) {
                assertThat(h.auth().login("admin", passwords.get(0)).token()).as("its password works on every node").isNotBlank();
            }
        } finally {
            pool.shutdown();
            for (Hub h : hubs) {
                h.close();
            }
        }
    }

    @Test
    void aNodeThatFoundNoRingWhileAnotherMadeOneTakesThatOne() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Database first = Database.forUrl(freshDatabase(pg, "rings"), "postgres", null).migrate();
             Database second = Database.forUrl(pg.getJdbcUrl("postgres", "rings"), "postgres", null)) {
            Instant now = Instant.now();
            KeyRing made = KeyRing.create(new DbKeyStore(first, Clock.systemUTC()), now);
            // the second node read the table before the first node's ring was in it, and made its own
            DbKeyStore late = new DbKeyStore(second, Clock.systemUTC());
            AtomicBoolean readOnce = new AtomicBoolean();
            KeyRing.Store lateReader = new KeyRing.Store() {
                @Override
                public byte[] read() {
                    return readOnce.getAndSet(true) ? late.read() : null;
                }

                @Override
                public void write(byte[] document) {
                    late.write(document);
                }

                @Override
                public boolean create(byte[] document) {
                    return late.create(document);
                }


                @Override
                public String describe() {
                    return "the key_ring table, read late";
                }
            };
            KeyRing taken = KeyRing.create(lateReader, now);
            String root = made.root().orElseThrow().keyId();
            assertThat(taken.root().orElseThrow().keyId()).as("the second node signs with the first node's root").isEqualTo(root);
            assertThat(KeyRing.open(late).root().orElseThrow().keyId()).as("and the stored ring is the first one").isEqualTo(root);
        }
    }
}
