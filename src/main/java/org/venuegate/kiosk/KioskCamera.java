package org.venuegate.kiosk;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.venuegate.kiosk.capture.CameraState;
import org.venuegate.kiosk.capture.CameraSupervisor;
import org.venuegate.kiosk.capture.CodeSource;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.FrameSource;
import org.venuegate.kiosk.capture.ReplayFrameSource;
import org.venuegate.kiosk.capture.SerialScannerSource;
import org.venuegate.kiosk.capture.VideoFrameSource;
import org.venuegate.kiosk.capture.WebcamFrameSource;
import org.venuegate.kiosk.config.CameraSource;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.decode.FrameDecoder;
import org.venuegate.kiosk.decode.HeldCodeFilter;
import org.venuegate.kiosk.decode.KioskDecoders;
import org.venuegate.kiosk.decode.ScanLoop;

/**
 * The reading side of the kiosk: a frame source kept alive by a supervisor (retrying until the camera comes back),
 * feeding the newest-frame scan loop, which hands each newly read text to the kiosk; or a serial scanner's lines,
 * kept alive by the same supervisor and passed through the same held-code filter. Nothing here touches the FX
 * thread; the listeners hop there themselves.
 */
public final class KioskCamera implements AutoCloseable {
    private final ScanLoop loop; // null for a code source: there is nothing to decode
    private final CameraSupervisor supervisor;

    public KioskCamera(FrameSource source, ScanLoop.Listener onCode, CameraSupervisor.Listener onState) {
        this(KioskDecoders.full(), source, onCode, onState);
    }

    /** With a decoder built beforehand (the kiosk builds it while the window starts). */
    public KioskCamera(FrameDecoder decoder, FrameSource source, ScanLoop.Listener onCode, CameraSupervisor.Listener onState) {
        this(decoder, source, onCode, onState, null);
    }

    /** @param preview also gets every frame, on the camera's thread, after the scan loop; null for none */
    public KioskCamera(FrameDecoder decoder, FrameSource source, ScanLoop.Listener onCode, CameraSupervisor.Listener onState,
                       Consumer<Frame> preview) {
        this.loop = new ScanLoop(decoder, onCode);
        Consumer<Frame> frames = preview == null ? loop : f -> {
            loop.accept(f);
            preview.accept(f);
        };
        this.supervisor = new CameraSupervisor(source, frames, onState);
    }

    /** A scanner that sends text; a code it repeats while the phone stays under it counts once, as on camera. */
    public KioskCamera(CodeSource source, ScanLoop.Listener onCode, CameraSupervisor.Listener onState) {
        this(source, onCode, onState, Duration.ofSeconds(3));
    }

    KioskCamera(CodeSource source, ScanLoop.Listener onCode, CameraSupervisor.Listener onState, Duration retryDelay) {
        this.loop = null;
        HeldCodeFilter held = new HeldCodeFilter(HeldCodeFilter.KIOSK_WINDOW); // only the supervisor's thread uses it
        this.supervisor = CameraSupervisor.forCodes(source, text -> {
            long now = System.nanoTime();
            if (held.isNew(text, now)) {
                onCode.onCode(text, now);
            }
        }, onState, Duration.ofSeconds(5), retryDelay, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * The input the configuration names, not yet started; null for "scanner" (a keyboard wedge: codes arrive as typed
     * text in the window instead).
     */
    public static KioskCamera fromConfig(KioskConfig.Camera camera, ScanLoop.Listener onCode, CameraSupervisor.Listener onState) {
        return fromConfig(camera, KioskDecoders::full, onCode, onState, null);
    }

    /** As above, with every camera frame also handed to {@code preview} (the setup wizard's bind step). */
    public static KioskCamera fromConfig(KioskConfig.Camera camera, ScanLoop.Listener onCode, CameraSupervisor.Listener onState,
                                         Consumer<Frame> preview) {
        return fromConfig(camera, KioskDecoders::full, onCode, onState, preview);
    }

    /** As above, with the decoder to use for camera frames (the kiosk builds it while its window starts). */
    public static KioskCamera fromConfig(KioskConfig.Camera camera, Supplier<FrameDecoder> decoder, ScanLoop.Listener onCode,
                                         CameraSupervisor.Listener onState) {
        return fromConfig(camera, decoder, onCode, onState, null);
    }

    private static KioskCamera fromConfig(KioskConfig.Camera camera, Supplier<FrameDecoder> decoder, ScanLoop.Listener onCode,
                                          CameraSupervisor.Listener onState, Consumer<Frame> preview) {
        CameraSource src = camera.parsedSource();
        if (src instanceof CameraSource.Serial s) {
            return new KioskCamera(new SerialScannerSource(s.port(), s.baud()), onCode, onState);
        }
        FrameSource frames = frameSource(camera, src);
        return frames == null ? null : new KioskCamera(decoder.get(), frames, onCode, onState, preview);
    }

    private static FrameSource frameSource(KioskConfig.Camera camera, CameraSource src) {
        if (src instanceof CameraSource.ReplayFolder r) {
            return new ReplayFrameSource(r.folder(), camera.loopReplay(),
                    camera.fastestReplay() ? Duration.ZERO : Duration.ofMillis(100));
        }
        if (src instanceof CameraSource.ReplayVideo v) {
            return new VideoFrameSource(v.file(), camera.loopReplay(), !camera.fastestReplay());
        }
        if (src instanceof CameraSource.Webcam) {
            return new WebcamFrameSource(camera.name(), camera.width(), camera.height());
        }
        return null;
    }

    public KioskCamera start() {
        if (loop != null) {
            loop.start();
        }
        supervisor.start();
        return this;
    }

    /** Adapts the supervisor's states to the status bar's (state name, detail). */
    public static CameraSupervisor.Listener states(BiConsumer<String, String> statusBar) {
        // the reason's name, which the screens word in their language; the English detail is in the supervisor's log
        return (CameraState s) -> statusBar.accept(s.status() == CameraState.Status.STOPPED ? "OPENING" : s.status().name(),
                s.reason() != null ? s.reason().name() : s.detail());
    }

    @Override
    public void close() {
        supervisor.close();
        if (loop != null) {
            loop.close();
        }
    }
}
