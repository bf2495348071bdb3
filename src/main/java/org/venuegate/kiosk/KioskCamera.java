package org.venuegate.kiosk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.venuegate.kiosk.capture.CameraState;
import org.venuegate.kiosk.capture.CameraSupervisor;
import org.venuegate.kiosk.capture.FrameSource;
import org.venuegate.kiosk.capture.ReplayFrameSource;
import org.venuegate.kiosk.capture.WebcamFrameSource;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.decode.FrameDecoder;
import org.venuegate.kiosk.decode.KioskDecoders;
import org.venuegate.kiosk.decode.ScanLoop;

/**
 * The camera side of the kiosk: a frame source kept alive by a supervisor (retrying until the camera comes back),
 * feeding the newest-frame scan loop, which hands each newly read text to the kiosk. Nothing here touches the FX
 * thread; the listeners hop there themselves.
 */
public final class KioskCamera implements AutoCloseable {
    private final ScanLoop loop;
    private final CameraSupervisor supervisor;

    public KioskCamera(FrameSource source, ScanLoop.Listener onCode, CameraSupervisor.Listener onState) {
        this(KioskDecoders.full(), source, onCode, onState);
    }

    /** With a decoder built beforehand (the kiosk builds it while the window starts). */
    public KioskCamera(FrameDecoder decoder, FrameSource source, ScanLoop.Listener onCode, CameraSupervisor.Listener onState) {
        this.loop = new ScanLoop(decoder, onCode);
        this.supervisor = new CameraSupervisor(source, loop, onState);
    }

    /** The source the configuration names; null for "scanner" (codes arrive as typed text instead). */
    public static FrameSource fromConfig(KioskConfig.Camera camera) {
        String src = camera.source();
        if (src.startsWith("replay:")) {
            return new ReplayFrameSource(Path.of(src.substring("replay:".length())), true, Duration.ofMillis(100));
        }
        if (src.equals("webcam")) {
            return new WebcamFrameSource(camera.name(), camera.width(), camera.height());
        }
        return null;
    }

    public KioskCamera start() {
        loop.start();
        supervisor.start();
        return this;
    }

    /** Adapts the supervisor's states to the status bar's (state name, detail). */
    public static CameraSupervisor.Listener states(BiConsumer<String, String> statusBar) {
        return (CameraState s) -> statusBar.accept(s.status() == CameraState.Status.STOPPED ? "OPENING" : s.status().name(), s.detail());
    }

    @Override
    public void close() {
        supervisor.close();
        loop.close();
    }
}
