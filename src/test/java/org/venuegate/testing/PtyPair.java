package org.venuegate.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined by socat, standing in for a serial scanner: the kiosk opens {@link #scannerEnd()} as
 * its serial port, the test writes what the scanner would send into {@link #hostEnd()}. Killing socat is pulling the
 * scanner's cable: both ends go away, and {@link #start()} plugs it back in under the same names.
 */
public final class PtyPair implements AutoCloseable {
    private final Path scannerEnd;
    private final Path hostEnd;
    private Process socat;
    private OutputStream host;

    public PtyPair(Path dir) {
        this.scannerEnd = dir.resolve("scanner");
        this.hostEnd = dir.resolve("host");
    }

    /** Skips the calling test, saying why, when socat is not installed (CI installs it: see .ci/run). */
    public static void assumeSocat() {
        boolean present;
        try {
            Process p = new ProcessBuilder("socat", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        assumeTrue(present, "socat is not installed (apt-get install socat); the real serial-port tests need it for a pty pair");
    }

    public Path scannerEnd() {
        return scannerEnd;
    }

    public Path hostEnd() {
        return hostEnd;
    }

    /** Starts socat and waits until both ends exist. */
    public PtyPair start() throws IOException, InterruptedException {
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + scannerEnd, "pty,raw,echo=0,link=" + hostEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until("socat's pty links", Duration.ofSeconds(10), () -> Files.exists(scannerEnd) && Files.exists(hostEnd));
        host = new FileOutputStream(hostEnd.toFile()); // kept open: the scanner end then never sees a half-closed pair
        return this;
    }

    /** Writes bytes as the scanner would, in one write. */
    public void send(String text) throws IOException {
        host.write(text.getBytes(StandardCharsets.UTF_8));
        host.flush();
    }

    /** Kills socat (the cable is pulled) and waits until it has gone and removed its links. */
    public void unplug() throws InterruptedException {
        if (host != null) {
            try {
                host.close();
            } catch (IOException e) {
                // the pty may already be gone; nothing to release then
            }
            host = null;
        }
        Process p = socat;
        socat = null;
        if (p != null) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        Await.until("socat's pty links to go", Duration.ofSeconds(10), () -> !Files.exists(scannerEnd));
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
