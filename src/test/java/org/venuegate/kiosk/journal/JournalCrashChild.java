package org.venuegate.kiosk.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.venuegate.core.code.Colour;
import org.venuegate.core.decide.StopReason;
import org.venuegate.core.decide.Verdict;

/**
 * Child JVM for {@link JournalCrashTest}: works a journal the way a kiosk does, forever, until the parent kills it
 * with SIGKILL. Before each operation it prints {@code > n KIND details} and after the call returned
 * {@code < n KIND result}, so the parent knows what was confirmed and what was in flight at the kill:
 * <ul>
 *   <li>{@code APPEND nonce age} / {@code APPEND seq id nonce age}: a decision journaled (age {@code old} is older
 *       than the retention, so a purge may take it once acknowledged);</li>
 *   <li>{@code ACK id,id}: the hub's receipt for these ids (now and then one the journal does not hold);</li>
 *   <li>{@code REJECT id,id}: the hub refused these for good;</li>
 *   <li>{@code PURGE} / {@code PURGE deleted}: retention;</li>
 *   <li>{@code USED nonce} / {@code USED true|false}: the replay guard asked about a journaled nonce.</li>
 * </ul>
 * Arguments: the journal file, the seed of this run's choices, and {@code blocking}: whether this run may reject
 * records and journal recent ones. Either stops every later purge (a purge takes only a leading run of acknowledged
 * old records), so the parent allows them only late in its run.
 */
public final class JournalCrashChild {
    static final Duration RETENTION = Duration.ofDays(28);
    private static final String NONE = "-";

    private JournalCrashChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(args[1]));
        boolean blocking = Boolean.parseBoolean(args[2]);
        try (Journal j = Journal.open(Path.of(args[0]), Clock.systemUTC())) {
            // what the hub has not answered yet, with the nonces the replay guard must keep refusing
            Map<String, Long> pending = new LinkedHashMap<>();
            for (Record r : j.unsynced(Integer.MAX_VALUE)) {
                pending.put(r.id(), r.entry().nonce());
            }
            out.println("READY " + pending.size());
            out.flush();
            for (long n = 1; ; n++) {
                int op = rnd.nextInt(100);
                if (op < 50 || pending.isEmpty()) {
                    Long nonce = rnd.nextInt(5) == 0 ? null : rnd.nextLong();
                    boolean old = !blocking || rnd.nextInt(10) < 8;
                    String age = old ? "old" : "new";
                    out.println("> " + n + " APPEND " + (nonce == null ? NONE : nonce) + " " + age);
                    out.flush();
                    Instant at = Instant.now().minus(old ? RETENTION.plusDays(12) : Duration.ZERO);
                    Entry e = nonce == null
                            ? new Entry(42, null, false, Verdict.STOP, StopReason.FORGED, null, false, null, at, 900)
                            : new Entry(42, "S" + rnd.nextInt(100_000), false, Verdict.PASS, null, Colour.GREEN, false, nonce, at, 1200);
                    Record r = j.append(e);
                    pending.put(r.id(), nonce);
                    out.println("< " + n + " APPEND " + r.seq() + " " + r.id() + " " + (nonce == null ? NONE : nonce) + " " + age);
                } else if (op < 75) {
                    List<String> ids = some(pending, rnd);
                    if (rnd.nextInt(10) == 0) {
                        ids.add(UUID.randomUUID().toString());
                    }
                    out.println("> " + n + " ACK " + String.join(",", ids));
                    out.flush();
                    j.acknowledge("{\"accepted\":" + ids.size() + ",\"batch\":" + n + "}", ids);
                    ids.forEach(pending::remove);
                    out.println("< " + n + " ACK");
                } else if (op < 82 && blocking) {
                    List<String> ids = some(pending, rnd);
                    out.println("> " + n + " REJECT " + String.join(",", ids));
                    out.flush();
                    Map<String, String> errors = new HashMap<>();
                    ids.forEach(id -> errors.put(id, "WRONG_VENUE"));
                    j.reject(errors);
                    ids.forEach(pending::remove);
                    out.println("< " + n + " REJECT");
                } else if (op < 92 && op >= 82) {
                    out.println("> " + n + " PURGE");
                    out.flush();
                    int deleted = j.purge(RETENTION);
                    out.println("< " + n + " PURGE " + deleted);
                } else {
                    List<Long> nonces = pending.values().stream().filter(x -> x != null).toList();
                    if (nonces.isEmpty()) {
                        continue;
                    }
                    long nonce = nonces.get(rnd.nextInt(nonces.size()));
                    out.println("> " + n + " USED " + nonce);
                    out.flush();
                    out.println("< " + n + " USED " + j.alreadyUsed(nonce));
                }
                out.flush();
            }
        }
    }

    /** One to twelve of the pending ids, in no particular order. */
    private static List<String> some(Map<String, Long> pending, SplittableRandom rnd) {
        List<String> all = new ArrayList<>(pending.keySet());
        List<String> picked = new ArrayList<>();
        int n = 1 + rnd.nextInt(Math.min(12, all.size()));
        for (int i = 0; i < n; i++) {
            picked.add(all.remove(rnd.nextInt(all.size())));
        }
        return picked;
    }
}
