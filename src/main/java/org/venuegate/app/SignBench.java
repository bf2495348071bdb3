package org.venuegate.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.crypto.JdkEd25519;
import org.venuegate.core.json.Json;

/**
 * The logic of {@code venuegate bench sign}: Ed25519 sign and verify on one thread, through the JDK provider and through
 * Bouncy Castle (what {@link Ed25519} uses), in alternating rounds so a busy machine hurts both alike. The rate per core
 * is operations per second of the thread's own CPU time, which other processes on the machine do not inflate; the
 * wall-clock rate is printed beside it.
 */
final class SignBench {
    private SignBench() {
    }

    /** One implementation's one operation, measured over the rounds: medians of the per-round rates. */
    record Figure(String impl, String op, double perCpuSecond, double perWallSecond, double microsPerOp) {
    }

    interface Op {
        boolean run(int i);
    }

    static List<Figure> run(int rounds, double seconds, int messageBytes, PrintWriter out) {
        return run(rounds, seconds, messageBytes, 0, out);
    }

    /**
     * @param batchItems also the hub's check of one batch signature over this many items, under both schemes
     *                   (making the signed bytes from the items, then verifying); 0 for none
     */
    static List<Figure> run(int rounds, double seconds, int messageBytes, int batchItems, PrintWriter out) {
        KeyPair pair = Ed25519.generate();
        SplittableRandom random = new SplittableRandom(42);
        byte[][] messages = new byte[64][messageBytes];
        for (byte[] m : messages) {
            random.nextBytes(m);
        }
        byte[][] signatures = new byte[messages.length][];
        for (int i = 0; i < messages.length; i++) {
            signatures[i] = JdkEd25519.sign(pair.getPrivate(), messages[i]);
            if (!Arrays.equals(signatures[i], Ed25519.sign(pair.getPrivate(), messages[i]))) {
                throw new IllegalStateException("BC and the JDK made different signatures");
            }
        }
        int mask = messages.length - 1;
        String[] names = {"jdk sign", "bc sign", "jdk verify", "bc verify"};
        Op[] ops = {
            i -> JdkEd25519.sign(pair.getPrivate(), messages[i & mask]).length == 64,
            i -> Ed25519.sign(pair.getPrivate(), messages[i & mask]).length == 64,
            i -> JdkEd25519.verify(pair.getPublic(), messages[i & mask], signatures[i & mask]),
            i -> Ed25519.verify(pair.getPublic(), messages[i & mask], signatures[i & mask]),
        };
        out.printf(Locale.ROOT, "bench sign: Ed25519, %d-byte messages, one thread, %d rounds of %.1f s per operation%s%n",
                messageBytes, rounds, seconds, Ed25519.crossChecked() > 0 ? " (cross-check mode: BC figures include the JDK's work)" : "");
        for (Op op : ops) {
            measure(op, Math.min(1.0, seconds)); // warm-up: let the JIT compile both paths first
        }
        List<List<double[]>> perOp = new ArrayList<>();
        for (int k = 0; k < ops.length; k++) {
            perOp.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < ops.length; k++) {
                double[] m = measure(ops[k], seconds);
                perOp.get(k).add(m);
                out.printf(Locale.ROOT, "  round %d  %-10s %,9.0f /s per core (CPU)  %,9.0f /s wall%n", r + 1, names[k], m[0], m[1]);
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (int k = 0; k < ops.length; k++) {
            double cpu = median(perOp.get(k), 0);
            double wall = median(perOp.get(k), 1);
            String[] io = names[k].split(" ");
            figures.add(new Figure(io[0], io[1], cpu, wall, 1e6 / cpu));
        }
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-3s %-6s %,9.0f /s per core  (%.1f µs CPU each)  %,9.0f /s wall%n", f.impl(), f.op(),
                    f.perCpuSecond(), f.microsPerOp(), f.perWallSecond());
        }
        out.printf(Locale.ROOT, "BC / JDK: sign %.1fx, verify %.1fx (per core)%n", figures.get(1).perCpuSecond() / figures.get(0).perCpuSecond(),
                figures.get(3).perCpuSecond() / figures.get(2).perCpuSecond());
        double[] batch = batchItems > 0 ? batchChecks(rounds, seconds, batchItems, out) : null;
        out.println(json(figures, messageBytes, rounds, batchItems, batch));
        return figures;
    }

    /**
     * The hub's work for one batch's signature: the signed bytes made from the items as it receives them, then Ed25519's
     * verification, under the current scheme (a digest signed) and the legacy one (the whole message signed).
     *
     * @return median CPU microseconds per batch: {current, legacy}
     */
    private static double[] batchChecks(int rounds, double seconds, int items, PrintWriter out) {
        KeyPair pair = Ed25519.generate();
        List<org.venuegate.api.Checkin> batch = new ArrayList<>(items);
        SplittableRandom random = new SplittableRandom(43);
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (int i = 0; i < items; i++) {
            byte[] chain = new byte[32];
            random.nextBytes(chain);
            batch.add(new org.venuegate.api.Checkin(null, (long) i + 1, hex.formatHex(chain), null, null, null, null, null, null,
                    null, null, null, null, null));
        }
        String[] schemes = {org.venuegate.core.checkin.CheckinChain.SCHEME, org.venuegate.core.checkin.CheckinChain.LEGACY_SCHEME};
        Op[] ops = new Op[schemes.length];
        for (int k = 0; k < schemes.length; k++) {
            String scheme = schemes[k];
            byte[] signature = java.util.Base64.getDecoder().decode(
                    org.venuegate.api.CheckinBatch.signed(scheme, 7, batch, pair.getPrivate()).signature());
            ops[k] = i -> Ed25519.verify(pair.getPublic(), org.venuegate.api.CheckinBatch.message(scheme, 7, batch), signature);
        }
        for (Op op : ops) {
            measure(op, Math.min(1.0, seconds));
        }
        List<List<double[]>> perOp = List.of(new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < ops.length; k++) {
                double[] m = measure(ops[k], seconds);
                perOp.get(k).add(m);
                out.printf(Locale.ROOT, "  round %d  batch of %,d, %s: %,.0f µs CPU each%n", r + 1, items, schemes[k], 1e6 / m[0]);
            }
        }
        double current = 1e6 / median(perOp.get(0), 0);
        double legacy = 1e6 / median(perOp.get(1), 0);
        out.printf(Locale.ROOT, "batch signature check, %,d items (signed bytes made, then verified): %s %.0f µs, %s %.0f µs"
                + " of CPU (%.1fx)%n", items, schemes[0], current, schemes[1], legacy, legacy / current);
        return new double[] {current, legacy};
    }

    /** {ops per CPU second of this thread, ops per wall second}. */
    private static double[] measure(Op op, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wallStart = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long deadline = wallStart + (long) (seconds * 1e9);
        int n = 0;
        boolean all = true;
        while (n < 10 || System.nanoTime() < deadline) {
            all &= op.run(n);
            n++;
        }
        long cpu = Math.max(1, threads.getCurrentThreadCpuTime() - cpuStart);
        long wall = Math.max(1, System.nanoTime() - wallStart);
        if (!all) {
            throw new IllegalStateException("a signature made by the bench did not verify");
        }
        return new double[] {n * 1e9 / cpu, n * 1e9 / wall};
    }

    private static double median(List<double[]> rounds, int index) {
        double[] v = rounds.stream().mapToDouble(m -> m[index]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String json(List<Figure> figures, int messageBytes, int rounds, int batchItems, double[] batch) {
        ObjectNode o = Json.mapper().createObjectNode()
                .put("bench", "sign")
                .put("message_bytes", messageBytes)
                .put("rounds", rounds)
                .put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Figure f : figures) {
            o.put(f.impl() + "_" + f.op() + "_per_core_s", Math.round(f.perCpuSecond()));
            o.put(f.impl() + "_" + f.op() + "_per_wall_s", Math.round(f.perWallSecond()));
        }
        o.put("sign_speedup", Math.round(figures.get(1).perCpuSecond() / figures.get(0).perCpuSecond() * 10) / 10.0);
        o.put("verify_speedup", Math.round(figures.get(3).perCpuSecond() / figures.get(2).perCpuSecond() * 10) / 10.0);
        if (batch != null) {
            o.put("batch_items", batchItems);
            o.put("batch_check_vgb2_us", Math.round(batch[0] * 10) / 10.0);
            o.put("batch_check_vgb1_us", Math.round(batch[1] * 10) / 10.0);
        }
        return o.toString();
    }
}
