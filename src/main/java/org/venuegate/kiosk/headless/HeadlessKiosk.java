package org.venuegate.kiosk.headless;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.core.decide.Decision;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.KioskEngine;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.capture.CameraState;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.decode.KioskDecoders;
import org.venuegate.kiosk.gate.Gate;
import org.venuegate.kiosk.gate.GateOutputs;

/**
 * The kiosk without a window, for turnstiles and scripted roll-outs: the same runtime (engine, journal, sync,
 * trust-list refresh, clock guard) fed straight by the configured input, or by standard input one code per line,
 * reporting each decision to its listeners: a JSON line on standard output and, on a pass, the gate. Logs go to
 * standard error, so standard output carries only the decisions.
 */
public final class HeadlessKiosk implements AutoCloseable {
    /** Codes longer than this are cut and decided as unreadable: a line must not grow without bound. */
    static final int MAX_LINE = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessKiosk.class);

    /** Hears every decision, on the thread that read the code. */
    public interface Listener {
        void decided(KioskEngine.Outcome outcome);
    }

    /**
     * One decision as printed: never a name, an ID or the pseudonymous subject.
     *
     * @param reason the stop reason, null for a pass
     */
    public record DecisionLine(String verdict, String category, String reason, long venueId, Instant decidedAt,
                               long scanToDecisionMicros) {
        static DecisionLine of(KioskEngine.Outcome o, long venueId) {
            Decision d = o.decision();
            return new DecisionLine(d.verdict().name(), d.category().name(),
                    d.stopReason() == null ? null : d.stopReason().name(), venueId, o.decidedAt(), o.scanToDecisionMicros());
        }
    }

    private final KioskRuntime runtime;
    private final KioskConfig config;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Gate gate;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private KioskCamera camera;

    /**
     * @param out where the JSON lines go (standard output)
     */
    public HeadlessKiosk(KioskRuntime runtime, KioskConfig config, PrintStream out) {
        this.runtime = runtime;
        this.config = config;
        long venue = runtime.device.venueId();
        listeners.add(o -> {
            try {
                String line = Json.mapper().writeValueAsString(DecisionLine.of(o, venue));
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        this.gate = GateOutputs.start(config.gate(), r -> {
            if (!r.ok()) {
                LOG.error("GATE NOT OPENED: {} (the decision stands and is recorded)", r.problem());
            }
        });
        if (gate != null) {
            LOG.info("Gate output: {}", gate.describe());
            listeners.add(o -> {
                if (o.decision().pass()) {
                    gate.open();
                }
            });
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Decides one code read at {@code capturedNanos} and tells every listener; a failing listener never stops the rest. */
    public KioskEngine.Outcome onCode(String text, long capturedNanos) {
        KioskEngine.Outcome o = runtime.engine.onCode(text, capturedNanos);
        for (Listener l : listeners) {
            try {
                l.decided(o);
            } catch (RuntimeException e) {
                LOG.warn("A decision listener failed: {}", e.toString());
            }
        }
        return o;
    }

    /**
     * Reads one code per line until the end of input, then sends what is waiting once. Blank lines are skipped; a
     * carriage return before the line end is dropped (scanners send CR LF).
     */
    public void runLines(Reader in) throws IOException {
        runtime.start();
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                submit(line, cut);
                line.setLength(0);
                cut = false;
            } else if (line.length() <= MAX_LINE) {
                line.append((char) c);
            } else {
                cut = true;
            }
        }
        submit(line, cut);
        finish();
    }

    private void submit(StringBuilder line, boolean cut) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String text = line.substring(0, end);
        if (text.isBlank()) {
            return;
        }
        if (cut) {
            LOG.warn("An input line longer than {} characters was cut; decided as unreadable", MAX_LINE);
        }
        onCode(text, System.nanoTime());
    }

    /** Runs the configured camera, serial scanner or replay until {@link #stop()} (or the process is stopped). */
    public void runInput() throws InterruptedException {
        KioskConfig.Camera cam = config.camera();
        if ("scanner".equals(cam.source())) {
            throw new IllegalArgumentException("camera.source \"scanner\" is a keyboard-wedge scanner, which needs a window;"
                    + " use --stdin, or a serial scanner (serial:PORT)");
        }
        runtime.start();
        camera = KioskCamera.fromConfig(cam, KioskDecoders::full, this::onCode, (CameraState s) -> {
            if (s.status() == CameraState.Status.RUNNING) {
                LOG.info("Input running: {}", s.detail() == null ? cam.source() : s.detail());
            } else if (s.status() == CameraState.Status.UNAVAILABLE) {
                LOG.warn("Input unavailable ({}): {}; retrying", s.reason(), s.detail());
            }
        });
        camera.start();
        stopped.await();
    }

    /** Ends {@link #runInput()}. */
    public void stop() {
        stopped.countDown();
    }

    /** Sends what is waiting once; offline it stays in the journal for the next start. */
    void finish() {
        try {
            runtime.sync.syncOnce();
        } catch (RuntimeException e) {
            LOG.warn("Final sync failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
        if (camera != null) {
            camera.close();
        }
        if (gate != null) {
            gate.close();
        }
        runtime.close();
    }
}
