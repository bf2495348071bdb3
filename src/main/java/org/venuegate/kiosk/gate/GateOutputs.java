package org.venuegate.kiosk.gate;

import java.time.Duration;
import org.venuegate.kiosk.config.KioskConfig;

/** The gate output {@code kiosk.json} describes (the loader has checked it). */
public final class GateOutputs {
    private GateOutputs() {
    }

    /** @return null when the configuration has no gate */
    public static GateOutput fromConfig(KioskConfig.Gate g) {
        if (g == null) {
            return null;
        }
        if (g.run() != null && !g.run().isEmpty()) {
            // the program's own deadline is a little longer than the gate's, so the gate reports the hang first
            return new ProgramGate(g.run(), Duration.ofMillis(g.timeout()));
        }
        return new SerialRelayGate(g.port(), g.baud(), g.bytes(), g.timeout());
    }

    /** A running gate for the configuration, reporting each failed opening; null when there is none. */
    public static Gate start(KioskConfig.Gate g, java.util.function.Consumer<Gate.Result> onResult) {
        GateOutput out = fromConfig(g);
        return out == null ? null : new Gate(out, Duration.ofMillis(g.timeout() + 250L), onResult);
    }
}
