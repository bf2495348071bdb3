package org.venuegate.kiosk.decode;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Runs the benchmark from a shell until the app CLI wires it; prints the failures too. */
public final class DecodeBenchMain {
    private DecodeBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        if (args.length > 0 && args[0].equals("frames")) {
            FrameCostBench.run(out);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/decode-corpus");
        DecodeBench.run(dir, out);
        var samples = DecodeBench.load(dir);
        for (var c : DecodeBench.contenders()) {
            out.println(c.name() + " failed: " + DecodeBench.measure(c, samples).failed());
        }
    }
}
