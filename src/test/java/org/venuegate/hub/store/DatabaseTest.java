package org.venuegate.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's count of connections taken by a thread that already holds one, which the API contract holds at 0. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aConnectionTakenWhileOneIsHeldIsCountedAndOneAfterTheOtherIsNot() throws Exception {
        try (Database db = Database.sqlite(dir.resolve("hub.db")).migrate()) {
            db.read(c -> Sql.count(c, "SELECT 1"));
            db.tx(c -> Sql.count(c, "SELECT 1"));
            assertThat(db.nestedBorrows()).isZero();

            long two = db.tx(c -> db.read(inner -> Sql.count(inner, "SELECT 2")));
            assertThat(two).isEqualTo(2);
            assertThat(db.nestedBorrows()).isEqualTo(1);

            // work that failed gave its connection back: the next one is not taken "while one is held"
            assertThatThrownBy(() -> db.tx(c -> Sql.count(c, "SELECT no_such_column"))).isInstanceOf(Database.StoreException.class);
            assertThatThrownBy(() -> db.read(c -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            db.read(c -> Sql.count(c, "SELECT 1"));
            assertThat(db.nestedBorrows()).isEqualTo(1);

            // another thread's connection is not this thread's
            Thread[] other = new Thread[1];
            db.tx(c -> {
                other[0] = new Thread(() -> db.read(o -> Sql.count(o, "SELECT 1")));
                other[0].start();
                Sql.count(c, "SELECT 1");
                return null;
            });
            other[0].join();
            assertThat(db.nestedBorrows()).isEqualTo(1);
        }
    }
}
