package org.venuegate.kiosk.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.keys.KeyEntry;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.kiosk.DeviceFile;
import org.venuegate.kiosk.TrustStore;
import org.venuegate.kiosk.setup.VenueBinding;

/**
 * {@code venuegate bench startup}: launches the kiosk as a child process again and again and times launch to "ready
 * to scan", the moment the kiosk prints {@link #READY_MARKER}: its full-screen window is showing and the camera (a
 * replay folder here) delivers frames to the scan loop.
 *
 * <p>Each run gets a kiosk that is already paired (a prepared {@code device.json} and signed {@code trust-list.json}
 * from a throwaway key ring), a fresh journal folder, and a hub address nobody answers on, like a kiosk that starts
 * offline. It needs a display: run it under Xvfb on a machine without one.
 */
public final class StartupBench {
    public static final String READY_MARKER = "VENUEGATE-READY kiosk";

    private StartupBench() {
    }

    /** The figures of a bench run: wall-clock milliseconds to ready, and the CPU time the kiosk had used by then. */
    public record Result(List<Long> millis, List<Long> cpuMillis, int failed) {
        public long median() {
            return percentile(50);
        }

        public long p95() {
            return percentile(95);
        }

        public long percentile(int p) {
            return percentile(millis, p);
        }

        public static long percentile(List<Long> values, int p) {
            List<Long> s = values.stream().sorted().toList();
            if (s.isEmpty()) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * s.size());
            return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
        }
    }

    /**
     * @param command what starts the kiosk (a launcher, or java with its class path); the bench appends
     *                {@code kiosk --config FILE --data DIR}
     */
    public static Result run(List<String> command, int runs, int timeoutSeconds, boolean windowed, PrintWriter out)
            throws IOException {
        Path dir = Files.createTempDirectory("vg-startup-");
        {
            Path config = prepare(dir);
            out.println("bench startup: " + String.join(" ", command) + " kiosk ... (" + runs + " runs, paired, offline,"
                    + " replay camera)");
            List<Long> times = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            int failed = 0;
            for (int i = 1; i <= runs; i++) {
                Path data = dir.resolve("kiosk-data-" + i);
                List<String> cmd = new ArrayList<>(command);
                cmd.addAll(List.of("kiosk", "--config", config.toString(), "--data", data.toString()));
                if (windowed) {
                    cmd.add("--windowed");
                }
                long[] measured = once(cmd, timeoutSeconds, dir.resolve("run-" + i + ".log"));
                long ms = measured[0];
                if (ms < 0) {
                    failed++;
                    out.printf(Locale.ROOT, "run %d: not ready within %d s (output in %s)%n", i, timeoutSeconds,
                            dir.resolve("run-" + i + ".log"));
                } else {
                    times.add(ms);
                    cpu.add(measured[1]);
                    out.printf(Locale.ROOT, "run %d: ready to scan after %d ms (%d ms of CPU time)%n", i, ms, measured[1]);
                }
                out.flush();
            }
            Result r = new Result(times, cpu, failed);
            out.printf(Locale.ROOT, "launch to ready to scan: median %d ms, p95 %d ms, min %d ms, max %d ms, %d of %d runs ready;"
                    + " CPU time to ready: median %d ms%n", r.median(), r.p95(), r.percentile(0), r.percentile(100), times.size(), runs,
                    Result.percentile(cpu, 50));
            out.printf(Locale.ROOT, "{\"bench\":\"startup\",\"runs\":%d,\"ready\":%d,\"median_ms\":%d,\"p95_ms\":%d,\"ms\":%s,"
                    + "\"cpu_median_ms\":%d}%n", runs, times.size(), r.median(), r.p95(), times, Result.percentile(cpu, 50));
            if (failed == 0) {
                deleteTree(dir);
            }
            return r;
        }
    }

    /** A paired, bound, offline kiosk: config, device file, signed trust list, venue binding and a one-image replay camera. */
    static Path prepare(Path dir) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyRing ring = KeyRing.init(dir.resolve("keys"), now.minusSeconds(60));
        KeyEntry root = ring.root().orElseThrow();
        Path configDir = dir.resolve("kiosk-config");
        Files.createDirectories(configDir);
        String hub = "http://127.0.0.1:9"; // the discard port: nobody answers, the kiosk starts offline
        new DeviceFile(hub, 1, "bench-token", root.publicKey(), root.keyId(), 42, "Startup bench venue", "HP-000042", "",
                org.venuegate.core.crypto.Ed25519.encodePrivate(org.venuegate.core.crypto.Ed25519.generate().getPrivate()))
                .save(configDir);
        Files.writeString(configDir.resolve(TrustStore.NAME), ring.signTrustList(ring.nextTrustList(now, List.of())),
                StandardCharsets.UTF_8);
        // bound to its venue as the setup wizard leaves it: a kiosk without a binding opens on the wizard instead
        String venueCode = ring.issueVenue(new VenueCode(42, "HP-000042", "Startup bench venue", 120101, "MALL", false, now), now);
        new VenueBinding(42, "HP-000042", "Startup bench venue", venueCode,
                ring.signer(KeyRole.VENUE, now).keyId(), now, VenueBinding.Via.TYPED).save(configDir);
        Path frames = dir.resolve("frames");
        Files.createDirectories(frames);
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        ImageIO.write(img, "png", frames.resolve("0001.png").toFile());
        Path config = configDir.resolve("kiosk.json");
        Files.writeString(config, "{\n  \"hubUrl\": \"" + hub + "\",\n  \"camera\": {\"source\": \"replay:"
                + frames.toString().replace("\\", "\\\\") + "\"}\n}\n", StandardCharsets.UTF_8);
        return config;
    }

    /**
     * Milliseconds from starting the process to its ready line (-1 when it did not come within the timeout), and the CPU
     * time the process had used when the line came (-1 when the platform does not tell).
     */
    static long[] once(List<String> cmd, int timeoutSeconds, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // Started from an installed launcher, this JVM's environment carries the launcher's own variables; a child
        // launcher that sees them takes itself for a relaunch and cannot find its main class.
        pb.environment().remove("_JPACKAGE_LAUNCHER");
        if (System.getenv("_JPACKAGE_LAUNCHER") != null) {
            pb.environment().remove("LD_LIBRARY_PATH");
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<Long> ready = new CompletableFuture<>();
        long[] cpu = {-1};
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!ready.isDone() && line.contains(READY_MARKER)) {
                        long wall = (System.nanoTime() - t0) / 1_000_000;
                        cpu[0] = p.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
                        ready.complete(wall);
                    }
                    w.println(line);
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.complete(-1L);
        }, "startup-bench-reader");
        reader.setDaemon(true);
        reader.start();
        long ms;
        try {
            ms = ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            ms = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ms = -1;
        } finally {
            stop(p);
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new long[] {ms, cpu[0]};
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path q : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
